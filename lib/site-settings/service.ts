import 'server-only';

import { readSiteSettings, saveSiteSettings } from '@/db/queries/site-settings';
import type { PublicUser } from '@/db/queries/users';

import { MAX_NAVIGATION } from '../content/schema';
import type { Category, Site } from '../content/types';
import { formatDateAndTime } from '../dates/format';
import { routes } from '../routes';
import { describePath, fieldOf, formValues, rearranged, type SettingsForm, typedSettings } from './form';
import { overridesFor, overridesSchema, type SettingField, settingsOf, type SiteOverrides, validOverrides } from './schema';

/** What the settings page shows: the settings in force, the file's, which are overridden, and the version. */
export type SettingsView = {
  current: Required<SiteOverrides>;
  defaults: Required<SiteOverrides>;
  overridden: SettingField[];
  version: number;
  updatedAt: Date | null;
  updatedBy: string | null;
};

export async function loadSettings(file: Site): Promise<SettingsView> {
  const stored = await readSiteSettings();
  const overrides = validOverrides(stored?.settings ?? {});
  const defaults = settingsOf(file);
  return {
    current: { ...defaults, ...overrides },
    defaults,
    overridden: Object.keys(overrides) as SettingField[],
    version: stored?.version ?? 0,
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored?.updatedBy ?? null,
  };
}

export type SaveOutcome = { ok: true; message: string } | { ok: false; error: string; fieldErrors?: Record<string, string[]>; values: Record<string, string> };

const complete = overridesSchema.required();

/**
 * Saves the settings form as the button pressed asks (save, move or remove a row, add a section,
 * reset one setting or all), over the version the admin loaded: a save over a newer one is refused
 * with who saved it and when, and what was typed comes back to the form.
 */
export async function saveSettingsForm(form: SettingsForm, user: Pick<PublicUser, 'id'>, file: Site, categories: Category[]): Promise<SaveOutcome> {
  const { settings, rowsFrom } = typedSettings(form);
  const defaults = settingsOf(file);
  const { intent } = form;
  let chosen: typeof settings | Required<SiteOverrides> = settings;
  let done = 'Settings saved. Every page shows them now.';
  if (intent === 'reset-all') {
    chosen = defaults;
    done = 'Every setting is back to content/site.json’s value.';
  } else if (intent.startsWith('reset:')) {
    const field = intent.slice('reset:'.length) as SettingField;
    chosen = { ...settings, [field]: defaults[field] };
    done = 'Saved, with that setting back to content/site.json’s value.';
  } else if (intent === 'add-section') {
    const section = categories.find((category) => category.slug === form.addSection);
    if (!section) return { ok: false, error: 'Choose a section to add to the navigation.', values: echo(form) };
    if (settings.navigation.length >= MAX_NAVIGATION) {
      return { ok: false, error: `Not added: the navigation has ${MAX_NAVIGATION} links, the most it may have. Remove one first.`, values: echo(form) };
    }
    chosen = { ...settings, navigation: [...settings.navigation, { label: section.name, href: routes.category(section.slug) }] };
    done = `Saved, with ${section.name} added to the navigation.`;
  } else if (intent !== 'save') {
    const [list, action, index] = /^(nav|social)-(up|down|remove):(\d+)$/.exec(intent)!.slice(1) as ['nav' | 'social', 'up' | 'down' | 'remove', string];
    const key = list === 'nav' ? 'navigation' : 'social';
    const position = rowsFrom[list].indexOf(Number(index));
    chosen = { ...settings, [key]: rearranged(settings[key], action, position) };
    done = action === 'remove' ? 'Saved, with that link removed.' : 'Saved, with that link moved.';
  }
  const checked = complete.safeParse(chosen);
  if (!checked.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of checked.error.issues) (fieldErrors[fieldOf(issue.path, rowsFrom)] ??= []).push(issue.message);
    const first = checked.error.issues[0]!;
    return { ok: false, error: `Not saved: ${describePath(first.path)} ${first.message}.`, fieldErrors, values: echo(form) };
  }
  const version = await saveSiteSettings(overridesFor(file, checked.data), form.version, user.id);
  if (version === null) {
    const stored = await readSiteSettings();
    const who = stored?.updatedBy ?? 'another admin';
    const when = stored ? formatDateAndTime(stored.updatedAt, file) : 'just now';
    return {
      ok: false,
      error: `Not saved: the settings were changed by ${who} at ${when} — reload the page to see their version. What you typed is still in the form.`,
      values: echo(form),
    };
  }
  return { ok: true, message: done };
}

/** The form as posted, to redraw it (also without JavaScript) after a refusal. */
function echo(form: SettingsForm): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) if (typeof value === 'string' && key !== 'intent') values[key] = value;
  return values;
}

/** The settings as form fields (exported for the page, which fills the form with them). */
export const settingsFormValues = (view: SettingsView) => ({ ...formValues(view.current), version: String(view.version) });
