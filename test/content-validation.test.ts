import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { ContentError } from '@/lib/content/errors';
import { loadContent } from '@/lib/content/load';

import { articleSource, makeFixture } from './helpers/fixture-content';

async function loadError(articles: Record<string, string>): Promise<ContentError> {
  const fixture = await makeFixture(articles);
  const error = await loadContent(fixture).then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ContentError);
  return error as ContentError;
}

describe('loading valid content', () => {
  it('reads an article with its slug, category, author, image size and reading time', async () => {
    const fixture = await makeFixture({ 'fine-story.mdx': articleSource({}, `## Heading\n\n${'word '.repeat(700)}\n`) });
    const content = await loadContent(fixture);
    const [article] = content.articles;
    expect(article?.slug).toBe('fine-story');
    expect(article?.category.name).toBe('News');
    expect(article?.authors.map((author) => author.name)).toEqual(['Ann Author']);
    expect(article?.hero).toMatchObject({ width: 32, height: 18, alt: 'Grey hills under a pale sky' });
    expect(article?.readingMinutes).toBe(3);
    expect(article?.featured).toBe(false);
  });

  it('counts a body once, then takes its count from the cache by a hash of the body', async () => {
    const fixture = await makeFixture({ 'counted.mdx': articleSource({}, `${'word '.repeat(700)}\n`) });
    expect((await loadContent(fixture)).articles[0]?.words).toBe(700);
    const [entry, ...others] = (await readdir(fixture.cache)).filter((name) => name.endsWith('.words'));
    expect(others).toEqual([]);
    // A count written over the entry proves the next load reads it instead of parsing the body.
    await writeFile(path.join(fixture.cache, entry!), '4600');
    expect((await loadContent(fixture)).articles[0]).toMatchObject({ words: 4600, readingMinutes: 20 });
    // An edited body has another hash, so it is counted again.
    await writeFile(path.join(fixture.content, 'articles', 'counted.mdx'), articleSource({}, `${'word '.repeat(701)}\n`));
    expect((await loadContent(fixture)).articles[0]?.words).toBe(701);
  });

  it('never caches a body that does not parse, so the error is given on every load', async () => {
    const articles = { 'broken-body.mdx': articleSource({}, 'Text with <Unclosed\n') };
    const fixture = await makeFixture(articles);
    for (let load = 0; load < 2; load += 1) await expect(loadContent(fixture)).rejects.toThrow(/is not valid MDX at line/);
    expect(existsSync(fixture.cache) ? (await readdir(fixture.cache)).filter((name) => name.endsWith('.words')) : []).toEqual([]);
  });

  it('sorts articles newest first', async () => {
    const fixture = await makeFixture({
      'older.mdx': articleSource({ published: '2026-01-01T00:00:00Z' }),
      'newer.mdx': articleSource({ published: '2026-02-01T00:00:00Z' }),
    });
    const content = await loadContent(fixture);
    expect(content.articles.map((article) => article.slug)).toEqual(['newer', 'older']);
  });

  it('reads corrections from the frontmatter, newest first', async () => {
    const corrections = [
      '',
      '  - date: 2026-11-21T10:00:00Z',
      '    kind: correction',
      '    text: "An earlier version gave the wrong name for the bridge."',
      '  - date: 2026-11-22T10:00:00Z',
      '    kind: clarification',
      '    text: "The figures are the council’s own estimates."',
    ].join('\n');
    const content = await loadContent(await makeFixture({ 'corrected.mdx': articleSource({ corrections }) }));
    expect(content.articles[0]?.corrections).toEqual([
      { date: new Date('2026-11-22T10:00:00Z'), kind: 'clarification', text: 'The figures are the council’s own estimates.' },
      { date: new Date('2026-11-21T10:00:00Z'), kind: 'correction', text: 'An earlier version gave the wrong name for the bridge.' },
    ]);
  });
});

describe('a broken article gives an error naming the file, the field and the fix', () => {
  it('parses bodies as the compiler does, GFM included: a table cell that splits a component is refused at load', async () => {
    const error = await loadError({ 'split-cell.mdx': articleSource({}, '| Ward | Seats |\n|---|---|\n| <Abbr title="x|y">N</Abbr> | 2 |\n') });
    expect(error.message).toMatch(/split-cell\.mdx/);
    expect(error.message).toMatch(/is not valid MDX at line 3/);
  });

  it('missing title', async () => {
    const error = await loadError({ 'no-title.mdx': articleSource({ title: '' }) });
    expect(error.message).toContain('content/articles/no-title.mdx');
    expect(error.message).toMatch(/field "title" is missing\. Fix: give the article a headline/);
  });

  it('unknown category lists the known ones', async () => {
    const error = await loadError({ 'bad-category.mdx': articleSource({ category: 'sprots' }) });
    expect(error.message).toContain('bad-category.mdx');
    expect(error.message).toContain('field "category" is "sprots", which is not a known category. Fix: use one of news');
  });

  it('unknown author', async () => {
    const error = await loadError({ 'bad-author.mdx': articleSource({ author: 'nobody' }) });
    expect(error.message).toContain('field "author" is "nobody", which is not a known author. Fix: use one of ann-author');
  });

  it('a byline list: read in order with its credit line; an unknown or repeated author refused', async () => {
    const fine = await loadContent(await makeFixture({ 'listed.mdx': articleSource({ author: '', authors: '[ann-author]', credit: '"With agencies"' }) }));
    expect(fine.articles[0]).toMatchObject({ authors: [{ slug: 'ann-author', kind: 'staff', role: 'Reporter' }], credit: 'With agencies' });
    const unknown = await loadError({ 'bad-authors.mdx': articleSource({ author: '', authors: '[ann-author, nobody]' }) });
    expect(unknown.message).toContain('field "authors" names "nobody", which is not a known author.');
    const twice = await loadError({ 'twice.mdx': articleSource({ author: '', authors: '[ann-author, ann-author]' }) });
    expect(twice.message).toContain('must not list an author twice');
  });

  it('alt text that only says "Image of"', async () => {
    const hero = '\n  src: /images/hero.jpg\n  alt: "Image of a hill"';
    const error = await loadError({ 'lazy-alt.mdx': articleSource({ hero }) });
    expect(error.message).toContain('field "hero.alt" must describe the picture itself');
  });

  it('hero image file that does not exist', async () => {
    const hero = '\n  src: /images/missing.jpg\n  alt: "Grey hills under a pale sky"';
    const error = await loadError({ 'missing-image.mdx': articleSource({ hero }) });
    expect(error.message).toContain('field "hero.src" points to public/images/missing.jpg, which does not exist');
  });

  it('a date that is not a date', async () => {
    const error = await loadError({ 'bad-date.mdx': articleSource({ published: 'last tuesday' }) });
    expect(error.message).toMatch(/field "published" must be a date.*Fix: use an ISO date/);
  });

  it('an unexpected frontmatter key', async () => {
    const error = await loadError({ 'extra-key.mdx': articleSource({ subtitle: '"Oops"' }) });
    expect(error.message).toContain('extra-key.mdx');
    expect(error.message).toContain('subtitle');
  });

  it('frontmatter that is not valid YAML', async () => {
    const error = await loadError({ 'bad-yaml.mdx': '---\ntitle: "unclosed\n---\nBody\n' });
    expect(error.message).toContain('bad-yaml.mdx');
    expect(error.message).toContain('frontmatter is not valid YAML');
  });

  it('a file name that is not a slug', async () => {
    const error = await loadError({ 'Bad Name.mdx': articleSource() });
    expect(error.message).toContain('file name must be a lower-case slug');
  });

  it('an update earlier than publication', async () => {
    const error = await loadError({ 'time-travel.mdx': articleSource({ updated: '2020-01-01T00:00:00Z' }) });
    expect(error.message).toContain('field "updated" must not be earlier than "published"');
  });

  it('a correction of an unknown kind, or dated before publication', async () => {
    const unknown = await loadError({
      'retracted.mdx': articleSource({ corrections: '\n  - date: 2026-11-21T10:00:00Z\n    kind: retraction\n    text: "We take it all back, every word."' }),
    });
    expect(unknown.message).toContain('must be "correction" or "clarification"');
    const early = await loadError({
      'foresight.mdx': articleSource({ corrections: '\n  - date: 2020-01-01T00:00:00Z\n    kind: correction\n    text: "Corrected before it was written."' }),
    });
    expect(early.message).toContain('must not be dated earlier than "published"');
  });
});
