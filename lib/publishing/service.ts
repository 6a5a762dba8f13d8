import 'server-only';

import { type DraftForPublishing, getDraftForPublishing, type PublishChange, publishDraft, unpublishDraft } from '@/db/queries/publishing';
import { cancelSchedule, scheduleDraft } from '@/db/queries/schedules';
import type { SearchEntry } from '@/db/queries/search-index';
import { storeWordCount } from '@/db/queries/word-counts';
import type { DraftContent } from '@/db/schema';

import { neighboursOf, tagsForChange } from '../cache/changes';
import { getCategories, isContentArticleSlug } from '../content';
import { prepareDraft } from '../content/draft-article';
import type { CompileGate } from '../content/draft-mdx';
import { compileGate } from '../drafts/preview-turns';
import { publicationQueue } from '../jobs/publications';
import { LEASE_SECONDS } from '../newsletter/delivery-settings';
import { newsroomEntryId, searchConfig, searchEntryOf } from '../search/entries';

export type PublishOutcome = { ok: true; tags: string[]; slug: string } | { ok: false; problems: string[] };

/** `words`: of the checked body, counted by the worker, for its revision to keep (a listing reads it). */
export type Readiness = { ok: true; search: SearchEntry; words: number } | { ok: false; problems: string[] };

/**
 * What stops a version of the draft (by default its current one) from being published, or that
 * version's row of the search index. `gate`: the turn of the person publishing (none for the scheduler).
 */
export async function checkReadiness(draft: DraftForPublishing, content: DraftContent | null = draft.current, gate?: CompileGate): Promise<Readiness> {
  if (!content) return { ok: false, problems: ['This draft has no saved version.'] };
  const problems: string[] = [];
  if (await isContentArticleSlug(content.slug)) problems.push(`The address “${content.slug}” belongs to another article.`);
  const prepared = await prepareDraft({ id: draft.id, content, publishedAt: new Date() }, await getCategories(), gate);
  problems.push(...prepared.problems);
  const words = prepared.article?.words;
  if (problems.length > 0 || !prepared.article || words === undefined) return { ok: false, problems };
  return { ok: true, search: searchEntryOf(prepared.article, newsroomEntryId(draft.id), await searchConfig()), words };
}

/** What stops a version of the draft (by default its current one) from being published, if anything. */
export async function readinessProblems(draft: DraftForPublishing, content: DraftContent | null = draft.current, gate?: CompileGate): Promise<string[]> {
  const readiness = await checkReadiness(draft, content, gate);
  return readiness.ok ? [] : readiness.problems;
}

const FUTURE_DATE = 'The publication date cannot be in the future. To publish later, use Schedule.';

const NO_DRAFT = { ok: false as const, problems: ['This draft no longer exists.'] };

const savedAgain = (draft: DraftForPublishing, what: string) => ({
  ok: false as const,
  problems: [`The draft was saved again (version ${draft.version}) since you loaded this page. Reload it, check the latest version, then ${what}.`],
});

/**
 * Publishes the current version now. `tags` are those to expire; the caller does (it needs a request).
 * `publicationDate`: the date line, if the editor gave one (not in the future: parsePublicationDate).
 */
export async function publishNow(draftId: string, version: number, userId?: string, publicationDate?: Date): Promise<PublishOutcome> {
  if (publicationDate && publicationDate.getTime() > Date.now()) return { ok: false, problems: [FUTURE_DATE] };
  const draft = await getDraftForPublishing(draftId);
  if (!draft) return NO_DRAFT;
  if (draft.version !== version) return savedAgain(draft, 'publish');
  const readiness = await checkReadiness(draft, draft.current, userId ? compileGate(userId) : undefined);
  if (!readiness.ok) return readiness;
  // A revision saved before counts were stored gets its count now, from the check just made.
  await storeWordCount({ draftId: draft.id, version: draft.version }, readiness.words);
  const before = await neighboursOf(draft.published?.slug);
  const change = await publishDraft(draft.id, draft.version, readiness.search, publicationDate);
  if (!change) return { ok: false, problems: ['The draft was saved again while it was being checked. Please publish again.'] };
  return changed(change, before);
}

/** `stoppedSends`: the article's newsletter sends that were still going out, cancelled with it. */
export type UnpublishOutcome = (PublishOutcome & { ok: true; stoppedSends: number }) | (PublishOutcome & { ok: false });

export async function unpublish(draftId: string): Promise<UnpublishOutcome> {
  const draft = await getDraftForPublishing(draftId);
  if (!draft) return NO_DRAFT;
  const before = await neighboursOf(draft.published?.slug);
  const change = await unpublishDraft(draft.id, LEASE_SECONDS);
  if (!change) return { ok: false, problems: ['This article is not published.'] };
  return { ...(await changed(change, before)), stoppedSends: change.stoppedSends };
}

/** The tags of a change made elsewhere (the scheduler), given the neighbours before it. */
export async function changed(change: PublishChange, before: string[]): Promise<PublishOutcome & { ok: true }> {
  const after = await neighboursOf(change.after?.slug);
  const slug = change.after?.slug ?? change.before?.slug ?? '';
  return { ok: true, slug, tags: await tagsForChange(change, { before, after }) };
}

export type ScheduleOutcome = { ok: true } | { ok: false; problems: string[] };

/**
 * Schedules the version the editor saw; that version, and no later save, is what goes out.
 * `emailSubscribers`: the run also starts the newsletter send; `publicationDate`: its date line.
 */
export async function schedule(draftId: string, version: number, runAt: Date, userId: string, emailSubscribers = false, publicationDate?: Date): Promise<ScheduleOutcome> {
  if (runAt.getTime() <= Date.now()) return { ok: false, problems: ['Choose a time in the future, or publish now.'] };
  if (publicationDate && publicationDate.getTime() > runAt.getTime()) return { ok: false, problems: ['The publication date cannot be later than the scheduled time.'] };
  const draft = await getDraftForPublishing(draftId);
  if (!draft) return NO_DRAFT;
  if (draft.version !== version) return savedAgain(draft, 'schedule');
  // Checked now so the newsroom hears about problems today, and again when the time comes.
  const problems = await readinessProblems(draft, draft.current, compileGate(userId));
  if (problems.length > 0) return { ok: false, problems };
  const outcome = await scheduleDraft(draft.id, runAt, userId, version, emailSubscribers, publicationQueue, publicationDate ?? null);
  if (outcome === 'changed') return { ok: false, problems: ['The draft was saved again while it was being checked. Reload the page, check it, then schedule.'] };
  return outcome ? { ok: true } : NO_DRAFT;
}

export async function cancel(draftId: string): Promise<ScheduleOutcome> {
  const outcome = await cancelSchedule(draftId, publicationQueue);
  if (outcome === 'none') return { ok: false, problems: ['Nothing is scheduled for this draft.'] };
  return outcome ? { ok: true } : NO_DRAFT;
}
