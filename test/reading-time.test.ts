import { describe, expect, it } from 'vitest';

import { parseMdx } from '@/lib/content/mdx-tree';
import { countWords, readingMinutes, readingOf } from '@/lib/content/reading-time';

const words = (mdx: string) => countWords(parseMdx(mdx));

describe('counting the words of a parsed MDX body', () => {
  it('counts headings, paragraphs, lists, quotes and footnotes', () => {
    const mdx = ['## Two words', 'A paragraph of five words.', '- first item\n- second item\n  1. nested third', '> Quoted words here.', 'A claim.[^1]\n\n[^1]: Its source.'].join(
      '\n\n',
    );
    expect(words(mdx)).toBe(2 + 5 + 6 + 3 + 2 + 2);
  });

  it('counts table cells as words, and the pipes and rulers not at all', () => {
    expect(words('| Ward | Seats |\n|---|---:|\n| North End | 3 |\n| Quay | 12 |\n')).toBe(2 + 3 + 2);
  });

  it('keeps a word whole when emphasis, code or a link covers part of it', () => {
    expect(words('A **multi**word and *semi*-colon and un`code`d and re[link](/x)ed.')).toBe(8);
    // Where the Markdown has a space or ends a block, the word ends too.
    expect(words('**Bold** *italic*\\\nbroken line')).toBe(4);
    expect(words('# Heading\nParagraph')).toBe(2);
  });

  it('counts link text and inline code, never link targets, image alt text or bare punctuation', () => {
    expect(words('Read [the full report](https://example.com/a-long-address-with-words) on `npm test` — today.')).toBe(8);
    expect(words('![A picture of the harbour wall at dawn](/images/wall.jpg)\n\nCaptionless.')).toBe(1);
  });

  it('skips code blocks, raw expressions, imports and exports', () => {
    const mdx = [
      "import { Chart } from '../components/chart'",
      'export const meta = { title: "Not read" }',
      'Before the code.',
      '```ts\nconst notCounted = "at all";\n```',
      'Total {1 + 2} seats.',
    ].join('\n\n');
    expect(words(mdx)).toBe(3 + 2);
  });

  it('counts what components show: their text and the props printed on the page, not addresses or alt text', () => {
    const figure = '<Figure src="/images/a.jpg" alt="A long description for screen readers only" caption="The new wall, seen from the quay." credit="Photo: Ann Lee" />';
    expect(words(figure)).toBe(7 + 3);
    expect(words('<PullQuote cite="Owen Treharne, engineer">It is doing *exactly* its job.</PullQuote>')).toBe(3 + 6);
    expect(words('<Callout title="What to do" kind="note">\n\nMove the car.\n\n</Callout>')).toBe(3 + 3);
    expect(words('Inline <Image src="/images/a.jpg" alt="not read" /> picture.')).toBe(2);
    // A component this counter does not know shows its children, not its props.
    expect(words('<Chart title="Unknown prop" data="1,2,3">Chart label</Chart>')).toBe(2);
  });

  it('counts a long body as the sum of its parts', () => {
    expect(words(`## Heading\n\n${'word '.repeat(700)}\n`)).toBe(1 + 700);
  });
});

describe('reading minutes', () => {
  it('are words at 230 a minute, rounded, and never less than one', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(344)).toBe(1);
    expect(readingMinutes(345)).toBe(2);
    expect(readingMinutes(690)).toBe(3);
  });

  it('are left out, with the words, while a count is not known', () => {
    expect(readingOf(1150)).toEqual({ words: 1150, readingMinutes: 5 });
    expect(readingOf(null)).toEqual({});
    expect(readingOf(undefined)).toEqual({});
  });
});
