'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, type ReactNode, useEffect, useRef, useTransition } from 'react';

const PAUSE_MS = 300;

/**
 * The search page's form. Without JavaScript it is a plain GET form; with it, results follow the
 * typing: the same address is fetched and rendered by the same server page, only sooner.
 */
export function LiveSearchForm({ action, children }: { action: string; children: ReactNode }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [pending, startTransition] = useTransition();
  useEffect(() => () => clearTimeout(timer.current), []);

  function onInput(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const fields = [...new FormData(form)].filter((field): field is [string, string] => typeof field[1] === 'string' && field[1] !== '');
      const query = new URLSearchParams(fields).toString();
      startTransition(() => router.replace(query ? `${action}?${query}` : action, { scroll: false }));
    }, PAUSE_MS);
  }

  return (
    <form action={action} method="get" role="search" aria-label="Articles" aria-busy={pending} className="search-form" onInput={onInput}>
      {children}
    </form>
  );
}
