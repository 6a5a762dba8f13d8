import 'server-only';

import { mediaSrc } from '@/lib/content/media';
import { altTextSchema } from '@/lib/content/schema';

import { storeUploadedImage } from './store';

/**
 * One JSX attribute value in double quotes. MDX decodes character references inside attribute
 * strings, so a double quote or ampersand is written as one; line breaks become spaces because a
 * caption is one line. Nothing here can open an expression: braces are plain text inside quotes.
 */
function attribute(name: string, value: string): string {
  const text = value.replace(/\s+/g, ' ').trim().replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `${name}="${text}"`;
}

export function figureSnippet({ src, alt, caption, credit }: { src: string; alt: string; caption?: string; credit?: string }): string {
  const props = [
    attribute('src', src),
    attribute('alt', alt),
    ...(caption?.trim() ? [attribute('caption', caption)] : []),
    ...(credit?.trim() ? [attribute('credit', credit)] : []),
  ];
  return `<Figure ${props.join(' ')} />`;
}

/** The props of the Figure that shows an uploaded picture, checked. */
export type UploadedFigure = { src: string; alt: string; caption: string; credit: string };

export type InlineImageInput = { image?: File; alt: string; caption: string; credit?: string };
export type InlineImageResult = { ok: true; snippet: string; figure: UploadedFigure } | { ok: false; error: string; fieldErrors: Record<string, string[]> };

/** Validates and stores a picture for an article body, and writes the MDX that shows it. */
export async function addInlineImage(input: InlineImageInput, userId: string): Promise<InlineImageResult> {
  const alt = altTextSchema.safeParse(input.alt);
  if (!alt.success) {
    const reason = `The alt text ${alt.error.issues[0]?.message ?? 'is not right'}.`;
    return { ok: false, error: reason, fieldErrors: { alt: [reason] } };
  }
  const caption = input.caption.trim();
  if (caption.length > 300) {
    return { ok: false, error: 'The caption must be at most 300 characters.', fieldErrors: { caption: ['At most 300 characters.'] } };
  }
  const credit = (input.credit ?? '').trim();
  if (credit.length > 160) {
    return { ok: false, error: 'The credit must be at most 160 characters.', fieldErrors: { credit: ['At most 160 characters.'] } };
  }
  if (!input.image) {
    return { ok: false, error: 'Choose a picture to upload.', fieldErrors: { image: ['Choose a picture to upload.'] } };
  }
  const stored = await storeUploadedImage(input.image, userId);
  if (!stored.ok) return { ok: false, error: stored.error, fieldErrors: { image: [stored.error] } };
  const figure = { src: mediaSrc(stored.image.id), alt: alt.data, caption, credit };
  return { ok: true, snippet: figureSnippet(figure), figure };
}
