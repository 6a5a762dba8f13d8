import 'server-only';

import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';

import { type Database, getDb } from '../index';
import { draftRevisions, drafts, searchDocuments, type Section, sections } from '../schema';

export type { Section };

/** Every newsroom section, live and retired, in the order readers see them. */
export async function listSections(db: Database = getDb()): Promise<Section[]> {
  return db.select().from(sections).orderBy(asc(sections.position), asc(sections.slug));
}

export async function findSection(slug: string, db: Database = getDb()): Promise<Section | undefined> {
  const [row] = await db.select().from(sections).where(eq(sections.slug, slug));
  return row;
}

export type NewSection = { slug: string; name: string; description: string; updatedBy: string };

/** Adds a section after the others; null when the address is taken (by a live or a retired one). */
export async function insertSection({ slug, name, description, updatedBy }: NewSection, db: Database = getDb()): Promise<Section | null> {
  const [row] = await db
    .insert(sections)
    .values({ slug, name, description, updatedBy, position: sql`(select coalesce(max(${sections.position}), 0) + 1 from ${sections})` })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

// The form carries the updated_at it was drawn from; timestamps keep microseconds, dates milliseconds.
const unchangedSince = (seen: Date) => sql`date_trunc('milliseconds', ${sections.updatedAt}) = ${seen.toISOString()}::timestamptz`;

export type SectionWrite = Section | 'missing' | 'changed';

/** Renames and re-describes a live section, if nobody changed it since `seen`. The address stays. */
export async function updateSection(slug: string, { name, description, updatedBy }: Omit<NewSection, 'slug'>, seen: Date, db: Database = getDb()): Promise<SectionWrite> {
  const [row] = await db
    .update(sections)
    .set({ name, description, updatedBy, updatedAt: sql`now()` })
    .where(and(eq(sections.slug, slug), isNull(sections.retiredAt), unchangedSince(seen)))
    .returning();
  if (row) return row;
  const current = await findSection(slug, db);
  return current && !current.retiredAt ? 'changed' : 'missing';
}

/** Swaps a live section with its live neighbour above or below; 'edge' when there is none. */
export async function moveSection(slug: string, direction: 'up' | 'down', updatedBy: string, db: Database = getDb()): Promise<'moved' | 'edge' | 'missing'> {
  return db.transaction(async (tx) => {
    const live = await tx.select().from(sections).where(isNull(sections.retiredAt)).orderBy(asc(sections.position), asc(sections.slug)).for('update');
    const index = live.findIndex((section) => section.slug === slug);
    if (index === -1) return 'missing';
    const neighbour = live[direction === 'up' ? index - 1 : index + 1];
    const self = live[index]!;
    if (!neighbour) return 'edge';
    // Positions may be equal after concurrent inserts: give the pair distinct ones in the new order.
    const [low, high] = [Math.min(self.position, neighbour.position), Math.max(self.position, neighbour.position, Math.min(self.position, neighbour.position) + 1)];
    const [first, second] = direction === 'up' ? [self, neighbour] : [neighbour, self];
    // Only the section moved counts as changed: an open rename or retire form for its neighbour,
    // whose name and description stay as they were, must not be refused as out of date.
    const changed = (section: Section) => (section.slug === self.slug ? { updatedBy, updatedAt: sql`now()` } : {});
    await tx
      .update(sections)
      .set({ position: low, ...changed(first) })
      .where(eq(sections.slug, first.slug));
    await tx
      .update(sections)
      .set({ position: high, ...changed(second) })
      .where(eq(sections.slug, second.slug));
    return 'moved';
  });
}

/** Drafts (working copies) and published articles filed under any of these slugs. */
async function countArticles(slugs: string[], db: Pick<Database, 'execute'>): Promise<number> {
  const [row] = await db.execute<{ count: number }>(sql`
    select count(*)::int as count
      from ${drafts} d
      left join ${draftRevisions} r on r.id = d.published_revision_id
     where d.category = any(${sql.param(slugs)}::text[])
        or (d.published_at is not null and r.content->>'category' = any(${sql.param(slugs)}::text[]))`);
  return row?.count ?? 0;
}

/** Slugs whose articles are this section's: itself and the retired sections that were moved into it. */
function resolvingTo(slug: string, all: Section[]): string[] {
  const into = new Map<string, string[]>();
  for (const section of all) if (section.movedTo) into.set(section.movedTo, [...(into.get(section.movedTo) ?? []), section.slug]);
  const found = new Set([slug]);
  const queue = [slug];
  while (queue.length > 0) {
    for (const from of into.get(queue.shift()!) ?? []) {
      if (found.has(from)) continue;
      found.add(from);
      queue.push(from);
    }
  }
  return [...found];
}

export type RetireResult = { ok: true; moved: number } | { ok: false; reason: 'missing' | 'changed' | 'target-missing' } | { ok: false; reason: 'has-articles'; count: number };

/**
 * Retires a live section. With articles it needs `target` (a live section; `targetIsFile` when it is
 * one of content/'s, which has no row here): every working copy filed under it gets the target in a
 * new revision, in the same transaction, and `moved_to` sends its published revisions and its address
 * there. Without articles it simply retires. Locked, so a draft filed under it meanwhile is counted.
 */
export async function retireSection(
  slug: string,
  { target, targetIsFile, seen, updatedBy }: { target: string | null; targetIsFile: boolean; seen: Date; updatedBy: string },
  db: Database = getDb(),
): Promise<RetireResult> {
  return db.transaction(async (tx) => {
    const all = await tx.select().from(sections).for('update');
    const self = all.find((section) => section.slug === slug);
    if (!self || self.retiredAt) return { ok: false, reason: 'missing' };
    if (self.updatedAt.getTime() !== seen.getTime()) return { ok: false, reason: 'changed' };
    if (target !== null && !targetIsFile && !all.some((section) => section.slug === target && !section.retiredAt)) return { ok: false, reason: 'target-missing' };
    const slugs = resolvingTo(slug, all);
    // Working copies are locked too: a draft saved into this section now waits, then is counted.
    await tx.execute(sql`select 1 from ${drafts} where category = any(${sql.param(slugs)}::text[]) for update`);
    const count = await countArticles(slugs, tx);
    if (count > 0 && target === null) return { ok: false, reason: 'has-articles', count };
    const moved =
      target === null
        ? []
        : await tx.execute<{ id: string }>(sql`
            with moved as (
              update ${drafts} d set category = ${target}, version = d.version + 1, updated_by = ${updatedBy}, updated_at = now()
               where d.category = any(${sql.param(slugs)}::text[])
              returning d.id, d.version
            )
            insert into ${draftRevisions} (draft_id, version, content, summary, word_count, saved_by)
            select m.id, m.version, jsonb_set(r.content, '{category}', to_jsonb(${target}::text)), ${`Section “${self.name}” retired: moved to ${target}`}, r.word_count, ${updatedBy}::uuid
              from moved m join ${draftRevisions} r on r.draft_id = m.id and r.version = m.version - 1
            returning draft_id as id`);
    // The search index holds what readers see: the section the articles are shown under now.
    if (target !== null)
      await tx
        .update(searchDocuments)
        .set({ section: target })
        .where(and(eq(searchDocuments.source, 'newsroom'), inArray(searchDocuments.section, slugs)));
    await tx
      .update(sections)
      .set({ retiredAt: sql`now()`, movedTo: target, updatedBy, updatedAt: sql`now()` })
      .where(eq(sections.slug, slug));
    return { ok: true, moved: Math.max(count, moved.length) };
  });
}

/**
 * Articles per section, each counted once: filed under it (working copy or published revision) or
 * under a section `resolved` sends to it (retired slug → where its articles are now).
 */
export async function countArticlesBySlug(resolved: Record<string, string>, db: Database = getDb()): Promise<Map<string, number>> {
  const rows = await db.execute<{ slug: string; count: number }>(sql`
    with moved(from_slug, to_slug) as (select * from unnest(${sql.param(Object.keys(resolved))}::text[], ${sql.param(Object.values(resolved))}::text[])),
    filed as (
      select d.id, d.category as slug from ${drafts} d
      union all
      select d.id, r.content->>'category' from ${drafts} d join ${draftRevisions} r on r.id = d.published_revision_id where d.published_at is not null
    )
    select coalesce(m.to_slug, f.slug) as slug, count(distinct f.id)::int as count
      from filed f left join moved m on m.from_slug = f.slug
     group by 1`);
  return new Map(rows.map((row) => [row.slug, row.count]));
}
