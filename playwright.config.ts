import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://127.0.0.1:${port}`;

// Debian's Chromium: Playwright cannot download its own browser on this network. These flags keep
// Chromium from trying to reach the internet in the background.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: { baseURL, launchOptions, trace: 'retain-on-failure' },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' } },
    {
      name: 'no-javascript',
      use: { browserName: 'chromium', javaScriptEnabled: false },
      testMatch: /journeys\.spec\.ts/,
    },
  ],
  webServer: {
    // Tests run against the production build: `npm test` builds first.
    command: `npx next start -H 127.0.0.1 -p ${port}`,
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { NEXT_TELEMETRY_DISABLED: '1' },
  },
});
