import {
  addExportVisitor$,
  addImportVisitor$,
  addLexicalNode$,
  addMdastExtension$,
  addSyntaxExtension$,
  addToMarkdownExtension$,
  type LexicalExportVisitor,
  type MdastImportVisitor,
  realmPlugin,
} from '@mdxeditor/editor';
import { $applyNodeReplacement, DecoratorNode, type ElementNode, type LexicalNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical';
import type { Nodes, RootContent } from 'mdast';
import { gfmFootnoteFromMarkdown, gfmFootnoteToMarkdown } from 'mdast-util-gfm-footnote';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import type { JSX } from 'react';

// Constructs a draft may hold that MDXEditor has no editor for: footnotes (which our articles use),
// reference-style links and definitions, and Markdown pictures. Rather than failing to open the body
// or rewriting them as escaped text, the rich view keeps each exactly as written, shown as a marker;
// the source view edits them.
const INLINE = new Set(['footnoteReference', 'linkReference', 'imageReference', 'image']);
const BLOCK = new Set(['footnoteDefinition', 'definition']);

type Kept = RootContent;
type SerializedKept = Spread<{ mdast: Kept }, SerializedLexicalNode>;

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return node.children.map((child) => plainText(child as Nodes)).join(' ');
  return '';
}

function markerOf(node: Kept): string {
  switch (node.type) {
    case 'footnoteReference':
      return `[^${node.label ?? node.identifier}]`;
    case 'footnoteDefinition':
      return `[^${node.label ?? node.identifier}]: ${plainText(node)}`;
    case 'definition':
      return `[${node.label ?? node.identifier}]: ${node.url}`;
    case 'image':
      return `Picture: ${node.alt ?? node.url}`;
    default:
      return plainText(node) || node.type;
  }
}

export class KeptMarkdownNode extends DecoratorNode<JSX.Element> {
  __mdast: Kept;

  static getType(): string {
    return 'broadsheet-kept-markdown';
  }

  static clone(node: KeptMarkdownNode): KeptMarkdownNode {
    return new KeptMarkdownNode(node.__mdast, node.__key);
  }

  static importJSON(serialized: SerializedKept): KeptMarkdownNode {
    return $createKeptMarkdownNode(serialized.mdast);
  }

  constructor(mdast: Kept, key?: NodeKey) {
    super(key);
    this.__mdast = mdast;
  }

  exportJSON(): SerializedKept {
    return { ...super.exportJSON(), mdast: this.__mdast, type: KeptMarkdownNode.getType(), version: 1 };
  }

  getMdast(): Kept {
    return this.getLatest().__mdast;
  }

  createDOM(): HTMLElement {
    const element = document.createElement(this.isInline() ? 'span' : 'div');
    element.className = this.isInline() ? 'kept-markdown kept-markdown--inline' : 'kept-markdown';
    return element;
  }

  updateDOM(): false {
    return false;
  }

  isInline(): boolean {
    return INLINE.has(this.__mdast.type);
  }

  decorate(): JSX.Element {
    const inline = this.isInline();
    const text = markerOf(this.__mdast);
    return inline ? (
      <sup title="Edit in the source view">{text}</sup>
    ) : (
      <p className="kept-markdown__text">
        {text} <span className="kept-markdown__hint">(edit in the source view)</span>
      </p>
    );
  }
}

export function $createKeptMarkdownNode(mdast: Kept): KeptMarkdownNode {
  return $applyNodeReplacement(new KeptMarkdownNode(mdast));
}

function $isKeptMarkdownNode(node: LexicalNode | null | undefined): node is KeptMarkdownNode {
  return node instanceof KeptMarkdownNode;
}

const importKept: MdastImportVisitor<Nodes> = {
  testNode: (node) => INLINE.has(node.type) || BLOCK.has(node.type),
  visitNode({ mdastNode, lexicalParent }) {
    (lexicalParent as ElementNode).append($createKeptMarkdownNode(mdastNode as Kept));
  },
};

const exportKept: LexicalExportVisitor<KeptMarkdownNode, Kept> = {
  testLexicalNode: $isKeptMarkdownNode,
  visitLexicalNode({ lexicalNode, mdastParent, actions }) {
    actions.appendToParent(mdastParent, lexicalNode.getMdast());
  },
};

/** Footnotes read and written as GFM does (the server's parser), and the constructs above kept. */
export const keptMarkdownPlugin = realmPlugin({
  init(realm) {
    realm.pubIn({
      [addSyntaxExtension$]: gfmFootnote(),
      [addMdastExtension$]: gfmFootnoteFromMarkdown(),
      [addToMarkdownExtension$]: gfmFootnoteToMarkdown(),
      [addImportVisitor$]: importKept,
      [addLexicalNode$]: KeptMarkdownNode,
      [addExportVisitor$]: exportKept,
    });
  },
});
