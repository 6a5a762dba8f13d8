import 'server-only';

import { sql } from 'drizzle-orm';

import { getDb } from '../index';

// Each deletion takes at most `batch` rows, found through an index, so one run never holds long
// locks or reads whole tables; the caller repeats while a batch comes back full.

const ids = (rows: Iterable<unknown>) => Array.from(rows).length;

/** Rate-limit counters whose window started longer ago than any window lasts. */
export async function deleteStaleRateLimits(olderThanSeconds: number, batch: number): Promise<number> {
  const rows = await getDb().execute(sql`
    delete from rate_limits where key in (
      select key from rate_limits where window_start < now() - make_interval(secs => ${olderThanSeconds}) limit ${batch})
    and window_start < now() - make_interval(secs => ${olderThanSeconds})
    returning key`);
  return ids(rows);
}

/**
 * Sign-ups never confirmed whose every confirmation link expired more than `graceSeconds` ago. A
 * subscriber who was ever confirmed (and unsubscribed, then signed up again) keeps their history.
 */
export async function deleteUnconfirmedSubscribers(olderThanSeconds: number, graceSeconds: number, batch: number): Promise<number> {
  const stale = sql`s.status = 'pending' and s.confirmed_at is null and s.created_at < now() - make_interval(secs => ${olderThanSeconds})
    and not exists (select 1 from confirmation_tokens t where t.subscriber_id = s.id and t.expires_at > now() - make_interval(secs => ${graceSeconds}))`;
  const rows = await getDb().execute(sql`
    delete from subscribers s where s.id in (select s.id from subscribers s where ${stale} order by s.created_at limit ${batch})
    and ${stale}
    returning s.id`);
  return ids(rows);
}

/**
 * Uploads older than `graceSeconds` that no draft, revision (so no published article either) or
 * profile uses, as a hero or in a body. The revisions' pictures are indexed (draft_image_ids).
 */
export async function deleteUnusedImages(graceSeconds: number, batch: number): Promise<number> {
  const unused = sql`i.created_at < now() - make_interval(secs => ${graceSeconds})
    and not exists (select 1 from drafts d where d.hero_image_id = i.id)
    and not exists (select 1 from author_profiles p where p.picture_image_id = i.id)
    and not exists (select 1 from draft_revisions r where draft_image_ids(r.content) @> array[i.id::text])`;
  const rows = await getDb().execute(sql`
    delete from images i where i.id in (select i.id from images i where ${unused} order by i.created_at limit ${batch})
    and ${unused}
    returning i.id`);
  return ids(rows);
}
