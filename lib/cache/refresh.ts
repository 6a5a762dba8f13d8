import 'server-only';

import { refresh } from 'next/cache';

/**
 * After a server action changes what only dynamic (newsroom) pages show: the browser refetches the
 * page it is on, so a form submitted with JavaScript shows the saved result. Nothing cached is
 * expired (revalidatePath would, for pages that are not cached at all). Server actions only.
 */
export function refreshPage(): void {
  refresh();
}
