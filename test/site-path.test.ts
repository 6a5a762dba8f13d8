import { describe, expect, it } from 'vitest';

import { postBannerSchema } from '@/lib/breaking-news/schema';
import { overridesSchema } from '@/lib/site-settings/schema';
import { isSitePath } from '@/lib/validation';

// Each of these starts with "/" or looks like a path, yet a browser following it leaves the site.
const offSite = ['/\\evil.com', '/\\/evil.com', '//evil.com', '/\t/evil.com', 'javascript:alert(1)', 'https://evil.com/', 'archive'];
// Encoded, a backslash is only a character of the path: the browser stays on this site.
const onSite = ['/', '/archive', '/articles/flood-warning?from=banner#top', '/%5Cevil.com', '/category/council/page/2'];

describe('a path on this site', () => {
  it.each(offSite)('refuses %j', (href) => {
    expect(isSitePath(href)).toBe(false);
    expect(overridesSchema.safeParse({ navigation: [{ label: 'Away', href }] }).success).toBe(false);
  });

  it.each(onSite)('accepts %j', (href) => {
    expect(isSitePath(href)).toBe(true);
    expect(overridesSchema.safeParse({ navigation: [{ label: 'Here', href }] }).success).toBe(true);
  });

  it('is the rule for the banner’s link too, beside https addresses', () => {
    const banner = (href: string) => postBannerSchema.safeParse({ text: 'Flood warning for the river', href, expiresAt: '2030-01-01T10:00' });
    for (const href of offSite.filter((one) => !one.startsWith('https:'))) expect(banner(href).success).toBe(false);
    for (const href of [...onSite, 'https://weather.example/alerts']) expect(banner(href).success).toBe(true);
  });
});
