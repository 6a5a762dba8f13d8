'use client';

import { useDeferredValue, useMemo } from 'react';

import { parseMdx } from '@/lib/content/mdx-tree';
import { countWords, readingMinutes } from '@/lib/content/reading-time';

import { tooComplexToOpen } from './complexity';

/**
 * The body's words and reading time as the published page will show them: the server's own count
 * (lib/content/reading-time.ts) over the server's own parse of the same MDX. The writer's text is
 * parsed on the writer's machine only, and deferred so typing never waits for it.
 */
export function WordCount({ body }: { body: string }) {
  const deferred = useDeferredValue(body);
  const words = useMemo(() => {
    if (tooComplexToOpen(deferred)) return null;
    try {
      return countWords(parseMdx(deferred));
    } catch {
      // Not valid MDX yet (an unclosed tag while typing in the source view): no count until it is.
      return null;
    }
  }, [deferred]);
  return (
    <p className="body-editor__count">
      {words === null ? 'Word count: waiting for valid MDX' : `${words.toLocaleString('en-GB')} ${words === 1 ? 'word' : 'words'} · ${readingMinutes(words)} min read`}
    </p>
  );
}
