// The Markdown parser (micromark) takes super-linear time on deep containers and long runs of
// markers: a 16 KB body of nested list markers took 20 s. These checks look at the text itself, in
// one pass and in linear time, so the commonest shapes of such a body are refused at once and with
// a precise reason, before any parsing. The worker's time limit catches whatever they let through.
// Every limit is far above what a news story uses (the longest article in content/ has 73 lines).

export const MDX_LIMITS = {
  characters: 100_000,
  lines: 3_000,
  headings: 300,
  /** Quotes and lists inside each other on one line (two spaces of indentation count as one). */
  depth: 10,
  /** Characters that open or close emphasis, code, links or components, in one paragraph. */
  marks: 300,
  /** Table cells in one row. */
  cells: 64,
} as const;

const MARKS = new Set(['*', '_', '~', '`', '[', ']', '<']);
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;

const count = (value: number) => value.toLocaleString('en-GB');

/** Containers opened at the start of a line (its indentation, then `>` and list markers), counted up to just past the limit. */
function containerDepth(line: string): number {
  let position = 0;
  let columns = 0;
  let markers = 0;
  while (position < line.length && markers + columns / 2 <= MDX_LIMITS.depth) {
    const char = line[position];
    if (char === ' ' || char === '\t') {
      if (markers === 0) columns += char === '\t' ? 4 : 1;
      position += 1;
    } else if (char === '>') {
      markers += 1;
      position += 1;
    } else {
      const marker = LIST_MARKER.exec(line.slice(position, position + 11));
      if (!marker) break;
      markers += 1;
      position += marker[0].length;
    }
  }
  return markers + Math.floor(columns / 2);
}

/** Why this body is too complex to parse safely, or null. Linear in its length. */
export function precheckMdx(source: string): string | null {
  if (source.length > MDX_LIMITS.characters) {
    return `it has ${count(source.length)} characters (at most ${count(MDX_LIMITS.characters)}).`;
  }
  const lines = source.split(/\r\n?|\n/);
  if (lines.length > MDX_LIMITS.lines) return `it has ${count(lines.length)} lines (at most ${count(MDX_LIMITS.lines)}).`;
  let headings = 0;
  let marks = 0;
  let paragraphStart = 1;
  let fence: string | null = null;
  for (const [index, line] of lines.entries()) {
    const number = index + 1;
    const opener = FENCE.exec(line)?.[1];
    if (fence) {
      // Code is not parsed for Markdown: only its closing fence matters.
      if (opener && opener[0] === fence[0] && opener.length >= fence.length) fence = null;
      continue;
    }
    if (opener) {
      fence = opener;
      continue;
    }
    if (containerDepth(line) > MDX_LIMITS.depth) {
      return `line ${number} nests quotes, lists or indents more than ${MDX_LIMITS.depth} deep.`;
    }
    if (HEADING.test(line) && ++headings > MDX_LIMITS.headings) return `it has more than ${count(MDX_LIMITS.headings)} headings.`;
    if (line.trim() === '') {
      marks = 0;
      paragraphStart = number + 1;
      continue;
    }
    let cells = 0;
    for (const char of line) {
      if (MARKS.has(char) && ++marks > MDX_LIMITS.marks) {
        return `the paragraph at line ${paragraphStart} has more than ${count(MDX_LIMITS.marks)} marks for emphasis, code, links or components (* _ ~ \` [ ] <).`;
      }
      if (char === '|' && ++cells > MDX_LIMITS.cells) return `line ${number} has more than ${MDX_LIMITS.cells} table cells.`;
    }
  }
  return null;
}
