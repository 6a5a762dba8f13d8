import 'server-only';

import { and, eq, gt, inArray, sql, sum } from 'drizzle-orm';

import { getDb } from '../index';
import { images } from '../schema';

export type ImageMeta = { id: string; contentType: string; width: number; height: number; byteSize: number };

const metaColumns = {
  id: images.id,
  contentType: images.contentType,
  width: images.width,
  height: images.height,
  byteSize: images.byteSize,
};

export async function getImageMeta(id: string): Promise<ImageMeta | undefined> {
  const [row] = await getDb().select(metaColumns).from(images).where(eq(images.id, id));
  return row;
}

export async function getImageMetas(ids: string[]): Promise<Map<string, ImageMeta>> {
  if (ids.length === 0) return new Map();
  const rows = await getDb().select(metaColumns).from(images).where(inArray(images.id, ids));
  return new Map(rows.map((row) => [row.id, row]));
}

export type NewImage = Omit<ImageMeta, 'id'> & { sha256: string; data: Buffer; uploadedBy: string };

/** At most `bytes` of new pictures per account in any `windowSeconds`; 0 bytes means no limit. */
export type UploadQuota = { bytes: number; windowSeconds: number };

export type SaveImageResult = { ok: true; image: ImageMeta } | { ok: false; usedBytes: number };

/**
 * Stores an upload; the same bytes uploaded again return the existing image (and count for nothing).
 * The account's uploads are counted under a lock of that account, so parallel uploads cannot
 * together pass the quota.
 */
export async function saveImage(image: NewImage, quota: UploadQuota): Promise<SaveImageResult> {
  return getDb().transaction(async (tx) => {
    const [existing] = await tx.select(metaColumns).from(images).where(eq(images.sha256, image.sha256));
    if (existing) return { ok: true, image: existing };
    if (quota.bytes > 0) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`upload-quota:${image.uploadedBy}`}, 0))`);
      const [row] = await tx
        .select({ used: sum(images.byteSize).mapWith(Number) })
        .from(images)
        .where(and(eq(images.uploadedBy, image.uploadedBy), gt(images.createdAt, sql`now() - make_interval(secs => ${quota.windowSeconds})`)));
      const usedBytes = row?.used ?? 0;
      if (usedBytes + image.byteSize > quota.bytes) return { ok: false, usedBytes };
    }
    const [created] = await tx.insert(images).values(image).onConflictDoNothing({ target: images.sha256 }).returning(metaColumns);
    if (created) return { ok: true, image: created };
    const [raced] = await tx.select(metaColumns).from(images).where(eq(images.sha256, image.sha256));
    if (!raced) throw new Error('An image with this content was neither stored nor found.');
    return { ok: true, image: raced };
  });
}

export type ImageFile = { contentType: string; sha256: string; data: Buffer };

/** The stored bytes of an upload: only the /media route reads them. */
export async function getImageFile(id: string): Promise<ImageFile | undefined> {
  const [row] = await getDb().select({ contentType: images.contentType, sha256: images.sha256, data: images.data }).from(images).where(eq(images.id, id));
  return row;
}
