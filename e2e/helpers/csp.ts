import type { Page } from '@playwright/test';

// The Content-Security-Policy the build under test sends: SITE_URL is http here, so no
// upgrade-insecure-requests and no HSTS.
export const READER_POLICY =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; script-src-attr 'none'";

export const EDITOR_POLICY =
  /^default-src 'self'; script-src 'self' 'nonce-([A-Za-z0-9+/=]{24})' 'strict-dynamic'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; script-src-attr 'none'$/;

/**
 * Collects every CSP violation a page reports, both as the browser logs it in the console and as the
 * securitypolicyviolation event (which also catches reports the console folds together).
 */
export async function watchPolicyViolations(page: Page): Promise<() => Promise<string[]>> {
  const logged: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy|Permissions-Policy/i.test(message.text())) logged.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`));
  });
  return async () => {
    const reported = await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []).catch(() => []);
    return [...logged, ...reported];
  };
}
