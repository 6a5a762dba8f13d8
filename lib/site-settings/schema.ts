import { z } from 'zod';

import { MAX_NAVIGATION, MAX_SOCIAL, siteSchema } from '../content/schema';
import type { Site } from '../content/types';
import { sitePathSchema } from '../validation';

// What admins may change in the newsroom, derived from the schema content/site.json is checked
// against, so a setting saved here is exactly as valid as one written in the file. url, locale,
// language and timeZone stay in the file: they shape addresses, dates and search at build time.

const { name, shortName, logoText, description, navigation, social, newsletter } = siteSchema.shape;
const welcome = newsletter.shape.welcome.unwrap();

/** Site paths only (lib/validation.ts's isSitePath), with a message that suits the form. */
const navigationSchema = z
  .array(navigation.element.extend({ href: sitePathSchema('must be a path on this site, e.g. "/archive"') }))
  .max(MAX_NAVIGATION, `must have at most ${MAX_NAVIGATION} links`);

/** Social links open other sites, always over https. */
const socialSchema = z
  .array(social.unwrap().element.refine((link) => link.href.startsWith('https://'), { message: 'must be an https:// address', path: ['href'] }))
  .max(MAX_SOCIAL, `must have at most ${MAX_SOCIAL} links`);

/** Each setting that can be changed (and reset to the file's value) on its own. */
export const SETTING_FIELDS = ['name', 'shortName', 'logoText', 'description', 'fromName', 'fromAddress', 'welcome', 'social', 'navigation'] as const;
export type SettingField = (typeof SETTING_FIELDS)[number];

/** The overrides stored in site_settings: a setting that is absent takes content/site.json's value. */
export const overridesSchema = z
  .object({
    name,
    shortName,
    logoText,
    description,
    fromName: newsletter.shape.fromName,
    fromAddress: newsletter.shape.fromAddress,
    // null: no welcome email, even though the file has one.
    welcome: welcome.nullable(),
    social: socialSchema,
    navigation: navigationSchema,
  })
  .partial()
  .strict();

export type SiteOverrides = z.infer<typeof overridesSchema>;

/** The file's values in the shape of the overrides, to compare and to show as defaults. */
export function settingsOf(site: Site): Required<SiteOverrides> {
  return {
    name: site.name,
    shortName: site.shortName,
    logoText: site.logoText,
    description: site.description,
    fromName: site.newsletter.fromName,
    fromAddress: site.newsletter.fromAddress,
    welcome: site.newsletter.welcome ?? null,
    social: site.social,
    navigation: site.navigation,
  };
}

/** The site as readers see it: the file, with each stored override in place of its value. */
export function applyOverrides(file: Site, overrides: SiteOverrides): Site {
  const settings = { ...settingsOf(file), ...overrides };
  const { welcome: chosen, fromName, fromAddress, ...rest } = settings;
  const { welcome: _fileWelcome, ...fileNewsletter } = file.newsletter;
  return {
    ...file,
    ...rest,
    newsletter: { ...fileNewsletter, fromName, fromAddress, ...(chosen ? { welcome: chosen } : {}) },
  };
}

/**
 * The overrides to store for the settings an admin saved: only what differs from the file, so a
 * setting put back to the file's value follows the file again.
 */
export function overridesFor(file: Site, chosen: Required<SiteOverrides>): SiteOverrides {
  const defaults = settingsOf(file);
  const overrides: Record<string, unknown> = {};
  for (const field of SETTING_FIELDS) {
    if (JSON.stringify(chosen[field]) !== JSON.stringify(defaults[field])) overrides[field] = chosen[field];
  }
  return overrides as SiteOverrides;
}

/**
 * Stored overrides as far as they are still valid: a row written by an older version, or a file
 * change that makes one pointless, never breaks a page. Invalid settings are dropped one by one.
 */
export function validOverrides(stored: unknown): SiteOverrides {
  const whole = overridesSchema.safeParse(stored);
  if (whole.success) return whole.data;
  if (!stored || typeof stored !== 'object') return {};
  const kept: Record<string, unknown> = {};
  for (const field of SETTING_FIELDS) {
    const one = overridesSchema.safeParse({ [field]: (stored as Record<string, unknown>)[field] });
    if (one.success && field in one.data) kept[field] = one.data[field];
  }
  return kept as SiteOverrides;
}
