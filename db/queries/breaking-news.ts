import 'server-only';

import { and, desc, eq, gt, isNull, lte, sql } from 'drizzle-orm';

import { getDb } from '../index';
import { type BreakingNews, breakingNews, users } from '../schema';
import type { Transaction } from './publishing';

/** The banner's expiry job on the queue, queued and cancelled inside the banner's own transaction. */
export type BannerQueue = {
  /** Called before the transaction opens: the queue must be up before it can join one. */
  ready(): Promise<void>;
  queued(banner: { id: string; expiresAt: Date }, tx: Transaction): Promise<unknown>;
  cancelled(bannerIds: string[], tx: Transaction): Promise<unknown>;
};

// Posts and take-downs queue behind one another: two posts at once would each end the banners they
// see, then both insert, and two banners would be live.
const BANNER_LOCK = sql`select pg_advisory_xact_lock(hashtext('broadsheet:breaking-news'))`;

/** Live at `now`: begun, not expired, not taken down. */
const liveAt = (now: Date) => and(lte(breakingNews.startsAt, now), gt(breakingNews.expiresAt, now), isNull(breakingNews.endedAt));

export async function readLiveBanner(now: Date): Promise<BreakingNews | null> {
  const [row] = await getDb().select().from(breakingNews).where(liveAt(now)).orderBy(desc(breakingNews.startsAt), desc(breakingNews.createdAt)).limit(1);
  return row ?? null;
}

export type NewBanner = { text: string; href: string | null; expiresAt: Date; createdBy: string };

/**
 * Puts a banner up at `now`, ending the one that was live (one banner at a time), with its expiry job
 * queued and the replaced banners' jobs cancelled in the same transaction. The new banner, and the ids it replaced.
 */
export async function postBanner(banner: NewBanner, now: Date, queue: BannerQueue): Promise<{ banner: BreakingNews; replaced: string[] }> {
  await queue.ready();
  return getDb().transaction(async (tx) => {
    await tx.execute(BANNER_LOCK);
    // Not only those live at `now`: a post that waited for the lock may carry an earlier clock than
    // the banner posted meanwhile, which has to end all the same.
    const replaced = await tx
      .update(breakingNews)
      .set({ endedAt: now })
      .where(and(gt(breakingNews.expiresAt, now), isNull(breakingNews.endedAt)))
      .returning({ id: breakingNews.id });
    const [created] = await tx
      .insert(breakingNews)
      .values({ ...banner, startsAt: now, createdAt: now })
      .returning();
    const ids = replaced.map((row) => row.id);
    await queue.cancelled(ids, tx);
    await queue.queued(created!, tx);
    return { banner: created!, replaced: ids };
  });
}

/** Takes a live banner down at `now`, cancelling its expiry job; null when it was not live. */
export async function endBanner(id: string, now: Date, queue: BannerQueue): Promise<BreakingNews | null> {
  await queue.ready();
  return getDb().transaction(async (tx) => {
    await tx.execute(BANNER_LOCK);
    const [ended] = await tx
      .update(breakingNews)
      .set({ endedAt: now })
      .where(and(eq(breakingNews.id, id), liveAt(now)))
      .returning();
    if (ended) await queue.cancelled([ended.id], tx);
    return ended ?? null;
  });
}

export type ListedBanner = BreakingNews & { createdByName: string | null };

/** The most recent banners, newest first, with who posted them: the newsroom's history. */
export async function listRecentBanners(limit = 20): Promise<ListedBanner[]> {
  const rows = await getDb()
    .select({ banner: breakingNews, createdByName: users.name })
    .from(breakingNews)
    .leftJoin(users, eq(users.id, breakingNews.createdBy))
    .orderBy(desc(breakingNews.createdAt))
    .limit(limit);
  return rows.map(({ banner, createdByName }) => ({ ...banner, createdByName }));
}
