// Prints, per page type, the compressed JavaScript and the total bytes a browser downloads.
// Usage: npm run build && npm run bench:pages
import { chromium } from '@playwright/test';

import { loadContent } from '../lib/content/load';
import { chromiumOptions, startServer } from './server';

const content = await loadContent();
const article = content.articles[0]!;
const pages: Record<string, string> = {
  home: '/',
  article: `/articles/${article.slug}`,
  category: `/category/${article.category.slug}`,
  author: `/authors/${article.authors[0]!.slug}`,
};

const server = await startServer(Number(process.env.BENCH_PORT ?? 3290));
const browser = await chromium.launch(chromiumOptions);
try {
  const rows: Record<string, string | number>[] = [];
  for (const [name, path] of Object.entries(pages)) {
    // First visit warms the server's image cache so the figures describe a steady state.
    const warm = await browser.newPage();
    await warm.goto(server.url + path, { waitUntil: 'networkidle' });
    await warm.close();

    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    const responses: Promise<{ type: string; bytes: number }>[] = [];
    page.on('requestfinished', (request) => {
      responses.push(request.sizes().then((sizes) => ({ type: request.resourceType(), bytes: sizes.responseBodySize + sizes.responseHeadersSize })));
    });
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    const finished = await Promise.all(responses);
    const sum = (filter: (type: string) => boolean) => finished.filter((r) => filter(r.type)).reduce((total, r) => total + r.bytes, 0);
    rows.push({
      page: name,
      requests: finished.length,
      'JS (KiB, compressed)': +(sum((type) => type === 'script') / 1024).toFixed(1),
      'images (KiB)': +(sum((type) => type === 'image') / 1024).toFixed(1),
      'total (KiB)': +(sum(() => true) / 1024).toFixed(1),
    });
    await context.close();
  }
  console.table(rows);
} finally {
  await browser.close();
  server.stop();
}
