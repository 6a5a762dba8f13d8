'use server';

import { z } from 'zod';

import { editorAction } from '@/lib/actions/editor-action';
import type { ActionState } from '@/lib/actions/result';
import { addInlineImage, type UploadedFigure } from '@/lib/media/inline-image';

// Lenient on purpose: addInlineImage explains each problem, and the typed text goes back to the form.
const inlineImageForm = z.object({
  image: z.instanceof(File).optional(),
  alt: z.string().default(''),
  caption: z.string().default(''),
});

export type InlineImageState = (NonNullable<ActionState> & { snippet?: string; values?: { alt: string; caption: string } }) | null;

export const uploadInlineImageAction = editorAction('drafts:write-own', inlineImageForm, async (input, user) => {
  const values = { alt: input.alt, caption: input.caption };
  const result = await addInlineImage(input, user.id);
  const state: InlineImageState = result.ok
    ? { ok: true, message: 'Uploaded. Paste the MDX below into the body where the picture belongs.', snippet: result.snippet, values }
    : { ...result, values };
  return state;
});

const bodyImageForm = inlineImageForm.extend({ credit: z.string().default('') });

/** A picture dropped or pasted into the rich body editor: the same checks, and the Figure's props back. */
export const uploadBodyImageAction = editorAction<typeof bodyImageForm, UploadedFigure>('drafts:write-own', bodyImageForm, async (input, user) => {
  const result = await addInlineImage(input, user.id);
  return result.ok ? { ok: true, message: 'The picture is uploaded and in the body.', extra: result.figure } : result;
});
