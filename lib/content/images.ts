import { statSync } from 'node:fs';
import path from 'node:path';

import sharp from 'sharp';

import { publicRoot } from './paths';

export type ImageSize = { width: number; height: number };

const sizes = new Map<string, Promise<ImageSize>>();

function readSize(file: string): Promise<ImageSize> {
  return sharp(file)
    .metadata()
    .then(({ width, height }) => {
      if (!width || !height) throw new Error(`Cannot read the dimensions of ${file}`);
      return { width, height };
    });
}

/** Dimensions of a file under public/, so every image is rendered with a known size (no layout shift). */
export function getImageSize(src: string, root = publicRoot): Promise<ImageSize> {
  const file = path.join(root, src);
  let size = sizes.get(file);
  if (!size) {
    size = readSize(file);
    sizes.set(file, size);
    size.catch(() => sizes.delete(file));
  }
  return size;
}

export function publicFileExists(src: string, root = publicRoot): boolean {
  const file = path.join(root, src);
  return file.startsWith(root + path.sep) && (statSync(file, { throwIfNoEntry: false })?.isFile() ?? false);
}
