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

export function figureSnippet({ src, alt, caption }: { src: string; alt: string; caption?: string }): string {
  const props = [attribute('src', src), attribute('alt', alt), ...(caption?.trim() ? [attribute('caption', caption)] : [])];
  return `<Figure ${props.join(' ')} />`;
}

export type InlineImageInput = { image?: File; alt: string; caption: string };
export type InlineImageResult = { ok: true; snippet: string } | { ok: false; error: string; fieldErrors: Record<string, string[]> };

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
  if (!input.image) {
    return { ok: false, error: 'Choose a picture to upload.', fieldErrors: { image: ['Choose a picture to upload.'] } };
  }
  const stored = await storeUploadedImage(input.image, userId);
  if (!stored.ok) return { ok: false, error: stored.error, fieldErrors: { image: [stored.error] } };
  return { ok: true, snippet: figureSnippet({ src: mediaSrc(stored.image.id), alt: alt.data, caption }) };
}
