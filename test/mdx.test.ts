import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { getMDXComponent } from 'mdx-bundler/client';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { clearMdxMemoryCache, compileMdx, compileMdxCached, mdxHash } from '@/lib/content/mdx';

const source = `## Water levels

The river rose[^1].

| Year | Level |
| --- | --- |
| 2025 | 4.4 m |

[^1]: Measured at the bridge.
`;

function render(code: string): string {
  return renderToStaticMarkup(createElement(getMDXComponent(code)));
}

describe('the MDX pipeline', () => {
  it('renders GFM tables, footnotes and linked headings', async () => {
    const html = render(await compileMdx(source, 'test.mdx'));
    // The anchor sits beside the heading, so the heading's accessible name is its text alone.
    expect(html).toContain(
      '<div class="heading-group"><h2 id="water-levels">Water levels</h2><a class="heading-anchor" href="#water-levels"><span aria-hidden="true">#</span><span class="visually-hidden">Link to this section</span></a></div>',
    );
    expect(html).toMatch(/<table>[\s\S]*<td>4.4 m<\/td>/);
    expect(html).toContain('data-footnotes');
    expect(html).toContain('Measured at the bridge.');
  });

  it('reports a syntax error with the file name', async () => {
    const failure = compileMdx('# Title\n\n<Figure src="/x.jpg"\n', 'content/articles/broken.mdx');
    await expect(failure).rejects.toThrow(/Cannot compile the MDX of content\/articles\/broken\.mdx/);
    await expect(failure).rejects.toThrow(/4:1: Unexpected end of file/);
  });

  it('compiles a source once and then serves it from the cache, in memory and on disk', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'broadsheet-mdx-'));
    const unique = `${source}\nRun ${Date.now()}.\n`;
    const first = await compileMdxCached(unique, 'a.mdx', cacheDir);
    expect(existsSync(path.join(cacheDir, `${mdxHash(unique)}.js`))).toBe(true);
    const again = compileMdxCached(unique, 'a.mdx', cacheDir);
    expect(await again).toBe(first);
    // A marker written over the cached file proves the next call reads the disk instead of compiling.
    await writeFile(path.join(cacheDir, `${mdxHash(unique)}.js`), 'cached-marker');
    expect(await compileMdxCached(unique, 'a.mdx', cacheDir)).toBe(first);
    clearMdxMemoryCache();
    expect(await compileMdxCached(unique, 'a.mdx', cacheDir)).toBe('cached-marker');
    expect(mdxHash(unique)).not.toBe(mdxHash(`${unique} `));
  });
});
