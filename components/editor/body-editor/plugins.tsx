import {
  addExportVisitor$,
  BlockTypeSelect,
  BoldItalicUnderlineToggles,
  ButtonWithTooltip,
  CreateLink,
  diffSourcePlugin,
  DiffSourceToggleWrapper,
  headingsPlugin,
  insertJsx$,
  InsertTable,
  jsxPlugin,
  type LexicalExportVisitor,
  linkDialogPlugin,
  linkPlugin,
  listsPlugin,
  ListsToggle,
  markdownShortcutPlugin,
  quotePlugin,
  type RealmPlugin,
  realmPlugin,
  Separator,
  tablePlugin,
  thematicBreakPlugin,
  type ToMarkdownOptions,
  toolbarPlugin,
  UndoRedo,
  usePublisher,
} from '@mdxeditor/editor';
import { $isParagraphNode, type LexicalNode, type ParagraphNode } from 'lexical';

import { jsxComponentDescriptors, STARTERS } from './components';
import { keptMarkdownPlugin } from './kept-markdown';
import { InsertFigureButton } from './picture-dialog';

/**
 * How the editor writes Markdown: "-" bullets as our articles do, one space after a list marker, and
 * "***" for a rule (a body may not start with "---", which the compiler reads as front matter).
 */
export const TO_MARKDOWN: ToMarkdownOptions = { bullet: '-', listItemIndent: 'one', rule: '*' };

// An empty line the writer left between two blocks (e.g. to put the caret after a component) is
// no paragraph: written out, it would leave runs of blank lines in the MDX.
const skipEmptyParagraph: LexicalExportVisitor<ParagraphNode, never> = {
  testLexicalNode: (node: LexicalNode): node is ParagraphNode => $isParagraphNode(node) && node.getTextContent().trim() === '' && node.getChildrenSize() === 0,
  visitLexicalNode: () => {},
  priority: 1,
};

const emptyParagraphsPlugin = realmPlugin({
  init(realm) {
    realm.pub(addExportVisitor$, skipEmptyParagraph);
  },
});

/** The constructs a draft body may contain, as MDXEditor plugins (the browser adds the toolbar). */
export function contentPlugins(): RealmPlugin[] {
  return [
    headingsPlugin({ allowedHeadingLevels: [2, 3] }),
    listsPlugin(),
    quotePlugin(),
    linkPlugin({ disableAutoLink: true }),
    tablePlugin(),
    thematicBreakPlugin(),
    jsxPlugin({ jsxComponentDescriptors, allowFragment: false }),
    keptMarkdownPlugin(),
    emptyParagraphsPlugin(),
  ];
}

export function editorPlugins(extra: RealmPlugin[]): RealmPlugin[] {
  return [
    ...contentPlugins(),
    linkDialogPlugin({ showLinkTitleField: false }),
    markdownShortcutPlugin(),
    diffSourcePlugin({ viewMode: 'rich-text' }),
    toolbarPlugin({ toolbarContents: Toolbar, toolbarClassName: 'body-editor__toolbar' }),
    ...extra,
  ];
}

function Toolbar() {
  return (
    <DiffSourceToggleWrapper options={['rich-text', 'source']}>
      <UndoRedo />
      <Separator />
      <BlockTypeSelect />
      <BoldItalicUnderlineToggles options={['Bold', 'Italic']} />
      <CreateLink />
      <ListsToggle options={['bullet', 'number']} />
      <InsertTable />
      <Separator />
      <InsertFigureButton />
      <InsertComponent name="Image" />
      <InsertComponent name="PullQuote" />
      <InsertComponent name="Callout" />
    </DiffSourceToggleWrapper>
  );
}

const INSERT_LABELS = { Image: 'Image', PullQuote: 'Pull quote', Callout: 'Callout' } as const;

function InsertComponent({ name }: { name: keyof typeof INSERT_LABELS }) {
  const insertJsx = usePublisher(insertJsx$);
  const insert = () => {
    if (name === 'PullQuote' || name === 'Callout') {
      const starter = STARTERS[name];
      insertJsx({ kind: 'flow', name, props: starter.props, children: [{ type: 'paragraph', children: [{ type: 'text', value: starter.text }] }] });
    } else {
      // A picture already on the site: the writer fills in its address and alt text in the block.
      insertJsx({ kind: 'flow', name, props: {} });
    }
  };
  return (
    <ButtonWithTooltip title={`Insert ${INSERT_LABELS[name].toLowerCase()}`} onClick={insert} className="body-editor__insert">
      {INSERT_LABELS[name]}
    </ButtonWithTooltip>
  );
}
