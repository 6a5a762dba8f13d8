import { draftMode } from 'next/headers';
import { redirect } from 'next/navigation';

import { isSlug } from '@/lib/validation';

// Leaving preview changes nothing but this browser's own view, so a plain link may do it.
export async function GET(request: Request) {
  (await draftMode()).disable();
  const to = new URL(request.url).searchParams.get('to') ?? '/';
  // Only an article address of this site: never an open redirect.
  const slug = to.startsWith('/articles/') ? to.slice('/articles/'.length) : '';
  redirect(isSlug(slug) ? to : '/');
}
