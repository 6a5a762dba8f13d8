import { MARK_END, MARK_START } from '@/db/queries/search';

export type Segment = { text: string; mark: boolean };

/** ts_headline's output as plain-text pieces, the matches flagged: rendered as text, never as HTML. */
export function highlightSegments(marked: string): Segment[] {
  const segments: Segment[] = [];
  let mark = false;
  for (const piece of marked.split(new RegExp(`(${MARK_START}|${MARK_END})`, 'u'))) {
    if (piece === MARK_START) mark = true;
    else if (piece === MARK_END) mark = false;
    else if (piece) segments.push({ text: piece, mark });
  }
  return segments;
}
