import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { getDraft } from '@/db/queries/drafts';
import type { PublicUser } from '@/db/queries/users';
import { viewerOf } from './viewer';

/** The draft of a page's [id], or the 404 page when it does not exist or is not the viewer's. */
export const loadDraft = cache(async (user: PublicUser, id: string) => {
  if (!z.uuid().safeParse(id).success) notFound();
  const draft = await getDraft(viewerOf(user), id);
  if (!draft) notFound();
  return draft;
});
