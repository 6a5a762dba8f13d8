import 'server-only';
import { eq, inArray } from 'drizzle-orm';
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

/** Stores an upload; the same bytes uploaded again return the existing image. */
export async function saveImage(image: NewImage): Promise<ImageMeta> {
  const [created] = await getDb().insert(images).values(image).onConflictDoNothing({ target: images.sha256 }).returning(metaColumns);
  if (created) return created;
  const [existing] = await getDb().select(metaColumns).from(images).where(eq(images.sha256, image.sha256));
  if (!existing) throw new Error('An image with this content was neither stored nor found.');
  return existing;
}

export type ImageFile = { contentType: string; sha256: string; data: Buffer };

/** The stored bytes of an upload: only the /media route reads them. */
export async function getImageFile(id: string): Promise<ImageFile | undefined> {
  const [row] = await getDb().select({ contentType: images.contentType, sha256: images.sha256, data: images.data }).from(images).where(eq(images.id, id));
  return row;
}
