import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const WORDS_PER_MINUTE = 230;

const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const markdown = unified().use(remarkParse).use(remarkGfm);

// Where one block ends and the next begins, so "end.Next" across two paragraphs is two words.
const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'listItem', 'tableCell', 'footnoteDefinition', 'mdxJsxFlowElement', 'break']);

function parse(source: string): Root {
  try {
    return mdx.parse(source) as Root;
  } catch {
    // An unfinished draft may not be valid MDX yet: its preview still gets a reading time.
    return markdown.parse(source) as Root;
  }
}

/**
 * Counts the words a reader reads: the text of the parsed tree, never code blocks, component
 * attributes (a Figure's alt or src), image alt text, link targets or footnote labels.
 */
export function countWords(source: string): number {
  const parts: string[] = [];
  visit(parse(source), (node: Nodes) => {
    if (BLOCKS.has(node.type)) parts.push(' ');
    if (node.type === 'text' || node.type === 'inlineCode') parts.push(node.value);
  });
  return parts
    .join('')
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
