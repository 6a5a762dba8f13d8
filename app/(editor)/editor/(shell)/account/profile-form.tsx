'use client';

import { useActionState, useId } from 'react';
import { FormStatus } from '@/components/newsletter/form-status';
import { SubmitButton } from '@/components/newsletter/submit-button';
import { ImageField } from '@/components/editor/image-field';
import type { ProfileValues } from '@/lib/profile/save-profile';
import { saveProfileAction, type ProfileState } from '../actions/account';

type ProfileFormProps = { saved: ProfileValues; pictureSrc?: string };

// Without JavaScript the server renders the same state, so a refused save keeps what was typed.
export function ProfileForm({ saved, pictureSrc }: ProfileFormProps) {
  const [state, formAction] = useActionState(saveProfileAction, null);
  const result = state as ProfileState;
  const id = useId();
  const values = result?.values ?? saved;
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="editor-form" aria-describedby={`${id}-status`}>
      <TextField
        name="profileSlug"
        label="Profile address"
        hint="Your author page’s address: lower-case words joined by hyphens, e.g. “jane-doe”."
        defaultValue={values.profileSlug}
        error={errors.profileSlug?.[0]}
      />
      <TextField name="bio" label="Bio" hint="20 to 600 characters, shown on your author page and under your articles." defaultValue={values.bio} error={errors.bio?.[0]} multiline />
      <ImageField name="picture" label="Profile picture" currentSrc={pictureSrc} currentAlt={saved.pictureAlt} error={errors.picture?.[0]} />
      <TextField
        name="pictureAlt"
        label="Picture alt text"
        hint="Describe the picture for people who cannot see it, e.g. “Jane Doe smiling in front of the town hall”."
        defaultValue={values.pictureAlt}
        error={errors.pictureAlt?.[0]}
      />
      <SubmitButton label="Save profile" pendingLabel="Saving…" />
      <FormStatus id={`${id}-status`} state={state} />
    </form>
  );
}

type TextFieldProps = { name: string; label: string; hint: string; defaultValue: string; error?: string; multiline?: boolean };

function TextField({ name, label, hint, defaultValue, error, multiline = false }: TextFieldProps) {
  const id = `field-${name}`;
  const control = {
    id,
    name,
    defaultValue,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': `${id}-hint${error ? ` ${id}-error` : ''}`,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      {multiline ? <textarea rows={5} {...control} /> : <input type="text" {...control} />}
      {error ? (
        <p className="form-status form-status--error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
