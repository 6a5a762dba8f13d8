import 'server-only';

import { type BannerQueue, endBanner, postBanner } from '@/db/queries/breaking-news';
import type { PublicUser } from '@/db/queries/users';

import type { Site } from '../content/types';
import { formatDateAndTime } from '../dates/format';
import { parseLocalDateTime } from '../dates/local-time';
import { MAX_LIFETIME_MS, MIN_LIFETIME_MS, type PostBannerInput } from './schema';

// Every function takes `now`, the one clock of the banner's rules, so tests can set it.

export type BannerOutcome = { ok: true; message: string } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

/** Posts a banner, live at once and until its expiry (in the newsroom's time zone); it replaces the live one. */
export async function postBreakingNews(
  input: PostBannerInput,
  user: Pick<PublicUser, 'id'>,
  site: Pick<Site, 'timeZone' | 'locale'>,
  now: Date,
  queue: BannerQueue,
): Promise<BannerOutcome> {
  const expiresAt = parseLocalDateTime(input.expiresAt, site.timeZone);
  const refuse = (error: string): BannerOutcome => ({ ok: false, error, fieldErrors: { expiresAt: [error] } });
  if (!expiresAt) return refuse('Give the expiry as a date and time, such as 2026-12-01T18:30.');
  if (expiresAt.getTime() < now.getTime() + MIN_LIFETIME_MS) return refuse(`The expiry must be at least a minute from now (${formatDateAndTime(now, site)}).`);
  if (expiresAt.getTime() > now.getTime() + MAX_LIFETIME_MS) return refuse('A banner can stay up for at most 7 days.');
  const { replaced } = await postBanner({ text: input.text, href: input.href, expiresAt, createdBy: user.id }, now, queue);
  const until = formatDateAndTime(expiresAt, site);
  return { ok: true, message: `The banner is live on every page until ${until}${replaced.length > 0 ? ', in place of the one before' : ''}.` };
}

/** Takes the banner down now; refused when it is no longer live. */
export async function takeDownBreakingNews(bannerId: string, now: Date, queue: BannerQueue): Promise<BannerOutcome> {
  const ended = await endBanner(bannerId, now, queue);
  if (!ended) return { ok: false, error: 'That banner is no longer up: it expired, was taken down or was replaced.' };
  return { ok: true, message: 'The banner is down on every page.' };
}
