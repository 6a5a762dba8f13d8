import { bundleMDX } from 'mdx-bundler';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';

import { cacheKey, defaultCacheDir, readCached, writeCached } from './disk-cache';

// Bump when the pipeline below changes, so cached output of the old pipeline is never reused.
const PIPELINE_VERSION = '2';

const refuseCode = {
  parse(): never {
    throw new Error('JavaScript front matter is not allowed.');
  },
};

export async function compileMdx(source: string, file: string): Promise<string> {
  const result = await bundleMDX({
    source,
    // gray-matter evaluates `---js` front matter with eval(): no source may run code that way.
    grayMatterOptions: (options) => ({ ...options, engines: { ...options.engines, javascript: refuseCode, js: refuseCode } }),
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm];
      options.rehypePlugins = [
        ...(options.rehypePlugins ?? []),
        rehypeSlug,
        [
          rehypeAutolinkHeadings,
          {
            // Beside the heading, not inside it: a link inside would become part of the heading's
            // name, and screen readers would read the heading and then its link's label. The "#" is
            // decoration; the link's name is the hidden text, and its place after the heading says which.
            behavior: 'after',
            group: { type: 'element', tagName: 'div', properties: { className: ['heading-group'] }, children: [] },
            properties: { className: ['heading-anchor'] },
            content: [
              { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
              { type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: 'Link to this section' }] },
            ],
          },
        ],
      ];
      return options;
    },
    esbuildOptions(options) {
      options.minify = true;
      options.target = 'es2022';
      // Errors reach the author through the thrown message (with file, line and column), not esbuild's log.
      options.logLevel = 'silent';
      return options;
    },
  }).catch((error: unknown) => {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot compile the MDX of ${file}:\n${detail}`);
  });
  return result.code;
}

export function mdxHash(source: string): string {
  return cacheKey(PIPELINE_VERSION, source);
}

const memory = new Map<string, Promise<string>>();

/**
 * Compiled code for an MDX source, compiled at most once per source per build: kept in memory for
 * this process and on disk under .next/cache so the build's worker processes share it.
 */
export function compileMdxCached(source: string, file: string, cacheDir = defaultCacheDir()): Promise<string> {
  const key = mdxHash(source);
  let code = memory.get(key);
  if (!code) {
    code = fromDiskOrCompile(key, source, file, cacheDir);
    memory.set(key, code);
    code.catch(() => memory.delete(key));
  }
  return code;
}

async function fromDiskOrCompile(key: string, source: string, file: string, cacheDir: string): Promise<string> {
  const cached = await readCached(cacheDir, `${key}.js`);
  if (cached !== null) return cached;
  const code = await compileMdx(source, file);
  await writeCached(cacheDir, `${key}.js`, code);
  return code;
}

export function clearMdxMemoryCache(): void {
  memory.clear();
}
