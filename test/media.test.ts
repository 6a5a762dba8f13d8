import { randomUUID } from 'node:crypto';

import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import sharp from 'sharp';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { GET } from '@/app/media/[id]/route';
import { closeDb } from '@/db';
import { getProfileOfUser } from '@/db/queries/author-profiles';
import { createUser, type PublicUser } from '@/db/queries/users';
import { checkUntrustedMdx } from '@/lib/content/safe-mdx';
import { addInlineImage, figureSnippet } from '@/lib/media/inline-image';
import { MAX_UPLOAD_BYTES, storeUploadedImage } from '@/lib/media/store';
import { saveProfile } from '@/lib/profile/save-profile';

let writer: PublicUser;

beforeAll(async () => {
  writer = await account('Writer');
});
afterAll(closeDb);

async function account(name: string): Promise<PublicUser> {
  const user = await createUser({ email: `${name.toLowerCase()}-${randomUUID()}@newsroom.example`, name, role: 'contributor', passwordHash: 'x' });
  return user!;
}

// Each call draws different pixels, so tests never share (deduplicated) bytes by accident.
function picture(width = 320, height = 240) {
  const colour = { r: Math.floor(Math.random() * 256), g: Math.floor(Math.random() * 256), b: Math.floor(Math.random() * 256) };
  return sharp({ create: { width, height, channels: 3, background: colour } });
}

function fileOf(bytes: Uint8Array<ArrayBuffer> | Buffer | string, name: string, type = 'application/octet-stream'): File {
  return new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type });
}

async function refusal(file: File): Promise<string> {
  const result = await storeUploadedImage(file, writer.id);
  if (result.ok) throw new Error(`${file.name} was accepted`);
  return result.error;
}

describe('storing uploads', () => {
  it('refuses files that are not pictures we serve, whatever their name says', async () => {
    expect(await refusal(fileOf('just some words, not a picture', 'photo.jpg', 'image/jpeg'))).toMatch(/not a picture we can read/);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><script>alert(1)</script><rect width="400" height="400"/></svg>';
    expect(await refusal(fileOf(svg, 'logo.png', 'image/png'))).toMatch(/is a SVG file/);
    expect(await refusal(fileOf(new Uint8Array(), 'empty.png', 'image/png'))).toMatch(/empty/);
  });

  it('refuses a picture smaller than 200 pixels on a side', async () => {
    const tiny = await picture(10, 10).png().toBuffer();
    expect(await refusal(fileOf(tiny, 'tiny.png'))).toMatch(/10×10 pixels; it needs at least 200/);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    expect(await refusal(fileOf(big, 'huge.jpg'))).toMatch(/the limit is 10 MB/);
  });

  it('refuses a damaged picture whose header is fine', async () => {
    const jpeg = await picture(800, 600).jpeg().toBuffer();
    expect(await refusal(fileOf(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'cut.jpg'))).toMatch(/damaged/);
  });

  it('accepts JPEG, PNG, WebP, AVIF and CMYK JPEG, typed from the bytes', async () => {
    const cases = [
      [await picture().jpeg().toBuffer(), 'image/jpeg'],
      [await picture().png().toBuffer(), 'image/png'],
      [await picture().webp().toBuffer(), 'image/webp'],
      [await picture().avif().toBuffer(), 'image/avif'],
      [await picture().toColourspace('cmyk').jpeg().toBuffer(), 'image/jpeg'],
      [await picture().gif().toBuffer(), 'image/gif'],
    ] as const;
    for (const [bytes, type] of cases) {
      const result = await storeUploadedImage(fileOf(bytes, 'upload.bin'), writer.id);
      expect(result).toMatchObject({ ok: true, image: { contentType: type, width: 320, height: 240, byteSize: bytes.length } });
    }
  });

  it('accepts an animated GIF and WebP, and refuses an animated AVIF that next/image would freeze', async () => {
    const frames = await Promise.all([picture(), picture(), picture()].map((frame) => frame.png().toBuffer()));
    for (const [format, type] of [
      ['gif', 'image/gif'],
      ['webp', 'image/webp'],
    ] as const) {
      const animated = await sharp(frames, { join: { animated: true } })
        [format]()
        .toBuffer();
      expect(await storeUploadedImage(fileOf(animated, `moving.${format}`), writer.id)).toMatchObject({ ok: true, image: { contentType: type, width: 320, height: 240 } });
    }
    // sharp cannot write an AVIF sequence; a still AVIF relabelled with the sequence brand stands in.
    const sequence = await picture().avif().toBuffer();
    sequence.write('avis', 8, 'latin1');
    expect(await refusal(fileOf(sequence, 'moving.avif'))).toMatch(/animated AVIF/);
  });

  it('records the upright size of a picture rotated by its EXIF orientation', async () => {
    const sideways = await picture(320, 240).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const result = await storeUploadedImage(fileOf(sideways, 'phone.jpg'), writer.id);
    expect(result).toMatchObject({ ok: true, image: { width: 240, height: 320 } });
  });

  it('stores the same bytes once', async () => {
    const bytes = await picture().png().toBuffer();
    const first = await storeUploadedImage(fileOf(bytes, 'a.png'), writer.id);
    const second = await storeUploadedImage(fileOf(bytes, 'b.png'), (await account('Other')).id);
    expect(first.ok && second.ok && first.image.id === second.image.id).toBe(true);
  });
});

describe('serving uploads', () => {
  const get = (id: string, headers: Record<string, string> = {}) => GET(new Request(`http://site.test/media/${id}`, { headers }), { params: Promise.resolve({ id }) });

  it('serves the stored bytes with immutable caching, a strong ETag and 304 revalidation', async () => {
    const bytes = await picture().webp().toBuffer();
    const stored = await storeUploadedImage(fileOf(bytes, 'x.webp'), writer.id);
    if (!stored.ok) throw new Error(stored.error);
    const response = await get(stored.image.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await get(stored.image.id, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await get(stored.image.id, { 'if-none-match': '"something-else"' })).status).toBe(200);
  });

  it('answers 404 with a short text for a malformed or unknown id', async () => {
    for (const id of ['not-a-uuid', randomUUID(), "1' or '1'='1", '']) {
      const response = await get(id);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe('No such image.\n');
    }
  });
});

function jsxAttributes(snippet: string): Record<string, unknown> {
  const tree = unified().use(remarkParse).use(remarkMdx).parse(snippet) as Root;
  const element = tree.children[0] as MdxJsxFlowElement;
  return Object.fromEntries(element.attributes.map((attribute) => [(attribute as { name: string }).name, attribute.value]));
}

describe('inline images', () => {
  it('writes a Figure that the draft checker accepts and that keeps the text exactly', () => {
    const alt = 'A sign reading "No {entry}" & <b>closed</b> at the gate';
    const caption = 'Line one\nline two with `code` and [a link](javascript:alert(1))';
    const snippet = figureSnippet({ src: `/media/${randomUUID()}`, alt, caption });
    expect(checkUntrustedMdx(snippet)).toEqual([]);
    expect(jsxAttributes(snippet)).toMatchObject({ alt, caption: 'Line one line two with `code` and [a link](javascript:alert(1))' });
    expect(snippet).not.toContain('caption=""');
    expect(figureSnippet({ src: '/media/x', alt: 'Ten letters at least', caption: '  ' })).toBe('<Figure src="/media/x" alt="Ten letters at least" />');
  });

  it('stores the picture and returns the snippet, or says what is wrong', async () => {
    const bytes = await picture().jpeg().toBuffer();
    const result = await addInlineImage({ image: fileOf(bytes, 'river.jpg'), alt: 'The river in flood below the bridge', caption: 'Tuesday morning' }, writer.id);
    if (!result.ok) throw new Error(result.error);
    expect(result.snippet).toMatch(/^<Figure src="\/media\/[0-9a-f-]{36}" alt="The river in flood below the bridge" caption="Tuesday morning" \/>$/);
    expect(checkUntrustedMdx(result.snippet)).toEqual([]);

    const badAlt = await addInlineImage({ image: fileOf(bytes, 'river.jpg'), alt: 'Photo of a river', caption: '' }, writer.id);
    expect(badAlt).toMatchObject({ ok: false, fieldErrors: { alt: [expect.stringMatching(/alt text must describe the picture itself/)] } });
    const noFile = await addInlineImage({ alt: 'The river in flood below the bridge', caption: '' }, writer.id);
    expect(noFile).toMatchObject({ ok: false, fieldErrors: { image: ['Choose a picture to upload.'] } });
  });
});

describe('public profiles', () => {
  const profile = { bio: 'Covers the council, the courts and the river for twenty years.', pictureAlt: '' };

  it('refuses the address of an author in content/', async () => {
    const result = await saveProfile(await account('Clash'), { ...profile, profileSlug: 'maya-okafor' });
    expect(result).toMatchObject({ ok: false, fieldErrors: { profileSlug: [expect.stringMatching(/belongs to one of the site’s authors/)] } });
  });

  it('refuses an address another account already has', async () => {
    const slug = `reporter-${randomUUID().slice(0, 8)}`;
    expect(await saveProfile(await account('First'), { ...profile, profileSlug: slug })).toMatchObject({ ok: true });
    const second = await saveProfile(await account('Second'), { ...profile, profileSlug: slug });
    expect(second).toMatchObject({ ok: false, fieldErrors: { profileSlug: [expect.stringMatching(/Another profile already has/)] } });
  });

  it('checks the bio and alt text, and stores a new picture only when the text is right', async () => {
    const person = await account('Pictured');
    const bytes = await picture().jpeg().toBuffer();
    const short = await saveProfile(person, { profileSlug: 'pictured', bio: 'Too short.', pictureAlt: '' }, fileOf(bytes, 'me.jpg'));
    expect(short).toMatchObject({ ok: false, fieldErrors: { bio: [expect.stringMatching(/20 to 600/)], pictureAlt: [expect.any(String)] } });
    expect(await getProfileOfUser(person.id)).toBeUndefined();

    const saved = await saveProfile(
      person,
      { profileSlug: ` pictured-${person.id.slice(0, 8)} `, bio: profile.bio, pictureAlt: 'Smiling in front of the town hall' },
      fileOf(bytes, 'me.jpg'),
    );
    if (!saved.ok) throw new Error(saved.error);
    // The first save creates the account's profile, under its name and linked to it.
    expect(saved.profile).toMatchObject({ slug: `pictured-${person.id.slice(0, 8)}`, name: person.name, userId: person.id, pictureAlt: 'Smiling in front of the town hall' });
    expect(saved.profile.pictureImageId).toMatch(/^[0-9a-f-]{36}$/);
    // Keeping the picture: an empty file input reaches saveProfile as no file at all (formFields, test/parse-form.test.ts).
    // Once the profile exists, a save must say which version it was drawn from.
    const unversioned = await saveProfile(person, { profileSlug: saved.profile.slug!, bio: profile.bio, pictureAlt: 'Smiling outside the town hall' });
    expect(unversioned).toMatchObject({ ok: false, error: expect.stringMatching(/not saved: reload the page/) });
    const kept = await saveProfile(person, { profileSlug: saved.profile.slug!, bio: profile.bio, pictureAlt: 'Smiling outside the town hall' }, undefined, saved.profile.version);
    expect(kept).toMatchObject({ ok: true, profile: { id: saved.profile.id, pictureImageId: saved.profile.pictureImageId, pictureAlt: 'Smiling outside the town hall' } });
    // A save over an older version than the profile's (an editor changed it meanwhile) is refused.
    const stale = await saveProfile(person, { profileSlug: saved.profile.slug!, bio: profile.bio, pictureAlt: 'Smiling outside the town hall' }, undefined, saved.profile.version);
    expect(stale).toMatchObject({ ok: false, error: expect.stringMatching(/changed by someone else/) });
  });
});
