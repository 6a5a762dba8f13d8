import type { AuthorLink, AuthorProfile } from '@/db/schema';

// The Authors form's fields as strings, shared by the form (a client component), the action that
// echoes a refused post back to it, and the service that reads its link rows.

/** Fixed rows, so adding a link needs no JavaScript; empty rows are left out. */
export const LINK_ROWS = 5;
export const LINK_LABEL_MAX = 40;
export const LINK_URL_MAX = 300;

export const linkRows = Array.from({ length: LINK_ROWS }, (_, index) => index + 1);
export const linkLabelField = (row: number) => `linkLabel${row}`;
export const linkUrlField = (row: number) => `linkUrl${row}`;

export type AuthorFormValues = Record<string, string>;

/** A saved profile as the form's fields. */
export function formValuesOf(profile: AuthorProfile | undefined): AuthorFormValues {
  const values: AuthorFormValues = {
    name: profile?.name ?? '',
    profileSlug: profile?.slug ?? '',
    kind: profile?.kind ?? 'contributor',
    bio: profile?.bio ?? '',
    pictureAlt: profile?.pictureAlt ?? '',
    userId: profile?.userId ?? '',
  };
  if (profile) values.version = String(profile.version);
  for (const row of linkRows) {
    const link = profile?.links[row - 1];
    values[linkLabelField(row)] = link?.label ?? '';
    values[linkUrlField(row)] = link?.url ?? '';
  }
  return values;
}

/** The filled link rows, or the problems of the rows half filled or with an address that is not https. */
export function parseLinkRows(values: AuthorFormValues): { links: AuthorLink[]; errors: Record<string, string[]> } {
  const links: AuthorLink[] = [];
  const errors: Record<string, string[]> = {};
  for (const row of linkRows) {
    const label = (values[linkLabelField(row)] ?? '').trim();
    const url = (values[linkUrlField(row)] ?? '').trim();
    if (!label && !url) continue;
    if (!label) errors[linkLabelField(row)] = [`Link ${row} needs a label, e.g. “Website”.`];
    else if (label.length > LINK_LABEL_MAX) errors[linkLabelField(row)] = [`Link ${row}’s label must be at most ${LINK_LABEL_MAX} characters.`];
    if (!isHttpsUrl(url)) errors[linkUrlField(row)] = [`Link ${row} needs a full https:// address, e.g. “https://example.org/”.`];
    else if (url.length > LINK_URL_MAX) errors[linkUrlField(row)] = [`Link ${row}’s address must be at most ${LINK_URL_MAX} characters.`];
    if (!errors[linkLabelField(row)] && !errors[linkUrlField(row)]) links.push({ label, url });
  }
  return { links, errors };
}

function isHttpsUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' && url.hostname.includes('.');
}
