import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import * as mdxEditor from '@mdxeditor/editor';
import { describe, expect, it } from 'vitest';

import { contentPlugins, TO_MARKDOWN } from '@/components/editor/body-editor/plugins';
import { parseMdx } from '@/lib/content/mdx-tree';
import { countWords } from '@/lib/content/reading-time';
import { checkUntrustedMdx } from '@/lib/content/safe-mdx';

// MDXEditor's own Markdown import and export, run in Node the way its React component runs them: a
// realm with the core plugin and the body editor's plugins, a body set through `setMarkdown$`, and
// the MDX read back from `markdown$`, which is what the editor hands the form on every change.
type CorePlugin = (params: Record<string, unknown>) => mdxEditor.RealmPlugin;
const { corePlugin } = mdxEditor as unknown as { corePlugin: CorePlugin };

async function throughTheEditor(mdx: string): Promise<string> {
  const realm = new mdxEditor.Realm();
  const errors: string[] = [];
  const plugins = [
    corePlugin({
      initialMarkdown: '',
      trim: true,
      toMarkdownOptions: TO_MARKDOWN,
      onChange: () => {},
      onBlur: () => {},
      onError: ({ error }: { error: string }) => errors.push(error),
      translation: (_key: string, text: string) => text,
      iconComponentFor: () => null,
      contentEditableClassName: '',
      placeholder: '',
      additionalLexicalNodes: [],
      lexicalEditorNamespace: 'test',
    }),
    ...contentPlugins(),
  ];
  for (const plugin of plugins) plugin.init?.(realm);
  for (const plugin of plugins) plugin.postInit?.(realm);
  for (const plugin of plugins) plugin.update?.(realm);
  const read = new Promise<string>((resolve) => realm.sub(mdxEditor.markdown$, resolve));
  realm.pub(mdxEditor.setMarkdown$, mdx);
  const out = await Promise.race([read, new Promise<string>((_, reject) => setTimeout(() => reject(new Error(errors.join(' ') || 'the editor wrote nothing')), 2000))]);
  expect(errors).toEqual([]);
  return out;
}

describe('the body editor writes MDX the safe-MDX check accepts', () => {
  it('keeps each construct a draft may use, written the way we write it', async () => {
    const cases: [string, string][] = [
      ['A paragraph with **bold**, *italic* and a [link](/category/council).', 'A paragraph with **bold**, *italic* and a [link](/category/council).'],
      ['## Subheading\n\n### Smaller subheading', '## Subheading\n\n### Smaller subheading'],
      ['- first\n- second\n\n1. one\n2. two', '- first\n- second\n\n1. one\n2. two'],
      ['> A block quote.', '> A block quote.'],
      ['| Ward | Seats |\n| ---- | ----- |\n| Quay | 12    |', '| Ward | Seats |\n| ---- | ----- |\n| Quay | 12    |'],
      [
        '<Figure src="/media/0b4a7c1e-8f1d-4c55-9d8e-1f2a3b4c5d6e" alt="The river in flood below the bridge" caption="Tuesday" credit="Photo: A. Reporter" />',
        '<Figure src="/media/0b4a7c1e-8f1d-4c55-9d8e-1f2a3b4c5d6e" alt="The river in flood below the bridge" caption="Tuesday" credit="Photo: A. Reporter" />',
      ],
      [
        '<Image src="/images/figures/park-bench-autumn.jpg" alt="A park bench under autumn trees" />',
        '<Image src="/images/figures/park-bench-autumn.jpg" alt="A park bench under autumn trees" />',
      ],
      ['<PullQuote cite="Cllr Helen Marsh">Nobody should have to wait.</PullQuote>', '<PullQuote cite="Cllr Helen Marsh">Nobody should have to wait.</PullQuote>'],
      ['<Callout title="How to apply">\nWrite to the **council**.\n</Callout>', '<Callout title="How to apply">\n  Write to the **council**.\n</Callout>'],
      ['A claim.[^1]\n\n[^1]: Its source, with **emphasis**.', 'A claim.[^1]\n\n[^1]: Its source, with **emphasis**.'],
      ['See [the report][report].\n\n[report]: /category/council', 'See [the report][report].\n\n[report]: /category/council'],
      ['A map: ![The ward boundaries](/images/figures/park-bench-autumn.jpg)', 'A map: ![The ward boundaries](/images/figures/park-bench-autumn.jpg)'],
      [
        '<Callout title="Correction" kind="correction">\nAn earlier version was wrong.\n</Callout>',
        '<Callout title="Correction" kind="correction">\n  An earlier version was wrong.\n</Callout>',
      ],
    ];
    for (const [mdx, expected] of cases) {
      const out = await throughTheEditor(mdx);
      expect(out).toBe(expected);
      expect(checkUntrustedMdx(out)).toEqual([]);
    }
  });

  it('escapes what would otherwise be read as code: braces, tags and quotes in props', async () => {
    const out = await throughTheEditor(
      'Costs \\{rise\\} by 5 \\< 6.\n\n<Figure src="/media/0b4a7c1e-8f1d-4c55-9d8e-1f2a3b4c5d6e" alt="A sign that reads &quot;Closed&quot; &amp; locked" />',
    );
    expect(checkUntrustedMdx(out)).toEqual([]);
    const again = await throughTheEditor(out);
    expect(again).toBe(out);
    expect(out).toContain('\\{rise}');
    expect(parseMdx(out).children[1]).toMatchObject({
      type: 'mdxJsxFlowElement',
      attributes: [{ value: '/media/0b4a7c1e-8f1d-4c55-9d8e-1f2a3b4c5d6e' }, { value: 'A sign that reads "Closed" & locked' }],
    });
  });

  it('reads every sample article without losing a word (footnotes included), and writes what the check accepts', async () => {
    const folder = path.join(import.meta.dirname, '..', 'content', 'articles');
    for (const file of (await readdir(folder)).filter((name) => name.endsWith('.mdx'))) {
      const body = (await readFile(path.join(folder, file), 'utf8')).replace(/^---\n[\s\S]*?\n---\n/, '');
      const out = await throughTheEditor(body);
      expect(checkUntrustedMdx(out), file).toEqual([]);
      expect(countWords(parseMdx(out)), file).toBe(countWords(parseMdx(body)));
      // Read again, the editor's own MDX comes out unchanged: opening a draft never rewrites it.
      expect(await throughTheEditor(out), file).toBe(out);
    }
  });
});
