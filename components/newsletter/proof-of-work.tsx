'use client';

import type {} from 'altcha/types/react';
import { useEffect, useRef } from 'react';

/**
 * The self-hosted ALTCHA widget: solves the challenge in the browser, then sends the form again
 * with its answer. Loaded only when the server asks for a challenge, so no page carries it before.
 */
export function ProofOfWork({ challenge }: { challenge: string }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const widget = ref.current;
    if (!widget) return;
    const resend = () => widget.closest('form')?.requestSubmit();
    widget.addEventListener('verified', resend);
    // Imported here, in the browser: the module defines a custom element, which servers have not.
    void import('altcha');
    return () => widget.removeEventListener('verified', resend);
  }, [challenge]);
  return <altcha-widget ref={ref} challenge={challenge} auto="onload" name="altcha" />;
}
