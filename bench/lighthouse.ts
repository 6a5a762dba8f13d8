// Lighthouse (mobile) scores for the home, article and category pages against `next start`.
// Usage: npm run build && npm run bench:lighthouse. Lighthouse 12 runs on Node 20 (13 needs Node 22);
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

// Warm every page first: a connection kept alive across a Lighthouse run would be closed by the server.
for (const route of Object.values(pages)) await (await fetch(server.url + route)).text();

try {
  const rows: Record<string, string | number>[] = [];
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
  }
  console.table(rows);
} finally {
  server.stop();
}
