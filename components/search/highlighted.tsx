import type { Segment } from '@/lib/search';

/** Text with the matched words in <mark>: every piece is rendered as text, so React escapes it. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return segments.map((segment, index) => (segment.mark ? <mark key={index}>{segment.text}</mark> : segment.text));
}
