'use client';

import { type ChangeEvent, useState } from 'react';

import { Picture } from '@/components/picture';
import { ACCEPTED_IMAGE_TYPES, checkFileSize, UPLOAD_HINT } from '@/lib/media/limits';

type ImageFieldProps = { name: string; label: string; currentSrc?: string; currentAlt?: string; error?: string };

/**
 * A picture upload inside a multipart server-action form. Without JavaScript the server checks the
 * file; with it, a file over the limit is caught before a 10 MB request is sent for nothing.
 */
export function ImageField({ name, label, currentSrc, currentAlt, error }: ImageFieldProps) {
  const [tooLarge, setTooLarge] = useState<string>();
  const id = `field-${name}`;
  const message = tooLarge ?? error;

  function check(event: ChangeEvent<HTMLInputElement>) {
    setTooLarge(checkFileSize(event.currentTarget));
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="field__hint" id={`${id}-hint`}>
        {UPLOAD_HINT}
      </p>
      {currentSrc ? (
        <p>
          <Picture src={currentSrc} alt={currentAlt ?? ''} width={96} height={96} sizes="96px" className="field__thumb" />
          <span> Current picture. Choose a file only to replace it.</span>
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type="file"
        accept={ACCEPTED_IMAGE_TYPES}
        onChange={check}
        aria-invalid={message ? true : undefined}
        aria-describedby={`${id}-hint${message ? ` ${id}-error` : ''}`}
      />
      {message ? (
        <p className="form-status form-status--error" id={`${id}-error`}>
          {message}
        </p>
      ) : null}
    </div>
  );
}
