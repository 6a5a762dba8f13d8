'use client';

import { ImageField } from '@/components/editor/image-field';
import { useActionForm } from '@/components/forms/action-form';
import { FormStatus } from '@/components/forms/form-status';
import { LabelledField } from '@/components/forms/labelled-field';
import { SubmitButton } from '@/components/forms/submit-button';
import type { ProfileValues } from '@/lib/profile/save-profile';

import { type ProfileState, saveProfileAction } from '../actions/account';

type ProfileFormProps = { saved: ProfileValues; version?: number; pictureSrc?: string };

// Without JavaScript the server renders the same state, so a refused save keeps what was typed.
export function ProfileForm({ saved, version, pictureSrc }: ProfileFormProps) {
  const { state, formAction, statusId, errors } = useActionForm(saveProfileAction);
  const result = state as ProfileState;
  const values = result?.values ?? saved;
  const savedVersion = result?.version ?? version;
  return (
    <form action={formAction} className="editor-form" aria-describedby={statusId}>
      {savedVersion ? <input type="hidden" name="version" value={savedVersion} /> : null}
      <LabelledField
        id="field-profileSlug"
        label="Profile address"
        hint="Your author page’s address: lower-case words joined by hyphens, e.g. “jane-doe”."
        errors={errors.profileSlug}
      >
        {(props) => <input {...props} name="profileSlug" type="text" defaultValue={values.profileSlug} />}
      </LabelledField>
      <LabelledField id="field-bio" label="Bio" hint="20 to 600 characters, shown on your author page and under your articles." errors={errors.bio}>
        {(props) => <textarea {...props} name="bio" rows={5} defaultValue={values.bio} />}
      </LabelledField>
      <ImageField name="picture" label="Profile picture" currentSrc={pictureSrc} currentAlt={saved.pictureAlt} error={errors.picture?.[0]} />
      <LabelledField
        id="field-pictureAlt"
        label="Picture alt text"
        hint="Describe the picture for people who cannot see it, e.g. “Jane Doe smiling in front of the town hall”."
        errors={errors.pictureAlt}
      >
        {(props) => <input {...props} name="pictureAlt" type="text" defaultValue={values.pictureAlt} />}
      </LabelledField>
      <SubmitButton label="Save profile" pendingLabel="Saving…" />
      <FormStatus id={statusId} state={state} />
    </form>
  );
}
