import 'server-only';
import {
  cancelSchedule,
  getDraftForPublishing,
  publishDraft,
  scheduleDraft,
  unpublishDraft,
  type DraftForPublishing,
  type PublishChange,
} from '@/db/queries/publishing';
import type { SearchEntry } from '@/db/queries/search-index';
import { getCategories, isContentArticleSlug } from '../content';
import { prepareDraft } from '../content/draft-article';
import { newsroomEntryId, searchConfig, searchEntryOf } from '../search/entries';
import { neighboursOf, tagsForChange } from './tags';

export type PublishOutcome = { ok: true; tags: string[]; slug: string } | { ok: false; problems: string[] };

export type Readiness = { ok: true; search: SearchEntry } | { ok: false; problems: string[] };

/** What stops the draft's current version from being published, or its row of the search index. */
export async function checkReadiness(draft: DraftForPublishing): Promise<Readiness> {
  if (!draft.current) return { ok: false, problems: ['This draft has no saved version.'] };
  const problems: string[] = [];
  if (await isContentArticleSlug(draft.current.slug)) problems.push(`The address “${draft.current.slug}” belongs to another article.`);
  const prepared = await prepareDraft({ id: draft.id, content: draft.current, publishedAt: new Date() }, await getCategories());
  problems.push(...prepared.problems);
  if (problems.length > 0 || !prepared.article) return { ok: false, problems };
  return { ok: true, search: searchEntryOf(prepared.article, newsroomEntryId(draft.id), await searchConfig()) };
}

/** What stops the draft's current version from being published, if anything. */
export async function readinessProblems(draft: DraftForPublishing): Promise<string[]> {
  const readiness = await checkReadiness(draft);
  return readiness.ok ? [] : readiness.problems;
}

const NO_DRAFT = { ok: false as const, problems: ['This draft no longer exists.'] };

/** Publishes the current version now. `tags` are those to expire; the caller does (it needs a request). */
export async function publishNow(draftId: string, version: number): Promise<PublishOutcome> {
  const draft = await getDraftForPublishing(draftId);
  if (!draft) return NO_DRAFT;
  if (draft.version !== version) {
    return { ok: false, problems: [`The draft was saved again (version ${draft.version}) since you loaded this page. Reload it, check the latest version, then publish.`] };
  }
  const readiness = await checkReadiness(draft);
  if (!readiness.ok) return readiness;
  const before = await neighboursOf(draft.published?.slug);
  const change = await publishDraft(draft.id, draft.version, readiness.search);
  if (!change) return { ok: false, problems: ['The draft was saved again while it was being checked. Please publish again.'] };
  return changed(change, before);
}

export async function unpublish(draftId: string): Promise<PublishOutcome> {
  const draft = await getDraftForPublishing(draftId);
  if (!draft) return NO_DRAFT;
  const before = await neighboursOf(draft.published?.slug);
  const change = await unpublishDraft(draft.id);
  if (!change) return { ok: false, problems: ['This article is not published.'] };
  return changed(change, before);
}

/** The tags of a change made elsewhere (the scheduler), given the neighbours before it. */
export async function changed(change: PublishChange, before: string[]): Promise<PublishOutcome & { ok: true }> {
  const after = await neighboursOf(change.after?.slug);
  const slug = change.after?.slug ?? change.before?.slug ?? '';
  return { ok: true, slug, tags: await tagsForChange(change, { before, after }) };
}

export type ScheduleOutcome = { ok: true } | { ok: false; problems: string[] };

export async function schedule(draftId: string, runAt: Date, userId: string): Promise<ScheduleOutcome> {
  if (runAt.getTime() <= Date.now()) return { ok: false, problems: ['Choose a time in the future, or publish now.'] };
  const draft = await getDraftForPublishing(draftId);
  if (!draft) return NO_DRAFT;
  // Checked now so the newsroom hears about problems today, and again when the time comes.
  const problems = await readinessProblems(draft);
  if (problems.length > 0) return { ok: false, problems };
  return (await scheduleDraft(draft.id, runAt, userId)) ? { ok: true } : NO_DRAFT;
}

export async function cancel(draftId: string): Promise<ScheduleOutcome> {
  const outcome = await cancelSchedule(draftId);
  if (outcome === 'none') return { ok: false, problems: ['Nothing is scheduled for this draft.'] };
  return outcome ? { ok: true } : NO_DRAFT;
}
