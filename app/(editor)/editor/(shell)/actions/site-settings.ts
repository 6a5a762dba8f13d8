'use server';

import { editorAction } from '@/lib/actions/editor-action';
import { tagsForSiteSettings } from '@/lib/cache/changes';
import { expire } from '@/lib/cache/expire';
import { refreshPage } from '@/lib/cache/refresh';
import { getCategories, getSiteFile } from '@/lib/content';
import { settingsFormSchema } from '@/lib/site-settings/form';
import { saveSettingsForm } from '@/lib/site-settings/service';

export const saveSettingsAction = editorAction('site:manage', settingsFormSchema, async (form, user) => {
  const [file, categories] = await Promise.all([getSiteFile(), getCategories()]);
  const outcome = await saveSettingsForm(form, user, file, categories);
  if (!outcome.ok) return outcome;
  await expire(tagsForSiteSettings());
  refreshPage();
  return outcome;
});
