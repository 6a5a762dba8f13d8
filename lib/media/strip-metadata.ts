import 'server-only';

import sharp, { type Metadata } from 'sharp';

import { stripJpegMetadata } from './jpeg-segments';

/** Whether the file says more than its pixels and colours: where, when, with what and by whom. */
function carriesMetadata(metadata: Metadata): boolean {
  return Boolean(metadata.exif || metadata.xmp || metadata.iptc || metadata.tifftagPhotoshop || metadata.comments?.length);
}

/**
 * The bytes to store for an upload: without EXIF (GPS, camera, owner), XMP, IPTC and comments,
 * with its ICC profile, shown upright and, if animated, still animated. JPEGs lose their metadata
 * without being re-encoded; other formats carrying any are re-encoded (PNG and GIF losslessly),
 * upright and with the profile; files carrying none are kept exactly as uploaded.
 */
export async function stripMetadata(data: Buffer, metadata: Metadata, limitInputPixels: number): Promise<Buffer> {
  if (metadata.format === 'jpeg') {
    const stripped = stripJpegMetadata(data, metadata.orientation);
    if (stripped) return stripped;
  } else if (!carriesMetadata(metadata)) {
    return data;
  }
  const animated = (metadata.pages ?? 1) > 1;
  let image = sharp(data, { limitInputPixels, animated }).autoOrient();
  if (metadata.hasProfile) image = image.keepIccProfile();
  switch (metadata.format) {
    case 'png':
      // Adaptive filtering keeps a turned PNG about its size (without it, +14–27% in bench:strip).
      image = image.png({ compressionLevel: 9, adaptiveFiltering: true, palette: metadata.isPalette });
      break;
    case 'gif':
      image = image.gif();
      break;
    case 'webp':
      // Quality 80 keeps photos at their size (90 made them 40–50% larger in bench:strip).
      image = image.webp({ quality: 80 });
      break;
    case 'heif':
      image = image.avif();
      break;
    default:
      image = image.jpeg({ quality: 90, mozjpeg: true });
  }
  return image.toBuffer();
}
