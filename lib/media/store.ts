import 'server-only';

import { createHash } from 'node:crypto';

import sharp, { type Metadata } from 'sharp';

import { type ImageMeta, saveImage } from '@/db/queries/images';
import { env } from '@/lib/env.mjs';

import { MAX_UPLOAD_BYTES, MIN_IMAGE_SIDE, overQuotaMessage, tooLargeMessage } from './limits';
import { stripMetadata } from './strip-metadata';

export { MAX_UPLOAD_BYTES } from './limits';
const MAX_PIXELS = 40_000_000;
const ACCEPTED = 'Upload a JPEG, PNG, WebP, AVIF or GIF picture.';

export type UploadResult = { ok: true; image: ImageMeta } | { ok: false; error: string };

// Decided from the bytes (sharp reads the header), never from the file name or the browser's claim.
// sharp reports AVIF as HEIF compressed with AV1; HEIF with HEVC (iPhone HEIC) is not shown by most
// browsers, so it is refused with a hint instead of being stored as something nobody can see.
function contentTypeOf(metadata: Metadata): string | undefined {
  switch (metadata.format) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'gif':
      return `image/${metadata.format}`;
    case 'heif':
      return metadata.compression === 'av1' ? 'image/avif' : undefined;
    default:
      return undefined;
  }
}

/** An AVIF image sequence declares the brand "avis" in its leading ftyp box. */
function isAvifSequence(data: Buffer): boolean {
  return data.subarray(4, 8).toString('latin1') === 'ftyp' && data.subarray(8, 12).toString('latin1') === 'avis';
}

/** Checks an uploaded file (type, size, dimensions) and stores it without its metadata; the error says what to fix. */
export async function storeUploadedImage(file: File, uploadedBy: string): Promise<UploadResult> {
  if (file.size === 0) return { ok: false, error: `The file is empty. ${ACCEPTED}` };
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, error: tooLargeMessage(file.size) };
  const data = Buffer.from(await file.arrayBuffer());
  const name = file.name || 'The file';
  // next/image serves animated GIF, WebP and PNG as they are, but would turn an AVIF sequence into a
  // still (if sharp reads it at all), so it is refused before anything else.
  if (isAvifSequence(data)) {
    return { ok: false, error: `“${name}” is an animated AVIF, which cannot be shown moving here. Upload it as an animated GIF or WebP.` };
  }
  let metadata: Metadata;
  try {
    metadata = await sharp(data, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    return { ok: false, error: `“${name}” is not a picture we can read. ${ACCEPTED}` };
  }
  const contentType = contentTypeOf(metadata);
  if (!contentType) {
    const kind = metadata.format === 'heif' ? 'HEIC' : (metadata.format ?? 'unknown').toUpperCase();
    return { ok: false, error: `“${name}” is a ${kind} file. ${ACCEPTED}` };
  }
  // Pictures are shown upright (EXIF orientation applied), so their shown size is what counts.
  const { width, height } = metadata.autoOrient;
  if (!width || !height) return { ok: false, error: `The size of “${name}” cannot be read. ${ACCEPTED}` };
  if (metadata.width * metadata.height > MAX_PIXELS) return { ok: false, error: `The picture is ${width}×${height} pixels; the limit is 40 megapixels.` };
  if (Math.min(width, height) < MIN_IMAGE_SIDE) {
    return { ok: false, error: `The picture is ${width}×${height} pixels; it needs at least ${MIN_IMAGE_SIDE} pixels on each side.` };
  }
  // The header can be fine while the rest is damaged or undecodable (a truncated file, an exotic
  // colour profile): decode it the way next/image will, so a picture that cannot be served is refused now.
  try {
    await sharp(data, { limitInputPixels: MAX_PIXELS }).rotate().resize({ width: 64 }).webp().toBuffer();
  } catch {
    return { ok: false, error: `“${name}” looks damaged and cannot be shown. Export it again and upload the new file.` };
  }
  // Readers get what is stored, so the hash (the dedup key and the ETag) is of the stored bytes; the
  // same file uploaded again strips to the same bytes, so it is still stored once.
  const stored = await stripMetadata(data, metadata, MAX_PIXELS);
  const sha256 = createHash('sha256').update(stored).digest('hex');
  const quota = { bytes: env.UPLOAD_QUOTA_MB_PER_DAY * 1024 * 1024, windowSeconds: 86_400 };
  const saved = await saveImage({ sha256, contentType, width, height, byteSize: stored.length, data: stored, uploadedBy }, quota);
  return saved.ok ? saved : { ok: false, error: overQuotaMessage(saved.usedBytes, env.UPLOAD_QUOTA_MB_PER_DAY) };
}
