'use server';

import { redirect } from 'next/navigation';

import { editorAction } from '@/lib/actions/editor-action';
import type { ActionState } from '@/lib/actions/result';
import { expire } from '@/lib/cache/expire';
import { refreshPage } from '@/lib/cache/refresh';
import { routes } from '@/lib/routes';
import { addSectionSchema, editSectionSchema, moveSectionSchema, retireSectionSchema } from '@/lib/sections/schema';
import { addSection, editSection, moveSection, retireSection, type SectionResult } from '@/lib/sections/service';

// Readers' pages refresh everywhere (expire broadcasts to the other servers). This page refetches
// even after a refusal: a retirement refused for articles filed meanwhile then shows where they go.
async function settle(result: SectionResult): Promise<ActionState> {
  if (result.ok) await expire(result.tags);
  refreshPage();
  return result.ok ? { ok: true, message: result.message } : result;
}

export const addSectionAction = editorAction('sections:manage', addSectionSchema, async (input, user) => settle(await addSection(input, user.id)));

export const editSectionAction = editorAction('sections:manage', editSectionSchema, async (input, user) => settle(await editSection(input, user.id)));

export const moveSectionAction = editorAction('sections:manage', moveSectionSchema, async (input, user) => settle(await moveSection(input, user.id)));

// A retired section's forms leave the page with it: the page says what happened instead.
export const retireSectionAction = editorAction('sections:manage', retireSectionSchema, async (input, user) => {
  const result = await retireSection(input, user.id);
  if (!result.ok) return settle(result);
  await expire(result.tags);
  redirect(routes.editor.sections(input.slug));
});
