// How long after an editor presses "Publish now" can an anonymous reader read the article?
// Expects a production build (`npm run build`); starts `next start` itself on a fresh database
// (a new database on the PostgreSQL in DATABASE_URL, or an embedded one), creates an admin through
// the first-run page, seeds 20 ready drafts, publishes each through the real publishing form in
// Chromium, and from the press of the button polls the article URL anonymously every 25 ms until it
// returns 200 with the headline.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:publish
import { chromium } from '@playwright/test';

import { BENCH_ADMIN, chromiumOptions, openBenchDatabase, setUpBenchAdmin, startServer } from './server';

const DRAFTS = 20;
const POLL_MS = 25;
const admin = BENCH_ADMIN;

const database = await openBenchDatabase();
const { ensureAuthorProfile, seedReadyDraft } = await import('../e2e/helpers/drafts');

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2;
  return `median ${median.toFixed(0)} ms, worst ${sorted.at(-1)!.toFixed(0)} ms, best ${sorted[0]!.toFixed(0)} ms`;
}

const server = await startServer(Number(process.env.BENCH_PORT ?? 3390));
const browser = await chromium.launch(chromiumOptions);
try {
  const page = await browser.newPage({ baseURL: server.url });
  page.setDefaultTimeout(60_000);
  await setUpBenchAdmin(page);
  await ensureAuthorProfile(admin.email);

  const answers: number[] = [];
  const timings: number[] = [];
  for (let index = 0; index < DRAFTS; index += 1) {
    const draft = await seedReadyDraft({ title: `Bench story number ${index + 1} of the day`, authorEmail: admin.email });
    await page.goto(`/editor/drafts/${draft.id}/publish`);
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Publish now' }) });
    const pressed = performance.now();
    await form.getByRole('button', { name: 'Publish now' }).click();
    await form.getByRole('status').filter({ hasText: 'Published' }).waitFor();
    answers.push(performance.now() - pressed);
    for (;;) {
      const response = await fetch(`${server.url}/articles/${draft.slug}`);
      const body = await response.text();
      if (response.status === 200 && body.includes(draft.title)) break;
      if (performance.now() - pressed > 30_000) throw new Error(`${draft.slug} was not readable 30 s after publishing`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    timings.push(performance.now() - pressed);
  }
  console.log(`Pressing "Publish now", ${DRAFTS} articles (${database.embedded ? 'embedded' : 'PostgreSQL'} database):`);
  console.log(`  until the editor sees "Published":      ${summary(answers)}`);
  console.log(`  until an anonymous reader gets the page: ${summary(timings)}`);
} finally {
  await browser.close();
  server.stop();
  await database.drop();
}
