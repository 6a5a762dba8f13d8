import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * The Markdown tree of an MDX body, as the compiler reads it (MDX and GFM). Its time grows
 * super-linearly on some inputs: only trusted sources (content/) are parsed on the main thread;
 * newsroom bodies only in the untrusted-MDX worker (untrusted/pool.ts).
 *
 * `gfm: false` reads tables, strikethrough, task lists, footnotes and bare links as the plain text
 * they are written in: for counting words, the same words (a table's pipes and rulers are none; a
 * ticked task's box and a footnote's definition marker are one word more), in a quarter of the time
 * (GFM's bare-link search alone doubles a parse of long prose).
 */
export function parseMdx(source: string, { gfm = true }: { gfm?: boolean } = {}): Root {
  const processor = unified().use(remarkParse).use(remarkMdx);
  return (gfm ? processor.use(remarkGfm) : processor).parse(source) as Root;
}
