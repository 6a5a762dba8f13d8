import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

import { cleanText } from './clean';

const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const markdown = unified().use(remarkParse).use(remarkGfm);

// Props of the newsroom components that readers read: captions, quotes' sources, alt text.
const READABLE_PROPS = new Set(['alt', 'caption', 'cite', 'credit', 'title']);
const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'listItem', 'tableCell', 'code', 'footnoteDefinition', 'mdxJsxFlowElement', 'break']);

function parse(source: string): Root {
  try {
    return mdx.parse(source) as Root;
  } catch {
    // Not valid MDX (it would not compile either): still index its words.
    return markdown.parse(source) as Root;
  }
}

function readableProps(attributes: Extract<Nodes, { type: 'mdxJsxFlowElement' }>['attributes']): string[] {
  return attributes.flatMap((attribute) =>
    attribute.type === 'mdxJsxAttribute' && READABLE_PROPS.has(attribute.name) && typeof attribute.value === 'string' ? [attribute.value] : [],
  );
}

/** The words of an MDX body, as a reader sees them: no markup, no code of components, no URLs. */
export function plainText(source: string): string {
  const parts: string[] = [];
  visit(parse(source), (node: Nodes) => {
    if (BLOCKS.has(node.type)) parts.push(' ');
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'code':
        parts.push(node.value);
        break;
      case 'image':
        parts.push(' ', node.alt ?? '', ' ');
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        parts.push(' ', readableProps(node.attributes).join(' '), ' ');
        break;
    }
  });
  return cleanText(parts.join(''));
}
