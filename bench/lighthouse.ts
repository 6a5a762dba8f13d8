// Lighthouse (mobile) scores for the home, article and category pages against `next start`.
// Usage: npm run build && npm run bench:lighthouse (BENCH_LIGHTHOUSE_THROTTLING=devtools throttles the
// browser itself instead of simulating the phone from an unthrottled load). Lighthouse 12 runs on Node 20 (13 needs Node 22);
// it is fetched by npx on first use rather than installed with the project.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { loadContent } from '../lib/content/load';
import { chromiumOptions, startServer } from './server';

const content = await loadContent();
const article = content.articles[0]!;
const pages: Record<string, string> = { home: '/', article: `/articles/${article.slug}`, category: `/category/${article.category.slug}` };
const server = await startServer(Number(process.env.BENCH_PORT ?? 3291));
const out = mkdtempSync(path.join(tmpdir(), 'broadsheet-lighthouse-'));
const flags = ['--headless=new', ...chromiumOptions.args].join(' ');

type LcpItem = { items?: { node?: { nodeLabel?: string }; phase?: string; timing?: number }[] };

/** The LCP element and Lighthouse's split of its time (first byte, load delay, load, render delay). */
function lcpPhases(result: { audits: Record<string, { details?: { items?: LcpItem[] } }> }): Record<string, string | number> {
  const tables = result.audits['largest-contentful-paint-element']?.details?.items ?? [];
  const element = tables[0]?.items?.[0]?.node?.nodeLabel ?? '?';
  const split = Object.fromEntries((tables[1]?.items ?? []).map((item) => [item.phase ?? '?', Math.round(item.timing ?? 0)]));
  return { element: element.slice(0, 40), ...split };
}

// Warm every page first: a connection kept alive across a Lighthouse run would be closed by the server.
for (const route of Object.values(pages)) await (await fetch(server.url + route)).text();

try {
  const rows: Record<string, string | number>[] = [];
  const phases: Record<string, string | number>[] = [];
  for (const [name, route] of Object.entries(pages)) {
    const report = path.join(out, `${name}.json`);
    execFileSync(
      'npx',
      [
        '-y',
        'lighthouse@12.8.2',
        server.url + route,
        '--quiet',
        '--output=json',
        `--output-path=${report}`,
        `--chrome-flags=${flags}`,
        '--only-categories=performance,accessibility,best-practices,seo',
        ...(process.env.BENCH_LIGHTHOUSE_THROTTLING ? [`--throttling-method=${process.env.BENCH_LIGHTHOUSE_THROTTLING}`] : []),
      ],
      { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chromiumOptions.executablePath } },
    );
    const result = JSON.parse(readFileSync(report, 'utf8'));
    const score = (id: string) => Math.round(result.categories[id].score * 100);
    rows.push({
      page: name,
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best practices': score('best-practices'),
      seo: score('seo'),
      'LCP (ms)': Math.round(result.audits['largest-contentful-paint'].numericValue),
      CLS: +result.audits['cumulative-layout-shift'].numericValue.toFixed(3),
      'TBT (ms)': Math.round(result.audits['total-blocking-time'].numericValue),
    });
    phases.push({ page: name, ...lcpPhases(result) });
  }
  console.table(rows);
  console.log('Where the largest contentful paint spends its time (ms):');
  console.table(phases);
} finally {
  server.stop();
}
