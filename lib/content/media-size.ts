import 'server-only';

import { getImageMeta } from '@/db/queries/images';

import type { ImageSize } from './images';
import { mediaIdFromSrc } from './media';

// Apart from lib/content/images.ts, which reads files only, so content loading needs no database.

/** Dimensions of an uploaded image (/media/<id>), or undefined when there is no such upload. */
export async function getMediaSize(src: string): Promise<ImageSize | undefined> {
  const id = mediaIdFromSrc(src);
  const meta = id ? await getImageMeta(id) : undefined;
  return meta && { width: meta.width, height: meta.height };
}
