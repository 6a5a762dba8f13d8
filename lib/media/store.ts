import 'server-only';
import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { saveImage, type ImageMeta } from '@/db/queries/images';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const MAX_PIXELS = 40_000_000;
const MIN_SIDE = 200;

// Decided from the bytes (sharp reads the header), never from the file name or the browser's claim.
const FORMATS: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif' };

export type UploadResult = { ok: true; image: ImageMeta } | { ok: false; error: string };

/** Checks an uploaded file (type, size, dimensions) and stores it; the error says what to fix. */
export async function storeUploadedImage(file: File, uploadedBy: string): Promise<UploadResult> {
  if (file.size === 0) return { ok: false, error: 'The file is empty. Choose a JPEG, PNG, WebP, AVIF or GIF picture.' };
  if (file.size > MAX_UPLOAD_BYTES) {
    return { ok: false, error: `The picture is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.` };
  }
  const data = Buffer.from(await file.arrayBuffer());
  let metadata: Metadata;
  try {
    metadata = await sharp(data, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    return { ok: false, error: `“${file.name}” is not a picture we can read. Upload a JPEG, PNG, WebP, AVIF or GIF file.` };
  }
  const contentType = metadata.format ? FORMATS[metadata.format] : undefined;
  if (!contentType) {
    return { ok: false, error: `“${file.name}” is a ${metadata.format ?? 'unknown'} file. Upload a JPEG, PNG, WebP, AVIF or GIF picture.` };
  }
  const { width, height } = metadata;
  if (!width || !height) return { ok: false, error: `The size of “${file.name}” cannot be read.` };
  if (width * height > MAX_PIXELS) return { ok: false, error: `The picture is ${width}×${height} pixels; the limit is 40 megapixels.` };
  if (Math.min(width, height) < MIN_SIDE) {
    return { ok: false, error: `The picture is ${width}×${height} pixels; it needs at least ${MIN_SIDE} pixels on each side.` };
  }
  const sha256 = createHash('sha256').update(data).digest('hex');
  const image = await saveImage({ sha256, contentType, width, height, byteSize: data.length, data, uploadedBy });
  return { ok: true, image };
}
