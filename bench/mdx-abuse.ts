// Does a hostile draft body slow down readers? Expects a production build (`npm run build`); starts
// `next start` itself on a fresh database, creates an admin through the first-run page and a draft,
// then sends each body of the security review (and one that only the worker's time limit stops)
// through the live preview and the save in Chromium, while an anonymous reader loads `/` one request
// after another. Prints, per body, how long the editor waited for the answer and the reader's
// latency (median and worst) meanwhile, against the 200 ms target.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:mdx-abuse
import { chromium, type Page } from '@playwright/test';

import { pathologicalBodies, slowBody } from '../e2e/helpers/pathological-mdx';
import { BENCH_ADMIN, chromiumOptions, openBenchDatabase, setUpBenchAdmin, startServer } from './server';

const TARGET_MS = 200;
// A frozen server (today's code took minutes on some bodies) is cut off rather than waited for.
const GIVE_UP_MS = 60_000;
const admin = BENCH_ADMIN;
const bodies = { ...pathologicalBodies, 'a list 9 deep on 2,900 lines': slowBody };

const database = await openBenchDatabase();
const { seedReadyDraft } = await import('../e2e/helpers/drafts');

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}

/** Loads `/` anonymously, one request after another, while `work` runs; every latency, and whether `work` failed. */
async function whileReading(url: string, work: () => Promise<void>): Promise<{ latencies: number[]; failure?: string }> {
  const latencies: number[] = [];
  let running = true;
  const reader = (async () => {
    while (running) {
      const started = performance.now();
      const ok = await fetch(`${url}/`, { signal: AbortSignal.timeout(GIVE_UP_MS) }).then(
        async (response) => (await response.text(), response.ok),
        () => false,
      );
      latencies.push(ok ? performance.now() - started : Number.POSITIVE_INFINITY);
    }
  })();
  let failure: string | undefined;
  await work().catch((error: unknown) => {
    failure = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  });
  running = false;
  await reader;
  return { latencies, ...(failure ? { failure } : {}) };
}

async function typeBody(page: Page, body: string) {
  await page.locator('textarea#draft-body').evaluate((field, value) => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }, body);
}

const server = await startServer(Number(process.env.BENCH_PORT ?? 3390));
const browser = await chromium.launch(chromiumOptions);
try {
  const page = await browser.newPage({ baseURL: server.url });
  page.setDefaultTimeout(GIVE_UP_MS);
  await setUpBenchAdmin(page);
  const draft = await seedReadyDraft({ authorEmail: admin.email });

  console.log(`Hostile draft bodies against next start (${database.embedded ? 'embedded' : 'PostgreSQL'} database); reader target ${TARGET_MS} ms:`);
  // The same reader with no draft work at all, for comparison on this machine as loaded now.
  const baseline = (await whileReading(server.url, () => new Promise((resolve) => setTimeout(resolve, 5_000)))).latencies.sort((a, b) => a - b);
  console.log(
    `  ${'no draft work (baseline)'.padEnd(34)} reader / p50 ${percentile(baseline, 0.5).toFixed(0)} ms, max ${(baseline.at(-1) ?? Number.NaN).toFixed(0)} ms over ${baseline.length} loads`,
  );
  for (const [name, body] of Object.entries(bodies)) {
    await page.goto(`/editor/drafts/${draft.id}`);
    const answers: string[] = [];
    const { latencies, failure } = await whileReading(server.url, async () => {
      let started = performance.now();
      await typeBody(page, body);
      await page
        .getByRole('region', { name: 'Live preview' })
        .getByText(/too complex to render/)
        .waitFor();
      // The preview waits half a second after typing stops before it asks.
      answers.push(`preview ${(performance.now() - started).toFixed(0)} ms (incl. 500 ms pause)`);
      started = performance.now();
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.locator('#draft-body-errors').waitFor();
      answers.push(`save ${(performance.now() - started).toFixed(0)} ms`);
    });
    if (failure) answers.push(`no answer: ${failure}`);
    const sorted = [...latencies].sort((a, b) => a - b);
    const worst = sorted.at(-1) ?? Number.NaN;
    const verdict = worst < TARGET_MS ? 'within' : 'OVER';
    console.log(
      `  ${name.padEnd(34)} ${answers.join(', ')}; reader / p50 ${percentile(sorted, 0.5).toFixed(0)} ms, max ${worst.toFixed(0)} ms over ${latencies.length} loads (${verdict} ${TARGET_MS} ms)`,
    );
  }
} finally {
  await browser.close();
  server.stop();
  await database.drop();
}
