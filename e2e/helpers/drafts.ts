import { createHash, randomUUID } from 'node:crypto';

import sharp from 'sharp';

import { database } from './database';
import { people } from './newsroom';

// Seeds newsroom drafts straight into the database, the way the drafts editor stores them: the
// working copy and a revision of the same version, written together.

export type SeededDraft = { id: string; slug: string; title: string; standfirst: string; category: string; tags: string[]; authorSlug: string; authorName: string };

export async function seedImage(uploadedBy: string): Promise<string> {
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

type Profile = { id: string; profileId: string; slug: string; name: string };

/**
 * Gives the editor account (or the one with `email`) a complete author profile linked to it, once,
 * so it can be credited on articles: `id` is the account's, `profileId` the profile's.
 */
export async function ensureAuthorProfile(email: string = people.editor.email): Promise<Profile> {
  const sql = database();
  const [user] = await sql<{ id: string; name: string }[]>`select id, name from users where email = ${email}`;
  if (!user) throw new Error(`No account for ${email}: run the newsroom-setup project first.`);
  const linked = async () => (await sql<{ id: string; slug: string | null }[]>`select id, slug from author_profiles where user_id = ${user.id}`)[0];
  const existing = await linked();
  if (existing?.slug) return { id: user.id, profileId: existing.id, slug: existing.slug, name: user.name };
  const slug = user.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const picture = await seedImage(user.id);
  const [bio, alt] = [`${user.name} reports on the town for Broadsheet.`, `Portrait of ${user.name}`];
  if (existing) {
    await sql`update author_profiles set slug = ${slug}, bio = ${bio}, picture_image_id = ${picture}, picture_alt = ${alt} where id = ${existing.id} and slug is null`;
  } else {
    await sql`insert into author_profiles (slug, name, bio, picture_image_id, picture_alt, user_id) values (${slug}, ${user.name}, ${bio}, ${picture}, ${alt}, ${user.id})
              on conflict (user_id) do nothing`;
  }
  const after = (await linked())!;
  return { id: user.id, profileId: after.id, slug: after.slug!, name: user.name };
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
    authorIds: [author.profileId],
    credit: '',
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
      insert into drafts (id, slug, title, standfirst, category, tags, author_ids, hero_image_id, hero_alt, hero_credit, body, featured, version, created_by, updated_by)
      values (${id}, ${slug}, ${title}, ${content.standfirst}, ${content.category}, ${content.tags}, ${content.authorIds}::uuid[], ${content.heroImageId},
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
