import { createHash, randomUUID } from 'node:crypto';

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { GET } from '@/app/media/[id]/route';
import { closeDb } from '@/db';
import { getImageFile } from '@/db/queries/images';
import { createUser } from '@/db/queries/users';
import { storeUploadedImage } from '@/lib/media/store';

let writerId: string;
beforeAll(async () => {
  writerId = (await createUser({ email: `exif-${randomUUID()}@newsroom.example`, name: 'Photographer', role: 'contributor', passwordHash: 'x' }))!.id;
});
afterAll(closeDb);

const OWNER = 'Jane Q. Owner';
const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="${OWNER}"/></rdf:RDF></x:xmpmeta>`;
const EXIF = {
  IFD0: { Artist: OWNER, Copyright: OWNER, Make: 'Phonemaker', Model: 'P9' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 12/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 30/1' },
};

// Noise, so the JPEG is photo-like (and each call's bytes differ).
function photo(width = 640, height = 480) {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = (i % 251) ^ Math.floor(Math.random() * 64);
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

/** A phone picture: GPS and owner in EXIF, XMP, a comment, a Display P3 profile, turned sideways. */
async function phoneJpeg(): Promise<Buffer> {
  const jpeg = await photo().withIccProfile('p3').withExif(EXIF).withMetadata({ orientation: 6 }).jpeg({ quality: 85 }).toBuffer();
  const xmp = Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(XMP)]);
  const comment = Buffer.from(`Taken at home by ${OWNER}`);
  const segment = (marker: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  return Buffer.concat([jpeg.subarray(0, 2), segment(0xe1, xmp), segment(0xfe, comment), jpeg.subarray(2)]);
}

const fileOf = (bytes: Buffer, name: string) => new File([new Uint8Array(bytes)], name);
const serve = async (id: string) => Buffer.from(await (await GET(new Request(`http://site.test/media/${id}`), { params: Promise.resolve({ id }) })).arrayBuffer());

/** The tags of the first IFD of an EXIF block ("Exif\0\0" then TIFF). */
function exifTags(exif: Buffer): number[] {
  const tiff = exif.subarray(6);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const ifd = little ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
  return Array.from({ length: u16(ifd) }, (_, i) => u16(ifd + 2 + 12 * i));
}

describe('uploads lose their metadata', () => {
  it('stores and serves a phone JPEG without GPS, owner, XMP or comment, keeping its profile, orientation and pixels', async () => {
    const original = await phoneJpeg();
    const before = await sharp(original).metadata();
    expect(exifTags(before.exif!)).toContain(0x8825); // the GPS IFD
    expect(before).toMatchObject({ orientation: 6, hasProfile: true });
    expect(before.xmp).toBeDefined();

    const result = await storeUploadedImage(fileOf(original, 'IMG_0001.jpg'), writerId);
    if (!result.ok) throw new Error(result.error);
    expect(result.image).toMatchObject({ width: 480, height: 640 });
    const served = await serve(result.image.id);
    expect(served.equals((await getImageFile(result.image.id))!.data)).toBe(true);

    const after = await sharp(served).metadata();
    expect(exifTags(after.exif!)).toEqual([0x0112]); // the orientation, and nothing else
    expect(after.orientation).toBe(6);
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.icc?.equals(before.icc!)).toBe(true);
    for (const secret of [OWNER, 'Phonemaker', 'dc:creator', 'Taken at home']) expect(served.includes(secret)).toBe(false);
    // Shown upright, and not re-encoded: the same pixels, in a smaller file.
    const upright = async (bytes: Buffer) => sharp(bytes).autoOrient().raw().toBuffer({ resolveWithObject: true });
    const [was, is] = await Promise.all([upright(original), upright(served)]);
    expect(is.info).toMatchObject({ width: 480, height: 640 });
    expect(is.data.equals(was.data)).toBe(true);
    expect(served.length).toBeLessThan(original.length);
  });

  it('stores one copy of the same photo uploaded twice, named by the hash of what is served', async () => {
    const original = await phoneJpeg();
    const [first, second] = [await storeUploadedImage(fileOf(original, 'a.jpg'), writerId), await storeUploadedImage(fileOf(original, 'b.jpg'), writerId)];
    if (!first.ok || !second.ok) throw new Error('not stored');
    expect(second.image.id).toBe(first.image.id);
    const file = (await getImageFile(first.image.id))!;
    expect(file.sha256).toBe(
      createHash('sha256')
        .update(await serve(first.image.id))
        .digest('hex'),
    );
  });

  it('strips a PNG losslessly and keeps an animated WebP animated, both upright and without EXIF', async () => {
    const png = await photo(300, 200).withExif(EXIF).withMetadata({ orientation: 3 }).png().toBuffer();
    const storedPng = await storeUploadedImage(fileOf(png, 'chart.png'), writerId);
    if (!storedPng.ok) throw new Error(storedPng.error);
    const pngBytes = await serve(storedPng.image.id);
    const pngMeta = await sharp(pngBytes).metadata();
    expect(pngMeta.exif).toBeUndefined();
    expect(pngMeta.orientation).toBeUndefined();
    expect((await sharp(pngBytes).raw().toBuffer()).equals(await sharp(png).autoOrient().raw().toBuffer())).toBe(true);

    const frames = await Promise.all([photo(300, 200), photo(300, 200), photo(300, 200)].map((frame) => frame.png().toBuffer()));
    const webp = await sharp(frames, { join: { animated: true } })
      .withExif(EXIF)
      .webp({ delay: [100, 200, 300], loop: 0 })
      .toBuffer();
    expect((await sharp(webp).metadata()).exif).toBeDefined();
    const storedWebp = await storeUploadedImage(fileOf(webp, 'moving.webp'), writerId);
    if (!storedWebp.ok) throw new Error(storedWebp.error);
    const webpMeta = await sharp(await serve(storedWebp.image.id)).metadata();
    expect(webpMeta).toMatchObject({ pages: 3, delay: [100, 200, 300], loop: 0 });
    expect(webpMeta.exif).toBeUndefined();
  });
});
