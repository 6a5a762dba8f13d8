'use client';

import type { FormEvent } from 'react';

import { clearUnsavedCopiesOf, hasUnsavedCopies } from './unsaved-copy';

type SignOutFormProps = { writerId: string; action: (formData: FormData) => void | Promise<void> };

/**
 * Sign out, taking this person's unsaved text out of the browser with them: on a shared newsroom
 * computer the next person must not find it. If some is not saved yet (typed moments ago, or a save
 * that failed), the person is asked first. Without JavaScript nothing was kept, so nothing is removed.
 */
export function SignOutForm({ writerId, action }: SignOutFormProps) {
  const signOut = (event: FormEvent<HTMLFormElement>) => {
    if (hasUnsavedCopies(writerId) && !window.confirm('Some text you typed is not saved yet. Sign out and remove it from this browser?')) {
      event.preventDefault();
      return;
    }
    clearUnsavedCopiesOf(writerId);
  };
  return (
    <form action={action} onSubmit={signOut}>
      <button type="submit" className="link-button">
        Sign out
      </button>
    </form>
  );
}
