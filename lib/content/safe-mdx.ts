import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

import { parseMdx } from './mdx-tree';

// Compiled MDX is JavaScript that runs on the server, so MDX written in the browser (drafts) may only
// use Markdown and the newsroom components with literal props. Files in content/ are reviewed
// through git and keep full MDX.

export type MdxProblem = { line: number; column: number; reason: string };

/** The components a draft may use, and the props each accepts. */
const COMPONENTS: Record<string, readonly string[]> = {
  Figure: ['src', 'alt', 'caption', 'credit'],
  PullQuote: ['cite'],
  Callout: ['title', 'kind'],
  Image: ['src', 'alt'],
};

const IMAGE_PROPS = new Set(['src']);
const SAFE_LINK = /^(\/(?!\/)|#|https?:\/\/|mailto:)/i;
// An upload, or a picture file under public/images (no climbing out of it).
const SITE_IMAGE = /^\/(?:media\/[0-9a-f-]{36}|images\/(?:[\w-]+\/)*[\w-]+\.(?:jpe?g|png|webp|avif|gif))$/i;

type Positioned = { position?: { start: { line: number; column: number } } };

function at(node: Positioned, reason: string): MdxProblem {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, reason };
}

/** Every reason to refuse an untrusted MDX source, with its line and column; empty when it is safe. */
export function checkUntrustedMdx(source: string): MdxProblem[] {
  return readUntrustedMdx(source).problems;
}

/** The same, and the parsed tree when there is one: the worker counts its words without parsing it again. */
export function readUntrustedMdx(source: string): { problems: MdxProblem[]; tree?: Root } {
  // The compiler reads a block opening on the first line as front matter (some kinds of which it
  // evaluates as JavaScript), before any of the checks below could see it.
  if (/^\uFEFF?---/.test(source)) {
    return { problems: [{ line: 1, column: 1, reason: 'A draft cannot start with “---” (front matter). To draw a line, start with some text.' }] };
  }
  let tree: Root;
  try {
    tree = parseMdx(source);
  } catch (error) {
    const place = (error as { line?: number; column?: number; reason?: string; message?: string }) ?? {};
    return { problems: [{ line: place.line ?? 1, column: place.column ?? 1, reason: `This is not valid MDX: ${place.reason ?? place.message ?? 'syntax error'}` }] };
  }
  const problems: MdxProblem[] = [];
  visit(tree, (node) => {
    switch (node.type) {
      case 'mdxjsEsm':
        problems.push(at(node, '“import” and “export” are not allowed in drafts.'));
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        problems.push(at(node, 'Expressions in { curly braces } are not allowed in drafts. To show a brace, write \\{ or \\}.'));
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        const allowed = Object.hasOwn(COMPONENTS, name) ? COMPONENTS[name] : undefined;
        if (!allowed) {
          const known = Object.keys(COMPONENTS).join(', ');
          problems.push(at(node, name ? `<${name}> is not allowed in drafts; use Markdown or one of: ${known}.` : 'Fragments (<>) are not allowed in drafts.'));
          break;
        }
        for (const attribute of node.attributes) {
          if (attribute.type !== 'mdxJsxAttribute') {
            problems.push(at(node, `<${name}> props must be written out one by one, like caption="…".`));
          } else if (!allowed.includes(attribute.name)) {
            problems.push(at(node, `<${name}> has no prop “${attribute.name}”; it accepts ${allowed.join(', ')}.`));
          } else if (typeof attribute.value !== 'string') {
            problems.push(at(node, `The “${attribute.name}” prop of <${name}> must be plain text in quotes, like ${attribute.name}="…".`));
          } else if (IMAGE_PROPS.has(attribute.name) && !SITE_IMAGE.test(attribute.value)) {
            problems.push(at(node, `Images must be uploaded to this site (a path starting with “/”), not “${attribute.value}”.`));
          }
        }
        break;
      }
      case 'link':
      case 'definition':
        if (!SAFE_LINK.test(node.url)) problems.push(at(node, `Links may only go to web pages, email addresses or this site, not “${node.url}”.`));
        break;
      case 'image':
        if (!SITE_IMAGE.test(node.url)) problems.push(at(node, `Images must be uploaded to this site (a path starting with “/”), not “${node.url}”.`));
        break;
      case 'html':
        problems.push(at(node, 'Raw HTML is not allowed in drafts.'));
        break;
    }
  });
  return { problems, tree };
}
