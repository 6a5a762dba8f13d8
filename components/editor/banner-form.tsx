'use client';

import { type FormAction, useActionForm } from '@/components/forms/action-form';
import { FormStatus } from '@/components/forms/form-status';
import { LabelledField } from '@/components/forms/labelled-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { BANNER_TEXT_MAX, BANNER_TEXT_MIN } from '@/lib/breaking-news/schema';

type Props = { action: FormAction; defaultExpiry: string; timeZone: string; replacing: boolean };

/** Posts a breaking-news banner; a refused post comes back with what was typed. */
export function BannerForm({ action, defaultExpiry, timeZone, replacing }: Props) {
  const { state, formAction, statusId, errors } = useActionForm(action);
  const values = state && !state.ok ? (state.values ?? {}) : {};
  return (
    <form action={formAction} className="editor-form" aria-describedby={statusId}>
      <LabelledField id="banner-text" label="Text" hint={`${BANNER_TEXT_MIN}–${BANNER_TEXT_MAX} characters, shown on every reader page.`} errors={errors.text}>
        {(props) => <input {...props} name="text" required minLength={BANNER_TEXT_MIN} maxLength={BANNER_TEXT_MAX} defaultValue={values.text ?? ''} />}
      </LabelledField>
      <LabelledField id="banner-href" label="Link (optional)" hint="A path on this site, such as /articles/flood-warning, or an https:// address." errors={errors.href}>
        {(props) => <input {...props} name="href" defaultValue={values.href ?? ''} />}
      </LabelledField>
      <LabelledField id="banner-expires" label={`Expires (${timeZone})`} hint="At least a minute and at most 7 days from now; it goes by itself then." errors={errors.expiresAt}>
        {(props) => <input {...props} name="expiresAt" type="datetime-local" required defaultValue={values.expiresAt ?? defaultExpiry} />}
      </LabelledField>
      <SubmitButton label={replacing ? 'Post banner (replaces the live one)' : 'Post banner'} pendingLabel="Posting…" />
      <FormStatus id={statusId} state={state} />
    </form>
  );
}
