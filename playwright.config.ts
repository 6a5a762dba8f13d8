import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2525);
export const baseURL = `http://127.0.0.1:${port}`;

// Decided once, in the runner, and inherited by the test workers through the environment.
process.env.MAIL_SINK_DIR ??= path.resolve('test-results', `mail-${Date.now()}`);
process.env.E2E_DB_URL_FILE ??= `${process.env.MAIL_SINK_DIR}.database-url`;
process.env.E2E_SERVER_LOG ??= `${process.env.MAIL_SINK_DIR}.server.log`;
const appSecret = (process.env.E2E_APP_SECRET ??= randomBytes(32).toString('base64url'));

// Debian's Chromium, as its headless shell (package chromium-headless-shell): Playwright cannot download
// its own browser on this network, and the shell is the build Playwright itself runs headless tests in.
// The same Blink and V8 as the full browser without its window machinery: the suite's browser work
// took 2.5 min in the full browser's headless mode and 1.8 min in the shell. These flags keep Chromium
// from trying to reach the internet in the background.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell';
if (!existsSync(executablePath)) {
  throw new Error(`No browser at ${executablePath}: install Debian's chromium-headless-shell (.ci/run does), or set CHROMIUM_PATH to a Chromium.`);
}
const launchOptions = {
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  // CI keeps only what the run prints, so recording a trace of every test there (a seventh of the
  // suite's time) would buy nothing; locally a failed test keeps its trace.
  use: { baseURL, launchOptions, trace: process.env.CI ? 'off' : 'retain-on-failure' },
  projects: [
    // Creates the newsroom's first accounts (on this run's empty database) for the specs that need them.
    { name: 'newsroom-setup', testMatch: /newsroom\.setup\.ts/, use: { browserName: 'chromium' } },
    {
      name: 'chromium',
      use: { browserName: 'chromium' },
      dependencies: ['newsroom-setup'],
      testIgnore: /(publishing|newsroom-journey|front-page|several-servers|outage)\.spec\.ts/,
    },
    {
      name: 'no-javascript',
      use: { browserName: 'chromium', javaScriptEnabled: false },
      testMatch: /(journeys|newsletter|newsroom|search|subscribers-import)\.spec\.ts/,
      dependencies: ['newsroom-setup'],
    },
    // Publishing (and choosing the front page's stories) changes the home page, feeds and sitemaps
    // that other specs compare with content/, so the specs that publish run after them.
    { name: 'publishing', use: { browserName: 'chromium' }, testMatch: /(publishing|newsroom-journey|front-page)\.spec\.ts/, dependencies: ['chromium', 'no-javascript'] },
    // Two more servers behind nginx, one of them restarted mid-spec: alone, so a restart never catches
    // another spec's newsletter send or schedule on its way.
    { name: 'several-servers', use: { browserName: 'chromium' }, testMatch: /several-servers\.spec\.ts/, dependencies: ['publishing'] },
    // Takes the database away (and gives it back): after every other spec, with JavaScript off.
    { name: 'outage', use: { browserName: 'chromium', javaScriptEnabled: false }, testMatch: /outage\.spec\.ts/, dependencies: ['several-servers'] },
  ],
  webServer: [
    {
      command: 'node e2e/helpers/smtp-sink.mjs',
      port: smtpPort,
      reuseExistingServer: false,
      env: { SMTP_PORT: String(smtpPort), MAIL_SINK_DIR: process.env.MAIL_SINK_DIR },
    },
    {
      // The production build (`npm test` builds first) on a fresh database of this run.
      command: 'node e2e/helpers/serve.mjs',
      url: `${baseURL}/`,
      reuseExistingServer: false,
      timeout: 90_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      env: {
        NEXT_TELEMETRY_DISABLED: '1',
        E2E_PORT: String(port),
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        APP_SECRET: appSecret,
        E2E_DB_URL_FILE: process.env.E2E_DB_URL_FILE,
        E2E_SERVER_LOG: process.env.E2E_SERVER_LOG,
        // next-auth refuses requests whose host it was not told to trust; here it is our own loopback.
        AUTH_TRUST_HOST: 'true',
        // The tests play the part of a reverse proxy, giving each test its own client address.
        TRUSTED_PROXY_HOPS: '1',
        // Low enough for e2e/search.spec.ts to reach it quickly.
        SEARCH_RATE_LIMIT: '30',
        // Above all the specs' sign-ups together, so only the per-client threshold they test applies
        // (the site-wide one is tested in test/newsletter-limits.test.ts).
        NEWSLETTER_CHALLENGE_AFTER: '150',
      },
    },
  ],
});
