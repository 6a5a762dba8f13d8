'use server';

import { redirect } from 'next/navigation';

import { liftSuppression } from '@/db/queries/suppressions';
import { editorAction } from '@/lib/actions/editor-action';
import type { ActionState } from '@/lib/actions/result';
import { refreshPage } from '@/lib/cache/refresh';
import { routes } from '@/lib/routes';
import { type ImportPreview, previewImport, previewSealed, runImport } from '@/lib/subscribers/import';
import { CONSENT, importFormSchema, liftSuppressionSchema } from '@/lib/subscribers/schema';

// One action for both steps of the import form, so a refused confirmation shows its preview again.
export const importSubscribersAction = editorAction('subscribers:manage', importFormSchema, async (input, user): Promise<ActionState<ImportPreview>> => {
  if (input.step === 'preview') {
    const result = await previewImport({ name: input.file.name, bytes: new Uint8Array(await input.file.arrayBuffer()) }, user.id);
    if (!result.ok) return { ok: false, error: result.error, fieldErrors: { file: [result.error] } };
    return { ok: true, message: `Preview of ${result.preview.fileName || 'the file'}: nothing is imported until you confirm below.`, extra: result.preview };
  }
  if (input.consent !== 'yes') {
    const again = await previewSealed(input.sealed, user.id);
    return { ok: false, error: CONSENT, fieldErrors: { consent: [CONSENT] }, ...(again.ok ? { extra: again.preview } : {}) };
  }
  const result = await runImport(input.sealed, user.id);
  if (!result.ok) return result;
  refreshPage();
  return { ok: true, message: result.message };
});

export const liftSuppressionAction = editorAction('subscribers:manage', liftSuppressionSchema, async ({ email }) => {
  if (!(await liftSuppression(email))) return { ok: false, error: `${email} is not suppressed (any more).` };
  // Its row is gone from the list, so the page itself says so (without the address in the URL, where logs keep it).
  redirect(routes.editor.subscribers({ view: 'suppressed', notice: 'lifted' }));
});
