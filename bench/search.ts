// Search at 10,000 articles. Generates them straight into the index of a throwaway database (a
// new database on the PostgreSQL in DATABASE_URL, or an embedded one), then prints the time to
// build the index, the p50 / p95 / p99 latency of 200 mixed queries in SQL (what the results page
// asks the database) and over HTTP against `next start` (the whole page), and how long after an
// editor presses "Publish now" a search finds the article. Expects a production build.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:search
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';

import { chromium } from '@playwright/test';
import { sql } from 'drizzle-orm';

import { routes } from '../lib/routes';
import { BENCH_ADMIN, chromiumOptions, openBenchDatabase, setUpBenchAdmin, startServer } from './server';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const PUBLISHES = 10;
const WARM_UP = 20;
const admin = BENCH_ADMIN;

const database = await openBenchDatabase();
// Imported once DATABASE_URL names the throwaway database: lib/env.mjs reads it when first loaded.
const { closeDb, getDb } = await import('../db');
const { benchCorpus, benchQueries } = await import('./search-corpus');
const { upsertSearchEntries } = await import('../db/queries/search-index');
const { searchIndex } = await import('../db/queries/search');
const { suggestFor } = await import('../lib/search/suggest');

const percentiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(1);
  return `p50 ${at(50)} ms, p95 ${at(95)} ms, p99 ${at(99)} ms`;
};

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const server = await startServer(Number(process.env.BENCH_PORT ?? 3390)).catch(async (error) => {
  await database.drop();
  throw error;
});
try {
  const corpus = await benchCorpus(ARTICLES);
  const buildMs = await timed(async () => {
    await upsertSearchEntries(corpus.entries);
    // What autovacuum does soon after a bulk load: folds GIN's pending list into the index.
    await getDb().execute(sql`vacuum analyze search_documents`);
  });
  const [size] = await getDb().execute<{ rows: string; total: string; terms: string }>(sql`
    select (select count(*) from search_documents) as rows, pg_size_pretty(pg_total_relation_size('search_documents')) as total,
           (select count(*) from search_terms) as terms`);
  console.log(`Search benchmark (${database.embedded ? 'embedded' : 'PostgreSQL'} database), ${size?.rows} articles of ${corpus.averageWords.toFixed(0)} words on average:`);
  console.log(`  machine load average at start: ${loadavg()[0]!.toFixed(1)} (figures grow with it)`);
  console.log(`  building the index (rows, vectors, GIN, word list): ${(buildMs / 1000).toFixed(1)} s; ${size?.total} with indexes, ${size?.terms} distinct words`);

  const queries = benchQueries(corpus);
  const context = { config: 'broadsheet_english', timeZone: 'Europe/London' };
  const inSql = async (query: (typeof queries)[number]) => {
    const page = await searchIndex({ ...context, ...query, query: query.q, limit: 10, offset: 0 });
    if (page.total === 0 && page.meaningful) await suggestFor(query.q, { ...context, ...query });
    return page.total;
  };
  for (const query of queries.slice(0, WARM_UP)) await inSql(query);
  const sqlTimes: number[] = [];
  let found = 0;
  for (const query of queries) sqlTimes.push(await timed(async () => ((await inSql(query)) > 0 ? (found += 1) : 0)));
  console.log(
    `  ${queries.length} mixed queries in SQL (page of 10 with snippets and a count capped at 1,000; suggestion when empty): ${percentiles(sqlTimes)}; ${found} found something`,
  );

  const fetchPage = async (query: (typeof queries)[number]) => {
    const response = await fetch(`${server.url}${routes.search(query)}`);
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${routes.search(query)} answered ${response.status}: ${body.slice(0, 200)}`);
  };
  for (const query of queries.slice(0, WARM_UP)) await fetchPage(query);
  const httpTimes: number[] = [];
  for (const query of queries) httpTimes.push(await timed(() => fetchPage(query)));
  console.log(`  the same queries over HTTP (next start on loopback, whole results page): ${percentiles(httpTimes)}`);

  const { ensureAuthorProfile, seedReadyDraft } = await import('../e2e/helpers/drafts');
  const browser = await chromium.launch(chromiumOptions);
  try {
    const page = await browser.newPage({ baseURL: server.url });
    page.setDefaultTimeout(60_000);
    await setUpBenchAdmin(page);
    await ensureAuthorProfile(admin.email);
    const answered: number[] = [];
    const searchable: number[] = [];
    let foundAtOnce = 0;
    for (let index = 0; index < PUBLISHES; index += 1) {
      const word = `benchword${randomBytes(6)
        .toString('hex')
        .replace(/[0-9]/g, (digit) => 'ghijklmnop'[Number(digit)]!)}`;
      const draft = await seedReadyDraft({ title: `Bench search story ${index + 1}`, body: `The ${word} was seen at the harbour.`, authorEmail: admin.email });
      await page.goto(`/editor/drafts/${draft.id}/publish`);
      const form = page.locator('form', { has: page.getByRole('button', { name: 'Publish now' }) });
      const pressed = performance.now();
      await form.getByRole('button', { name: 'Publish now' }).click();
      await form.getByRole('status').filter({ hasText: 'Published' }).waitFor();
      answered.push(performance.now() - pressed);
      for (let tries = 1; ; tries += 1) {
        const body = await (await fetch(`${server.url}${routes.search({ q: word })}`)).text();
        if (body.includes(draft.title)) {
          if (tries === 1) foundAtOnce += 1;
          break;
        }
        if (tries > 200) throw new Error(`${word} was not found after publishing`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      searchable.push(performance.now() - pressed);
    }
    console.log(`  pressing "Publish now" until the editor sees "Published": ${percentiles(answered)}`);
    console.log(
      `  pressing "Publish now" until a search finds the article:   ${percentiles(searchable)} (${PUBLISHES} articles, ${foundAtOnce} found by the first search after "Published")`,
    );
  } finally {
    await browser.close();
  }
} finally {
  server.stop();
  await closeDb();
  await database.drop();
}
