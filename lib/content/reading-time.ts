const WORDS_PER_MINUTE = 230;

// lib/content/load.ts keeps content/ bodies' counts on disk under this: change it with countWords or
// parseMdx (or when their remark dependencies change how text is read), so no count of the old
// rules is reused.
export const WORD_COUNT_VERSION = '1';

type MdastAttribute = { type: string; name?: string; value?: unknown };

/** The parts of an mdast node (Markdown, GFM and MDX) that counting looks at. */
export type MdastNode = {
  type: string;
  value?: string;
  name?: string | null;
  // A list on MDX elements; a record on directives (which the newsroom's editor brings into the types).
  attributes?: readonly MdastAttribute[] | Record<string, unknown> | null;
  children?: readonly MdastNode[];
};

// Props of the components in components/mdx that the page shows as text. Others are addresses, alt
// text (read by screen readers in place of a picture, not by the reader) or settings.
const SHOWN_PROPS: Record<string, readonly string[]> = {
  Figure: ['caption', 'credit'],
  PullQuote: ['cite'],
  Callout: ['title'],
};

// Nodes whose text is not read as prose: code blocks (skimmed, not read at reading speed), raw
// HTML, import/export, JavaScript expressions and front matter.
const SKIPPED = new Set(['code', 'html', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'yaml', 'toml']);

// Inline nodes join their neighbours without a space: `**multi**word` is one word. Every other
// node (paragraph, heading, list item, table cell...) ends a word.
const PHRASING = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference', 'mdxJsxTextElement', 'footnoteReference']);

function shownProps(node: MdastNode): string[] {
  const shown = node.name && Object.hasOwn(SHOWN_PROPS, node.name) ? SHOWN_PROPS[node.name] : undefined;
  if (!shown || !Array.isArray(node.attributes)) return [];
  return (node.attributes as readonly MdastAttribute[]).flatMap((attribute) =>
    attribute.type === 'mdxJsxAttribute' && attribute.name && shown.includes(attribute.name) && typeof attribute.value === 'string' ? [attribute.value] : [],
  );
}

/** The reader-visible text of a tree, with a space wherever a word must end. */
function textOf(node: MdastNode, out: string[]): void {
  if (SKIPPED.has(node.type)) return;
  if (node.type === 'text' || node.type === 'inlineCode') {
    out.push(node.value ?? '');
    return;
  }
  if (node.type === 'break') {
    out.push(' ');
    return;
  }
  const block = !PHRASING.has(node.type);
  if (block) out.push(' ');
  for (const prop of shownProps(node)) out.push(' ', prop, ' ');
  for (const child of node.children ?? []) textOf(child, out);
  if (block) out.push(' ');
}

/**
 * The words a reader reads in a parsed MDX body (mdast, with GFM and MDX): prose, headings, lists,
 * tables, inline code and the captions components show; never code blocks, markup, link targets,
 * alt text or import/export. A word is a run without spaces that has a letter or digit in it.
 */
export function countWords(tree: MdastNode): number {
  const out: string[] = [];
  textOf(tree, out);
  return out
    .join('')
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** An article's words and reading time, or neither while the count is not known. */
export function readingOf(words: number | null | undefined): { words: number; readingMinutes: number } | Record<string, never> {
  return typeof words === 'number' ? { words, readingMinutes: readingMinutes(words) } : {};
}
