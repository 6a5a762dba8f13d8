import { createHash, randomUUID } from 'node:crypto';

import sharp from 'sharp';

import { database } from './database';
import { people } from './newsroom';

// Seeds newsroom drafts straight into the database, the way the drafts editor stores them: the
// working copy and a revision of the same version, written together.

export type SeededDraft = { id: string; slug: string; title: string; standfirst: string; category: string; tags: string[]; authorSlug: string; authorName: string };

async function seedImage(uploadedBy: string): Promise<string> {
  const seed = randomUUID();
  const hue = parseInt(seed.slice(0, 6), 16);
  const data = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: hue & 255, g: (hue >> 8) & 255, b: (hue >> 16) & 255 } } })
    .png()
    .toBuffer();
  const sha256 = createHash('sha256').update(data).update(seed).digest('hex');
  const [row] = await database()<{ id: string }[]>`
    insert into images (sha256, content_type, width, height, byte_size, data, uploaded_by)
    values (${sha256}, 'image/png', 1200, 800, ${data.length}, ${data}, ${uploadedBy}) returning id`;
  return row!.id;
}

/** Gives the editor account a public author profile (once), so it can be credited on articles. */
export async function ensureAuthorProfile(email: string = people.editor.email): Promise<{ id: string; slug: string; name: string }> {
  const [user] = await database()<{ id: string; name: string; profile_slug: string | null }[]>`select id, name, profile_slug from users where email = ${email}`;
  if (!user) throw new Error(`No account for ${email}: run the newsroom-setup project first.`);
  if (user.profile_slug) return { id: user.id, slug: user.profile_slug, name: user.name };
  const slug = user.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const picture = await seedImage(user.id);
  await database()`
    update users set profile_slug = ${slug}, bio = ${`${user.name} reports on the town for Broadsheet.`}, picture_image_id = ${picture},
           picture_alt = ${`Portrait of ${user.name}`} where id = ${user.id} and profile_slug is null`;
  const [after] = await database()<{ profile_slug: string }[]>`select profile_slug from users where id = ${user.id}`;
  return { id: user.id, slug: after!.profile_slug, name: user.name };
}

/** A draft that is ready to publish, written by the editor (or the account with `authorEmail`). */
export async function seedReadyDraft(
  overrides: { title?: string; category?: string; tags?: string[]; body?: string; authorEmail?: string; heroAlt?: string } = {},
): Promise<SeededDraft> {
  const author = await ensureAuthorProfile(overrides.authorEmail);
  const unique = randomUUID().slice(0, 8);
  const title = overrides.title ?? `Newsroom story ${unique}`;
  const slug = `newsroom-story-${unique}`;
  const content = {
    title,
    slug,
    standfirst: `A standfirst long enough to publish, for story ${unique}.`,
    category: overrides.category ?? 'business',
    tags: overrides.tags ?? [`seeded-${unique}`],
    authorId: author.id,
    heroImageId: await seedImage(author.id),
    heroAlt: overrides.heroAlt ?? 'A plain coloured rectangle standing in for a photograph',
    heroCredit: 'Broadsheet',
    body: overrides.body ?? `The first paragraph of story ${unique}.\n\n## What happens next\n\nMore text follows here.`,
    featured: false,
  };
  const sql = database();
  const id = randomUUID();
  await sql.begin(async (tx) => {
    await tx`
      insert into drafts (id, slug, title, standfirst, category, tags, author_id, hero_image_id, hero_alt, hero_credit, body, featured, version, created_by, updated_by)
      values (${id}, ${slug}, ${title}, ${content.standfirst}, ${content.category}, ${content.tags}, ${author.id}, ${content.heroImageId},
              ${content.heroAlt}, ${content.heroCredit}, ${content.body}, false, 1, ${author.id}, ${author.id})`;
    await tx`insert into draft_revisions (draft_id, version, content, summary, saved_by) values (${id}, 1, ${tx.json(content)}, 'Saved', ${author.id})`;
  });
  return { id, slug, title, standfirst: content.standfirst, category: content.category, tags: content.tags, authorSlug: author.slug, authorName: author.name };
}

export async function draftRow(id: string) {
  const [row] = await database()<{ status: string; published_revision_id: string | null; published_at: Date | null }[]>`
    select status, published_revision_id, published_at from drafts where id = ${id}`;
  return row;
}

/** Another save of the draft with a new title, as a colleague's would be: the next version and its revision. */
export async function saveNewTitle(id: string, title: string): Promise<number> {
  return database().begin(async (tx) => {
    const [row] = await tx<{ version: number }[]>`update drafts set title = ${title}, version = version + 1 where id = ${id} returning version`;
    await tx`insert into draft_revisions (draft_id, version, content, summary, saved_by)
             select draft_id, ${row!.version}, jsonb_set(content, '{title}', to_jsonb(${title}::text)), 'Saved', saved_by
               from draft_revisions where draft_id = ${id} and version = ${row!.version - 1}`;
    return row!.version;
  });
}
