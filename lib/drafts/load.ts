import 'server-only';

import { redirect } from 'next/navigation';
import { cache } from 'react';

import { getDraft } from '@/db/queries/drafts';
import type { PublicUser } from '@/db/queries/users';
import { isUuid } from '@/lib/validation';

import { routes } from '../routes';
import { viewerOf } from './viewer';

// A redirect with a message, not notFound(): Next.js renders a 404 raised in a dynamic page as an
// empty shell that needs JavaScript.
const MISSING = routes.editor.drafts({ missing: true });

/** The draft of a page's [id], or back to the list with a message when it does not exist or is not the viewer's. */
export const loadDraft = cache(async (user: PublicUser, id: string) => {
  if (!isUuid(id)) redirect(MISSING);
  const draft = await getDraft(viewerOf(user), id);
  if (!draft) redirect(MISSING);
  return draft;
});
