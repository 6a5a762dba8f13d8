'use client';

import { ImageField } from '@/components/editor/image-field';
import { useActionForm } from '@/components/forms/action-form';
import { FormStatus } from '@/components/forms/form-status';
import { LabelledField } from '@/components/forms/labelled-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { type AuthorFormValues, linkLabelField, linkRows, linkUrlField } from '@/lib/profile/author-form';

import { saveAuthorProfileAction } from '../actions/authors';

type Option = { value: string; label: string };

type AuthorProfileFormProps = {
  /** The saved profile's fields (empty for a new one); `version` among them once it exists. */
  saved: AuthorFormValues;
  id?: string;
  kinds: Option[];
  /** The accounts it may be linked to (its own, and those without a profile); none: the field is an admin's. */
  accounts?: Option[];
  pictureSrc?: string;
  submitLabel: string;
};

// Without JavaScript the server renders the same state, so a refused save keeps what was typed.
export function AuthorProfileForm({ saved, id, kinds, accounts, pictureSrc, submitLabel }: AuthorProfileFormProps) {
  const { state, formAction, statusId, errors } = useActionForm(saveAuthorProfileAction);
  const values = state?.values ?? saved;
  const text = (name: string, label: string, hint?: string) => (
    <LabelledField id={`field-${name}`} label={label} hint={hint} errors={errors[name]}>
      {(props) => <input {...props} name={name} type="text" defaultValue={values[name] ?? ''} />}
    </LabelledField>
  );
  return (
    <form action={formAction} className="editor-form" aria-describedby={statusId}>
      {id ? <input type="hidden" name="id" value={id} /> : null}
      {values.version ? <input type="hidden" name="version" value={values.version} /> : null}
      {text('name', 'Name', 'As the byline shows it: a person, e.g. “Jane Doe”, or an outlet, e.g. “The New Region”.')}
      {text('profileSlug', 'Public address', 'The author page’s address: lower-case words joined by hyphens, e.g. “jane-doe”.')}
      <LabelledField id="field-kind" label="Kind" hint="Partners and agencies are organisations; readers see the kind on the author card." errors={errors.kind}>
        {(props) => (
          <select {...props} name="kind" defaultValue={values.kind}>
            {kinds.map((kind) => (
              <option key={kind.value} value={kind.value}>
                {kind.label}
              </option>
            ))}
          </select>
        )}
      </LabelledField>
      <LabelledField
        id="field-bio"
        label="Bio"
        hint="20 to 600 characters, shown on the author page and under articles. Needed before the profile can be on a byline."
        errors={errors.bio}
      >
        {(props) => <textarea {...props} name="bio" rows={5} defaultValue={values.bio ?? ''} />}
      </LabelledField>
      <ImageField name="picture" label="Picture" currentSrc={pictureSrc} currentAlt={saved.pictureAlt} error={errors.picture?.[0]} />
      {text('pictureAlt', 'Picture alt text', 'Describe the picture for people who cannot see it, e.g. “The New Region’s logo, a green map pin”.')}
      <fieldset className="settings-list">
        <legend>Links</legend>
        <p className="field__hint">Up to {linkRows.length}: the outlet’s website, a social profile. Leave a row empty for none.</p>
        <ol>
          {linkRows.map((row) => (
            <li key={row} className="settings-list__row">
              {text(linkLabelField(row), `Link ${row}: label`)}
              {text(linkUrlField(row), `Link ${row}: address`, row === 1 ? 'A full address starting with https://' : undefined)}
            </li>
          ))}
        </ol>
      </fieldset>
      {accounts ? (
        <LabelledField
          id="field-userId"
          label="Linked account"
          hint="A newsroom account that writes under this profile; its Account page edits the profile too, and the account gets the drafts bylined on the profile. None for guests, partners and agencies."
          errors={errors.userId}
        >
          {(props) => (
            <select {...props} name="userId" defaultValue={values.userId ?? ''}>
              <option value="">None</option>
              {accounts.map((account) => (
                <option key={account.value} value={account.value}>
                  {account.label}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
      ) : null}
      <SubmitButton label={submitLabel} pendingLabel="Saving…" />
      <FormStatus id={statusId} state={state} />
    </form>
  );
}
