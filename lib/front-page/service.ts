import 'server-only';

import { type FrontPageQueue, type NewSlot, saveFrontPageSlots } from '@/db/queries/front-page';
import type { PublicUser } from '@/db/queries/users';

import type { Article, Site } from '../content/types';
import { formatDateAndTime } from '../dates/format';
import { parseLocalDateTime } from '../dates/local-time';
import { basedOnOf, type Choice, choicesOf, type FrontPageForm, MAX_PIN_DAYS, MAX_PIN_MS, MIN_PIN_MS, positionLabels, slotField, untilField } from './schema';

// Every function takes `now`, the one clock of the front page's rules, so tests can set it.

type Clock = Pick<Site, 'timeZone' | 'locale'>;
type Refusal = { ok: false; error: string; fieldErrors: Record<string, string[]> };
export type CheckedLayout = { ok: true; slots: NewSlot[] } | Refusal;
/** `current`, on a conflict: the version live now (null: automatic), which the next "Put live" is based on. */
export type FrontPageOutcome = { ok: true; message: string } | { ok: false; error: string; fieldErrors?: Record<string, string[]>; current?: Date | null };

/**
 * The form's choices as rows, or every problem, field by field: a story must be a published article
 * of the site (`articles`, the content facade's list), chosen once, and a pin must end at least a
 * minute and at most MAX_PIN_DAYS from `now`, read in the newsroom's time zone.
 */
export function checkLayout(form: FrontPageForm, articles: Pick<Article, 'slug' | 'title'>[], site: Clock, now: Date): CheckedLayout {
  const published = new Map(articles.map((article) => [article.slug, article]));
  const fieldErrors: Record<string, string[]> = {};
  const refuse = (field: string, message: string) => (fieldErrors[field] = [message]);
  const placedAt = new Map<string, Choice['position']>();
  const slots: NewSlot[] = [];
  for (const choice of choicesOf(form)) {
    const label = positionLabels[choice.position];
    if (!choice.slug) {
      if (choice.until) refuse(untilField(choice.position), `${label} is automatic: choose a story to pin, or leave the time empty.`);
      continue;
    }
    const article = published.get(choice.slug);
    const earlier = placedAt.get(choice.slug);
    if (!article) refuse(slotField(choice.position), `${label}: that story is not a published article of this site (it may have been unpublished).`);
    else if (earlier !== undefined)
      refuse(slotField(choice.position), `${label}: “${article.title}” is already the ${positionLabels[earlier].toLowerCase()}; a story appears once.`);
    else placedAt.set(choice.slug, choice.position);
    const pinnedUntil = choice.until ? parseLocalDateTime(choice.until, site.timeZone) : null;
    if (choice.until && !pinnedUntil) refuse(untilField(choice.position), `${label}: give the time as a date and time, such as 2026-12-01T18:30.`);
    else if (pinnedUntil && pinnedUntil.getTime() < now.getTime() + MIN_PIN_MS) {
      refuse(untilField(choice.position), `${label}: the pin must end at least a minute from now (${formatDateAndTime(now, site)}, ${site.timeZone}).`);
    } else if (pinnedUntil && pinnedUntil.getTime() > now.getTime() + MAX_PIN_MS) {
      refuse(untilField(choice.position), `${label}: a pin can last at most ${MAX_PIN_DAYS} days; leave the time empty to keep the story there until the layout changes.`);
    }
    slots.push({ position: choice.position, articleSlug: choice.slug, pinnedUntil });
  }
  const problems = Object.values(fieldErrors).flat();
  if (problems.length > 0) return { ok: false, error: problems.length === 1 ? problems[0]! : `${problems.length} problems: ${problems.join(' ')}`, fieldErrors };
  return { ok: true, slots };
}

/** Puts the layout live, unless someone saved the front page since the form was made. */
export async function saveFrontPage(
  form: FrontPageForm,
  user: Pick<PublicUser, 'id'>,
  articles: Pick<Article, 'slug' | 'title'>[],
  site: Clock,
  now: Date,
  queue: FrontPageQueue,
): Promise<FrontPageOutcome> {
  const checked = checkLayout(form, articles, site, now);
  if (!checked.ok) return checked;
  const saved = await saveFrontPageSlots(checked.slots, basedOnOf(form), user.id, now, queue);
  if (!saved.ok) {
    const when = saved.savedAt ? ` at ${formatDateAndTime(saved.savedAt, site)}` : '';
    const who = saved.savedAt ? `${saved.savedBy ?? 'Someone'} changed the front page${when}` : 'Someone set the front page back to automatic';
    return {
      ok: false,
      current: saved.savedAt,
      error: `${who}, after you opened this form, so nothing was changed. “Now on the front page” shows their layout; press “Put live” again to replace it with yours, or change yours first.`,
    };
  }
  const chosen = checked.slots.length;
  return {
    ok: true,
    message: chosen === 0 ? 'The front page is automatic again, on every server.' : `The front page is live with ${chosen} chosen ${chosen === 1 ? 'story' : 'stories'}.`,
  };
}
