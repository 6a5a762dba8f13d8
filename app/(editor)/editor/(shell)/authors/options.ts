import 'server-only';

import { type LinkedAccount, listAccountsWithoutProfile } from '@/db/queries/author-profile-accounts';
import { getUser } from '@/db/queries/users';
import { authorKind } from '@/db/schema';
import { KIND_NAMES } from '@/lib/content/byline';

// The choices the Authors form offers, read on the server for the new and edit pages alike.

export const kindOptions = authorKind.enumValues.map((kind) => ({ value: kind, label: KIND_NAMES[kind] }));

const optionOf = (account: LinkedAccount) => ({ value: account.id, label: `${account.name} (${account.email})` });

/** The accounts without a profile, and the one the profile is linked to (first), if any. */
export async function accountOptions(linkedUserId: string | null): Promise<{ value: string; label: string }[]> {
  const [free, linked] = await Promise.all([listAccountsWithoutProfile(), linkedUserId ? getUser(linkedUserId) : undefined]);
  return [...(linked ? [linked] : []), ...free].map(optionOf);
}
