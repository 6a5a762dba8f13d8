import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

import { openOwnDatabase } from './helpers/own-database';

// A database and a queue schema of this file's own: the banner is one per site, and no other file's
// workers may take its expiry jobs. The clock is the `now` every banner function takes.
process.env.JOB_QUEUE_SCHEMA = 'pgboss_breaking_news';
const database = await openOwnDatabase();
const { closeDb, getDb } = await import('@/db');
const { createUser } = await import('@/db/queries/users');
const { listRecentBanners } = await import('@/db/queries/breaking-news');
const { getLiveBanner } = await import('@/lib/breaking-news/live');
const { postBannerSchema } = await import('@/lib/breaking-news/schema');
const { postBreakingNews, takeDownBreakingNews } = await import('@/lib/breaking-news/service');
const { toLocalDateTime } = await import('@/lib/dates/local-time');
const { bannerExpiryWorker, bannerQueue } = await import('@/lib/jobs/banners');
const { JobQueue, stopQueue } = await import('@/lib/jobs/queue');
const { until } = await import('./helpers/until');

afterAll(async () => {
  await stopQueue(2_000);
  await closeDb();
  await database.drop();
});

const site = { timeZone: 'Europe/London', locale: 'en-GB' };
const editor = (await createUser({ email: 'banner-editor@newsroom.example', name: 'Eda Editor', role: 'editor', passwordHash: 'x' }))!;
const MINUTE = 60_000;
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);
// Whole seconds: the form gives the expiry to the minute, and the clock below is set to match.
const start = new Date(Math.ceil(Date.now() / MINUTE) * MINUTE + 10 * MINUTE);

async function post(text: string, now: Date, expiresInMinutes: number, href = '', queue = bannerQueue) {
  const input = postBannerSchema.parse({ text, href, expiresAt: toLocalDateTime(at(now, expiresInMinutes), site.timeZone) });
  return postBreakingNews(input, editor, site, now, queue);
}

/** The banner's expiry job as pg-boss holds it. */
async function jobOf(id: string) {
  const rows = await getDb().execute<{ state: string; start_after: Date }>(
    sql`select state, start_after from pgboss_breaking_news.job where name = 'banner-expiry' and id = ${id}`,
  );
  return rows[0] ? { state: rows[0].state, startAfter: new Date(rows[0].start_after) } : null;
}

describe('the breaking-news banner', () => {
  it('is refused with a clear message when its text, link or expiry is wrong', async () => {
    expect(postBannerSchema.safeParse({ text: 'Hi', href: '', expiresAt: 'x' }).success).toBe(false);
    expect(postBannerSchema.safeParse({ text: 'Flood warning', href: 'javascript:alert(1)', expiresAt: 'x' }).success).toBe(false);
    expect(postBannerSchema.safeParse({ text: 'Flood warning', href: '//evil.example', expiresAt: 'x' }).success).toBe(false);
    expect(postBannerSchema.safeParse({ text: 'Flood warning', href: 'http://news.example/x', expiresAt: 'x' }).success).toBe(false);
    expect(postBannerSchema.parse({ text: ' Flood warning ', href: 'https://news.example/x', expiresAt: 'x' })).toMatchObject({ text: 'Flood warning' });
    expect(await post('Already expired', start, -5)).toMatchObject({ ok: false, fieldErrors: { expiresAt: [expect.stringContaining('at least a minute')] } });
    expect(await post('Far too long', start, 8 * 24 * 60)).toMatchObject({ ok: false, error: 'A banner can stay up for at most 7 days.' });
    expect(await getLiveBanner(start)).toBeNull();
  });

  it('is live from its posting until its expiry, never after, with its expiry job queued for that moment', async () => {
    const posted = await post('Bridge closed after the flood', start, 30, '/articles/bridge');
    expect(posted).toMatchObject({ ok: true });
    const live = (await getLiveBanner(at(start, 1)))!;
    expect(live).toMatchObject({ text: 'Bridge closed after the flood', href: '/articles/bridge', expiresAt: at(start, 30) });
    expect(await getLiveBanner(at(start, -1))).toBeNull();
    expect(await getLiveBanner(at(start, 29.99))).toMatchObject({ id: live.id });
    expect(await getLiveBanner(at(start, 30))).toBeNull();
    expect(await getLiveBanner(at(start, 31))).toBeNull();
    expect(await jobOf(live.id)).toEqual({ state: 'created', startAfter: at(start, 30) });
  });

  it('is replaced by a new one, whose job replaces the old one’s', async () => {
    const now = at(start, 60);
    await post('First banner of the hour', now, 120);
    const first = (await getLiveBanner(now))!;
    const replacing = await post('Second banner replaces it', at(now, 5), 60);
    expect(replacing).toMatchObject({ ok: true, message: expect.stringContaining('in place of the one before') });
    const second = (await getLiveBanner(at(now, 6)))!;
    expect(second.text).toBe('Second banner replaces it');
    // The first is over for good, even before its own expiry.
    expect(await getLiveBanner(at(now, 64))).toMatchObject({ id: second.id, text: 'Second banner replaces it' });
    expect(await getLiveBanner(at(now, 65))).toBeNull();
    expect((await jobOf(first.id))!.state).toBe('cancelled');
    expect(await jobOf(second.id)).toEqual({ state: 'created', startAfter: at(now, 65) });
  });

  it('comes down at once when taken down, its job cancelled, and cannot be taken down twice', async () => {
    const now = at(start, 300);
    await post('Road reopened this morning', now, 60);
    const banner = (await getLiveBanner(now))!;
    expect(await takeDownBreakingNews(banner.id, at(now, 2), bannerQueue)).toMatchObject({ ok: true });
    expect(await getLiveBanner(at(now, 3))).toBeNull();
    expect((await jobOf(banner.id))!.state).toBe('cancelled');
    expect(await takeDownBreakingNews(banner.id, at(now, 4), bannerQueue)).toMatchObject({ ok: false, error: expect.stringContaining('no longer up') });
    const history = await listRecentBanners();
    expect(history[0]).toMatchObject({ id: banner.id, endedAt: at(now, 2), createdByName: 'Eda Editor' });
  });

  it('is one at a time even when two editors post at the same moment', async () => {
    const now = at(start, 600);
    // Each post's transaction stays open a moment after its insert, so the two surely overlap.
    const slow: typeof bannerQueue = {
      ...bannerQueue,
      queued: async (banner, tx) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return bannerQueue.queued(banner, tx);
      },
    };
    const posts = await Promise.all([post('Two editors post at once, one', now, 60, '', slow), post('Two editors post at once, two', now, 60, '', slow)]);
    expect(posts).toMatchObject([{ ok: true }, { ok: true }]);
    const moment = at(now, 1).toISOString();
    const live = await getDb().execute<{ count: number }>(
      sql`select count(*)::int as count from breaking_news where starts_at <= ${moment} and expires_at > ${moment} and ended_at is null`,
    );
    expect(live[0]!.count).toBe(1);
  });

  it('is expired on the pages by its job when its time comes, with nobody touching it', async () => {
    const server = await JobQueue.open('pgboss_breaking_news');
    const expired: string[] = [];
    await server.work(
      'banner-expiry',
      bannerExpiryWorker(async () => void expired.push('breaking-news')),
      { pollingIntervalSeconds: 0.5 },
    );
    const now = new Date();
    expect(await post('Expires in a few minutes, untouched', now, 3)).toMatchObject({ ok: true });
    const banner = (await getLiveBanner(now))!;
    // Its time is brought forward in the queue, as a minute passing would.
    await getDb().execute(sql`update pgboss_breaking_news.job set start_after = now() where id = ${banner.id}`);
    await until(async () => (await jobOf(banner.id))?.state === 'completed');
    expect(expired).toEqual(['breaking-news']);
    expect(await getLiveBanner(at(banner.expiresAt, 0))).toBeNull();
    await server.stop(2_000);
  });
});
