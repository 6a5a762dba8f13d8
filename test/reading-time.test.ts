import { describe, expect, it } from 'vitest';
import { countWords } from '@/lib/content/reading-time';

describe('reading time from the parsed tree', () => {
  it('counts text inside components but not their attributes, code blocks or footnote labels', () => {
    const mdx = [
      '<Callout title="Not read">Three words here</Callout>',
      '```js\nconst notCounted = true;\n```',
      'Run `npm test` now.[^1]',
      '[^1]: A note.',
      '![alt text not read](/images/x.jpg)',
    ].join('\n\n');
    expect(countWords(mdx)).toBe(3 + 4 + 2);
  });

  it('keeps words apart across blocks and together across emphasis', () => {
    expect(countWords('# End.\n\nNext para**graph**')).toBe(3);
  });

  it('still counts an unfinished draft that is not valid MDX', () => {
    expect(countWords('Half a <Figure tag and {an open brace')).toBe(8);
  });
});
