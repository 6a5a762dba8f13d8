import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import {
  addExportVisitor$,
  BoldItalicUnderlineToggles,
  ButtonWithTooltip,
  convertSelectionToNode$,
  CreateLink,
  currentBlockType$,
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
  SingleChoiceToggleGroup,
  tablePlugin,
  thematicBreakPlugin,
  type ToMarkdownOptions,
  toolbarPlugin,
  UndoRedo,
  useCellValue,
  usePublisher,
} from '@mdxeditor/editor';
import { $createParagraphNode, $isParagraphNode, type LexicalNode, type ParagraphNode } from 'lexical';

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
      <BlockTypes />
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

// Buttons rather than MDXEditor's block-type menu: that menu (a Radix Select) injects a <style>
// element while open, which the newsroom's policy (style-src 'self') refuses.
const BLOCK_TYPES = [
  { value: 'paragraph', title: 'Paragraph', contents: 'P' },
  { value: 'h2', title: 'Heading 2', contents: 'H2' },
  { value: 'h3', title: 'Heading 3', contents: 'H3' },
  { value: 'quote', title: 'Block quote', contents: '“ ”' },
] as const;

type BlockType = (typeof BLOCK_TYPES)[number]['value'];

function BlockTypes() {
  const current = useCellValue(currentBlockType$);
  const convert = usePublisher(convertSelectionToNode$);
  const apply = (type: BlockType | '') => {
    if (type === 'h2' || type === 'h3') convert(() => $createHeadingNode(type));
    else if (type === 'quote') convert(() => $createQuoteNode());
    else convert(() => $createParagraphNode());
  };
  const value = BLOCK_TYPES.some((type) => type.value === current) ? (current as BlockType) : '';
  return <SingleChoiceToggleGroup<BlockType> value={value} onChange={apply} items={[...BLOCK_TYPES]} />;
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
