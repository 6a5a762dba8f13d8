import { z } from 'zod';

import { MAX_NAVIGATION, MAX_SOCIAL } from '../content/schema';
import { SETTING_FIELDS, type SettingField, type SiteOverrides } from './schema';

// The settings form works without JavaScript: lists are a fixed number of rows (the current ones
// and a few blank), and every button (save, move, remove, add a section, reset) is a submit button
// whose `intent` says what to do with the typed form before it is saved.

export const BLANK_ROWS = 3;

export type ListName = 'nav' | 'social';
const LIST_FIELD = { nav: 'navigation', social: 'social' } as const;

const intentSchema = z.union([
  z.literal('save'),
  z.literal('reset-all'),
  z.literal('add-section'),
  z.templateLiteral(['reset:', z.enum(SETTING_FIELDS)]),
  z.templateLiteral([z.enum(['nav', 'social']), '-', z.enum(['up', 'down', 'remove']), ':', z.number().int().min(0).max(99)]),
]);

/** The posted form: its version, what was pressed, and the fields as typed (checked by the service). */
export const settingsFormSchema = z
  .object({
    version: z.coerce.number({ message: 'The form is missing its version; reload the page.' }).int().min(0),
    intent: intentSchema.catch('save'),
    addSection: z.string().max(200).optional(),
  })
  .catchall(z.string().max(20_000));

export type SettingsForm = z.infer<typeof settingsFormSchema>;
type Link = { label: string; href: string };

/** The rows of a list as typed, with the form row each came from; wholly blank rows are left out. */
function rowsOf(form: Record<string, unknown>, list: ListName): { rows: Link[]; from: number[] } {
  const rows: Link[] = [];
  const from: number[] = [];
  const max = list === 'nav' ? MAX_NAVIGATION : MAX_SOCIAL;
  for (let index = 0; index < max + BLANK_ROWS; index += 1) {
    const label = String(form[`${list}.${index}.label`] ?? '').trim();
    const href = String(form[`${list}.${index}.href`] ?? '').trim();
    if (label || href) {
      rows.push({ label, href });
      from.push(index);
    }
  }
  return { rows, from };
}

const text = (form: Record<string, unknown>, name: string) => String(form[name] ?? '').trim();

/** The settings as typed, and where each list row came from (to put a problem next to its row). */
export function typedSettings(form: Record<string, unknown>) {
  const navigation = rowsOf(form, 'nav');
  const social = rowsOf(form, 'social');
  const subject = text(form, 'welcomeSubject');
  const body = text(form, 'welcomeBody');
  const settings = {
    name: text(form, 'name'),
    shortName: text(form, 'shortName'),
    logoText: text(form, 'logoText'),
    description: text(form, 'description'),
    fromName: text(form, 'fromName'),
    fromAddress: text(form, 'fromAddress'),
    welcome: subject || body ? { subject, body } : null,
    social: social.rows,
    navigation: navigation.rows,
  };
  return { settings, rowsFrom: { nav: navigation.from, social: social.from } };
}

/** Applies a move or a removal to a list, as the button pressed asks. */
export function rearranged(list: Link[], action: 'up' | 'down' | 'remove', index: number): Link[] {
  const next = [...list];
  if (index < 0 || index >= next.length) return next;
  if (action === 'remove') next.splice(index, 1);
  else {
    const other = action === 'up' ? index - 1 : index + 1;
    if (other < 0 || other >= next.length) return next;
    [next[index], next[other]] = [next[other]!, next[index]!];
  }
  return next;
}

/** The settings as the form's fields, to fill it in. */
export function formValues(settings: Required<SiteOverrides>): Record<string, string> {
  const values: Record<string, string> = {
    name: settings.name,
    shortName: settings.shortName,
    logoText: settings.logoText,
    description: settings.description,
    fromName: settings.fromName,
    fromAddress: settings.fromAddress,
    welcomeSubject: settings.welcome?.subject ?? '',
    welcomeBody: settings.welcome?.body ?? '',
  };
  const lists: [ListName, Link[]][] = [
    ['nav', settings.navigation],
    ['social', settings.social],
  ];
  for (const [list, rows] of lists) {
    rows.forEach((row, index) => {
      values[`${list}.${index}.label`] = row.label;
      values[`${list}.${index}.href`] = row.href;
    });
  }
  return values;
}

/** How many rows a list shows: its filled rows and a few blank ones, within its limit. */
export function rowCount(values: Record<string, string>, list: ListName): number {
  let filled = 0;
  for (const key of Object.keys(values)) {
    const match = new RegExp(`^${list}\\.(\\d+)\\.(label|href)$`).exec(key);
    if (match && values[key]) filled = Math.max(filled, Number(match[1]) + 1);
  }
  return Math.min(filled + BLANK_ROWS, (list === 'nav' ? MAX_NAVIGATION : MAX_SOCIAL) + BLANK_ROWS);
}

/** The form field a problem at this path of the settings belongs to. */
export function fieldOf(path: PropertyKey[], rowsFrom: Record<ListName, number[]>): string {
  const [first, index, part] = path;
  if (first === 'welcome') return index === 'body' ? 'welcomeBody' : 'welcomeSubject';
  for (const list of ['nav', 'social'] as const) {
    if (first === LIST_FIELD[list]) {
      if (typeof index !== 'number') return list;
      return `${list}.${rowsFrom[list][index] ?? index}.${String(part ?? 'label')}`;
    }
  }
  return String(first);
}

export const FIELD_LABELS: Record<SettingField, string> = {
  name: 'Name',
  shortName: 'Short name',
  logoText: 'Logo text',
  description: 'Description',
  fromName: 'Sender name',
  fromAddress: 'Sender address',
  welcome: 'Welcome email',
  social: 'Social links',
  navigation: 'Navigation',
};

/** A problem's place in words: "Navigation, link 3, address". */
export function describePath(path: PropertyKey[]): string {
  const [first, index, part] = path;
  const label = (FIELD_LABELS as Record<PropertyKey, string>)[first as PropertyKey] ?? String(first);
  if (first === 'welcome') return `${label} ${index === 'body' ? 'text' : 'subject'}`;
  if (typeof index === 'number') return `${label}, link ${index + 1}, ${part === 'href' ? 'address' : 'label'}`;
  return label;
}
