// Compares compiling an article's MDX with a cache hit. Usage: npm run bench:mdx
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { loadContent } from '../lib/content/load';
import { clearMdxMemoryCache, compileMdx, compileMdxCached } from '../lib/content/mdx';

const { articles } = await loadContent();
const cacheDir = await mkdtemp(path.join(tmpdir(), 'broadsheet-mdx-bench-'));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const time = async (run: () => Promise<unknown>) => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};

await compileMdx(articles[0]!.body, 'warm-up');
const compile: number[] = [];
const disk: number[] = [];
const memory: number[] = [];
for (const article of articles) {
  compile.push(await time(() => compileMdxCached(article.body, article.file, cacheDir)));
  clearMdxMemoryCache();
  disk.push(await time(() => compileMdxCached(article.body, article.file, cacheDir)));
  memory.push(await time(() => compileMdxCached(article.body, article.file, cacheDir)));
}
console.table({
  'compile (ms)': median(compile).toFixed(2),
  'disk cache hit (ms)': median(disk).toFixed(2),
  'memory cache hit (ms)': median(memory).toFixed(3),
  articles: articles.length,
});
