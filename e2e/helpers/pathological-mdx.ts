/** The bodies of the security review that froze the server (each well under the 100,000-character limit). */
export const pathologicalBodies: Record<string, string> = {
  'a blockquote nested 99,000 deep': '>'.repeat(99_000),
  'a list nested 8,000 deep': `${'- '.repeat(8_000)}x`,
  '49,500 emphasis markers': '*a'.repeat(49_500),
  '33,000 headings': '#a\n'.repeat(33_000),
};

/** Passes every cheap check (9 deep, 2,900 lines), yet takes the parser over ten seconds: only the worker's time limit stops it. */
export const slowBody = `${'- '.repeat(9)}x\n`.repeat(2_900);
