import 'server-only';

import { completeJob, failJob, getJobRevision, jobsOwingEmail, noteJobProblem, startJobAttempt } from '@/db/queries/publish-jobs';
import { getDraftForPublishing } from '@/db/queries/publishing';
import { storeWordCount } from '@/db/queries/word-counts';
import type { PublishJob } from '@/db/schema';
import { log } from '@/lib/log';

import { neighboursOf } from '../cache/changes';
import { expire } from '../cache/expire';
import { startSend } from '../newsletter/sends';
import { changed, checkReadiness } from '../publishing/service';

// One attempt at a scheduled publication, inside a request (app/api/publishing/run/route.ts), so
// the pages it changes are expired at once. The job queue calls it (lib/jobs/publications.ts).

/** 'skipped': nothing to do (cancelled, already done or failed); 'lost': cancelled or taken over while it ran. */
export type PublicationOutcome = 'published' | 'retry' | 'failed' | 'lost' | 'skipped';

const UNPINNED = 'This schedule does not say which version to publish (it was made before schedules recorded one). Check the draft and schedule it again.';

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

type Attempt = { outcome: Exclude<PublicationOutcome, 'skipped'>; tags?: string[] };

/**
 * Publishes the revision the editor scheduled, never a later save (that needs approving again), or
 * records why it could not. A failure no retry can mend gives up at once, any other on `lastAttempt`.
 */
async function attempt(job: PublishJob, lastAttempt: boolean): Promise<Attempt> {
  const fail = async (reason: string, final = false) => ({ outcome: await failJob(job, reason, final || lastAttempt) });
  try {
    const draft = await getDraftForPublishing(job.draftId);
    if (!draft) return fail('The draft no longer exists.', true);
    const revision = await getJobRevision(job);
    if (!revision) return fail(UNPINNED, true);
    const readiness = await checkReadiness(draft, revision.content);
    if (!readiness.ok) return fail(`Version ${revision.version} is not ready to publish: ${readiness.problems.join(' ')}`);
    await storeWordCount({ draftId: job.draftId, version: revision.version }, readiness.words);
    const before = await neighboursOf(draft.published?.slug);
    const change = await completeJob(job, readiness.search);
    if (change === 'lost') return { outcome: 'lost' };
    if (change === 'gone') return fail(UNPINNED, true);
    if (change === 'address') {
      return fail(
        `Version ${revision.version} was scheduled at the address “${revision.content.slug}”, which was changed since. Check the latest version and schedule it again.`,
        true,
      );
    }
    return { outcome: 'published', tags: (await changed(change, before)).tags };
  } catch (error) {
    return fail(reasonOf(error)).catch(() => ({ outcome: 'retry' as const }));
  }
}

/**
 * Starts the newsletter send the editor asked for; the problem if it did not start. A refusal
 * because another server's attempt started it meanwhile (a start-up sweep racing) is no problem.
 */
async function emailSubscribers(job: PublishJob): Promise<string | null> {
  const problem = await startSend({ draftId: job.draftId, by: job.createdBy, again: false }).then(
    (result) => (result.ok ? null : result.error),
    (error: unknown) => reasonOf(error),
  );
  if (!problem || (await jobsOwingEmail(job.id).catch(() => [job])).length === 0) return null;
  log.error(`Scheduled publication ${job.id} is published, but its newsletter send did not start: ${problem}`);
  return `Published, but the email to subscribers did not start: ${problem}`;
}

/**
 * What follows a publication: its pages expired and its send started, if asked. Neither undoes the
 * publication; their problems are noted on the job last, as the note tells the start-up sweep
 * (startOwedEmails) that the email was dealt with.
 */
async function afterPublishing(job: PublishJob, tags: string[], expirePages: (tags: string[]) => Promise<void>): Promise<void> {
  const pages = await expirePages(tags).then(
    () => null,
    (error: unknown) => {
      log.error({ err: error }, `Scheduled publication ${job.id} is published, but its pages were not all refreshed`);
      return `Published, but some pages may not show it yet: ${reasonOf(error)}`;
    },
  );
  const email = job.emailSubscribers ? await emailSubscribers(job) : null;
  const problems = [email, pages].filter((problem) => problem !== null);
  if (problems.length > 0) await noteJobProblem(job.id, problems.join(' ')).catch(() => {});
}

/**
 * Runs one attempt at the publish job: publishes it, expires the pages that show it (`expirePages`
 * needs a request: tests, outside one, pass their own) and starts its newsletter send if asked.
 */
export async function runPublication(publishJobId: string, lastAttempt: boolean, expirePages: (tags: string[]) => Promise<void> = expire): Promise<PublicationOutcome> {
  const job = await startJobAttempt(publishJobId);
  if (!job) return 'skipped';
  const { outcome, tags } = await attempt(job, lastAttempt);
  if (outcome !== 'published') {
    if (outcome !== 'lost') log.warn(`Scheduled publication ${job.id} did not go out (${outcome}); see the newsroom dashboard.`);
    return outcome;
  }
  await afterPublishing(job, tags ?? [], expirePages);
  return outcome;
}

/**
 * Starts the sends owed by publications whose server stopped between publishing and starting the
 * send (the queue does not run a done job again). At start-up (app/api/publishing/owed-emails/route.ts);
 * returns how many it started.
 */
export async function startOwedEmails(): Promise<number> {
  let started = 0;
  for (const job of await jobsOwingEmail()) {
    const problem = await emailSubscribers(job);
    if (problem) await noteJobProblem(job.id, problem);
    else started += 1;
  }
  return started;
}
