import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * The Markdown tree of an MDX body, as the compiler reads it (MDX and GFM). Its time grows
 * super-linearly on some inputs: only trusted sources (content/) are parsed on the main thread;
 * newsroom bodies only in the untrusted-MDX worker (untrusted/pool.ts).
 */
export function parseMdx(source: string): Root {
  return unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(source) as Root;
}
