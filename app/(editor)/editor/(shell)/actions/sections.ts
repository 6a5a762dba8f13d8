'use server';

import { editorAction } from '@/lib/actions/editor-action';
import type { ActionState } from '@/lib/actions/result';
import { expire } from '@/lib/cache/expire';
import { refreshPage } from '@/lib/cache/refresh';
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

export const retireSectionAction = editorAction('sections:manage', retireSectionSchema, async (input, user) => settle(await retireSection(input, user.id)));
