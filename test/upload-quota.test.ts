import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { closeDb } from '@/db';
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
  const png = await sharp(pixels, { raw: { width: 460, height: 460, channels: 3 } }).png().toBuffer();
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
});
