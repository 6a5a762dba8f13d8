// What removing metadata from uploads does to their size. Usage: npm run bench:strip
// Each sample picture is given what a phone adds (GPS and owner in EXIF, an orientation, a Display P3
// profile), then stripped as an upload is; prints the bytes before and after, per format.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import sharp, { type Sharp } from 'sharp';

import { stripMetadata } from '../lib/media/strip-metadata';

const EXIF = { IFD0: { Artist: 'A. Owner', Make: 'Phonemaker', Model: 'P9' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 12/1' } };
const folder = path.join(process.cwd(), 'public/images/articles');
const names = (await readdir(folder)).filter((name) => name.endsWith('.jpg')).slice(0, 4);

const rows: string[][] = [['picture', 'format', 'with metadata', 'stored', 'change']];
for (const name of names) {
  const source = await readFile(path.join(folder, name));
  const phone = (image: Sharp) => image.withIccProfile('p3').withExif(EXIF).withMetadata({ orientation: 6 });
  const samples = {
    jpeg: await phone(sharp(source)).jpeg({ quality: 85 }).toBuffer(),
    png: await phone(sharp(source).resize({ width: 800 }))
      .png()
      .toBuffer(),
    webp: await phone(sharp(source)).webp({ quality: 80 }).toBuffer(),
  };
  for (const [format, bytes] of Object.entries(samples)) {
    const stored = await stripMetadata(bytes, await sharp(bytes).metadata(), 40_000_000);
    const change = `${((stored.length / bytes.length - 1) * 100).toFixed(1)}%`;
    rows.push([name, format, String(bytes.length), String(stored.length), change]);
  }
}
for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(26) : cell.padStart(14))).join(''));
