import { randomUUID } from 'node:crypto';

import postgres from 'postgres';
import sharp from 'sharp';
import { afterAll, describe, expect, it, vi } from 'vitest';

import { closeDb } from '@/db';
import { saveImage } from '@/db/queries/images';
import { createUser } from '@/db/queries/users';
import { storeUploadedImage } from '@/lib/media/store';

// Before lib/env.mjs is read: a quota of 1 MB a day, so a few pictures reach it.
vi.hoisted(() => {
  process.env.UPLOAD_QUOTA_MB_PER_DAY = '1';
});
afterAll(closeDb);

const account = async (role: 'contributor' | 'admin' = 'contributor') =>
  (await createUser({ email: `quota-${randomUUID()}@newsroom.example`, name: 'Uploader', role, passwordHash: 'x' }))!.id;

/** About 600 KB of PNG: noise does not compress. */
async function noisyPng(): Promise<File> {
  const pixels = Buffer.from(Array.from({ length: 460 * 460 * 3 }, () => Math.floor(Math.random() * 256)));
  const png = await sharp(pixels, { raw: { width: 460, height: 460, channels: 3 } })
    .png()
    .toBuffer();
  return new File([new Uint8Array(png)], 'noise.png');
}

describe('the upload quota', () => {
  it('refuses an upload past the daily quota with a clear message, for admins too; the same picture again costs nothing', async () => {
    for (const role of ['contributor', 'admin'] as const) {
      const uploader = await account(role);
      const first = await noisyPng();
      expect(await storeUploadedImage(first, uploader)).toMatchObject({ ok: true });
      expect(await storeUploadedImage(first, uploader)).toMatchObject({ ok: true });
      const refused = await storeUploadedImage(await noisyPng(), uploader);
      expect(refused).toEqual({ ok: false, error: expect.stringMatching(/You have uploaded 0\.\d MB of pictures in the last 24 hours.*limit of 1 MB a day\. Nothing was stored/) });
      // Someone else's uploads are their own.
      expect(await storeUploadedImage(await noisyPng(), await account())).toMatchObject({ ok: true });
    }
  });

  it('counts an upload another server is storing at that moment, so two at once cannot pass the quota', async () => {
    const uploader = await account();
    const quota = { bytes: 1_000, windowSeconds: 86_400 };
    const other = postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {} });
    const upload = (byteSize: number) => ({
      sha256: randomUUID(),
      contentType: 'image/png',
      width: 400,
      height: 300,
      byteSize,
      data: Buffer.alloc(byteSize),
      uploadedBy: uploader,
    });
    let racing: ReturnType<typeof saveImage> | undefined;
    // The other server is inside saveImage, between counting and committing its 900 bytes.
    await other.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(hashtextextended(${`upload-quota:${uploader}`}, 0))`;
      await tx`insert into images (sha256, content_type, width, height, byte_size, data, uploaded_by)
               values (${randomUUID()}, 'image/png', 400, 300, 900, ${Buffer.alloc(900)}, ${uploader})`;
      racing = saveImage(upload(300), quota);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await other.end();
    expect(await racing).toEqual({ ok: false, usedBytes: 900 });
    expect(await saveImage(upload(100), quota)).toMatchObject({ ok: true });
  });
});
