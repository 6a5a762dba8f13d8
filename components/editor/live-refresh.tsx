'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * While `active`, asks the server for the page again every few seconds (a visible tab only), so a
 * running send's figures move by themselves. The page is whole without it: a reload shows the same.
 * The server renders `active` false once the send stops, which ends the refreshing.
 */
export function LiveRefresh({ active, everyMs = 3_000 }: { active: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh();
    }, everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, router]);
  return null;
}
