import 'server-only';

import { eq, isNotNull, sql } from 'drizzle-orm';

import { type Database, getDb } from '../index';
import { authorProfiles, type DraftContent, draftRevisions, drafts } from '../schema';

// What readers can see of the newsroom's articles: the reads behind the content facade and proxy.ts.
// Publishing them is publishing.ts.

/** What readers see of a published draft: the snapshot its published revision holds. */
export type PublishedSnapshot = { id: string; content: DraftContent; wordCount: number | null; publishedAt: Date; contentUpdatedAt: Date | null };

export async function listPublishedSnapshots(db: Database = getDb()): Promise<PublishedSnapshot[]> {
  const rows = await db
    .select({ id: drafts.id, content: draftRevisions.content, wordCount: draftRevisions.wordCount, publishedAt: drafts.publishedAt, contentUpdatedAt: drafts.contentUpdatedAt })
    .from(drafts)
    .innerJoin(draftRevisions, eq(draftRevisions.id, drafts.publishedRevisionId))
    .where(isNotNull(drafts.publishedAt));
  return rows.map((row) => ({ ...row, publishedAt: row.publishedAt! }));
}

/** Slug, tags, byline's profile addresses and date of every published article: what the proxy needs to answer 404s. */
export async function listPublishedAddresses(db: Database = getDb()) {
  const rows = await db.execute<{ slug: string; category: string; tags: string[] | null; authors: string[] | null; featured: boolean; published_at: string }>(sql`
    select r.content->>'slug' as slug,
           r.content->>'category' as category,
           array(select jsonb_array_elements_text(r.content->'tags')) as tags,
           array(select p.slug from jsonb_array_elements_text(coalesce(r.content->'authorIds', '[]'::jsonb)) with ordinality a(id, n)
                   join ${authorProfiles} p on p.id::text = a.id where p.slug is not null order by a.n) as authors,
           coalesce((r.content->>'featured')::boolean, false) as featured,
           d.published_at
      from ${drafts} d
      join ${draftRevisions} r on r.id = d.published_revision_id`);
  return rows.map((row) => ({
    slug: row.slug,
    category: row.category,
    tags: row.tags ?? [],
    authors: row.authors ?? [],
    featured: row.featured,
    published: new Date(row.published_at),
  }));
}

/**
 * Draft, section and tags of every published article with this profile on its byline: the pages its
 * name shows on, and the search rows that carry it.
 */
export async function listPublishedBylinedOn(profileId: string, db: Database = getDb()) {
  const rows = await db.execute<{ draft_id: string; category: string; tags: string[] | null }>(sql`
    select d.id as draft_id, r.content->>'category' as category, array(select jsonb_array_elements_text(r.content->'tags')) as tags
      from ${drafts} d
      join ${draftRevisions} r on r.id = d.published_revision_id
     where coalesce(r.content->'authorIds', '[]'::jsonb) ? ${profileId}`);
  return rows.map((row) => ({ draftId: row.draft_id, category: row.category, tags: row.tags ?? [] }));
}

/** Whether readers can see an article at this address: one indexed lookup, for every article request. */
export async function isPublishedSlug(slug: string, db: Database = getDb()): Promise<boolean> {
  const rows = await db.execute(sql`
    select 1 from ${drafts} d join ${draftRevisions} r on r.id = d.published_revision_id
     where d.slug = ${slug} and r.content->>'slug' = ${slug} limit 1`);
  return rows.length > 0;
}
