'use client';

import { useFormStatus } from 'react-dom';

/** Primary: the one action a page leads with. Destructive: undoes something readers see. Plain: the rest. */
export type ButtonTone = 'primary' | 'plain' | 'destructive';

export const buttonClass = (tone: ButtonTone = 'primary') => (tone === 'primary' ? 'button' : `button button--${tone === 'plain' ? 'secondary' : 'destructive'}`);

export function SubmitButton({ label, pendingLabel, tone }: { label: string; pendingLabel: string; tone?: ButtonTone }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={buttonClass(tone)} disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : label}
    </button>
  );
}
