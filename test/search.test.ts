import { randomUUID } from 'node:crypto';

import { afterAll, describe, expect, it } from 'vitest';

import { closeDb } from '@/db';
import { saveDraft } from '@/db/queries/draft-saves';
import { contentOf, getDraft } from '@/db/queries/drafts';
import { getContentArticles } from '@/lib/content';
import { publishNow, unpublish } from '@/lib/publishing/service';
import { parseSearchParams, searchArticles } from '@/lib/search';
import { searchDrafts } from '@/lib/search/drafts';
import { plainText } from '@/lib/search/plain-text';
import { syncContentIndex } from '@/lib/search/sync';

import { seedDraft } from './helpers/drafts';
import { indexRows as index } from './helpers/search';

afterAll(closeDb);

const text = (segments: { text: string }[]) => segments.map((segment) => segment.text).join('');

describe('ranking and language', () => {
  it('ranks a headline match above a standfirst match above a body match, then the newer story on ties', async () => {
    const { search, slugs } = await index([
      // A body that says it a dozen times still ranks below a headline that says it once.
      { body: Array.from({ length: 12 }, () => 'The lighthouse keeper spoke.').join(' ') },
      { title: 'Lighthouse reopens' },
      { standfirst: 'The lighthouse on the point is open again.' },
      { title: 'Lighthouse reopens' },
    ]);
    const found = await search('lighthouse');
    expect(found.total).toBe(4);
    expect(found.hits.map((hit) => hit.slug)).toEqual([slugs[3], slugs[1], slugs[2], slugs[0]]);
  });

  it('stems words and ignores accents', async () => {
    const { search, slugs } = await index([{ body: 'The council met in the café on Tuesday.' }, { body: 'Two councils ran the cafe together.' }]);
    expect((await search('councils')).hits.map((hit) => hit.slug).sort()).toEqual([...slugs].sort());
    expect((await search('cafe')).total).toBe(2);
    expect((await search('CAFÉ')).total).toBe(2);
  });

  it('searches phrases in quotes and leaves out -words', async () => {
    const { search, slugs } = await index([{ body: 'The harbour wall was mended.' }, { body: 'The wall by the harbour fell; a ferry waited.' }]);
    expect((await search('"harbour wall"')).hits.map((hit) => hit.slug)).toEqual([slugs[0]]);
    expect((await search('harbour -ferry')).hits.map((hit) => hit.slug)).toEqual([slugs[0]]);
  });

  it('highlights the matched words of snippet and headline as plain text', async () => {
    const { search } = await index([{ title: 'Allotment rents rise', body: 'Fish & chips, then the allotments flourished: 3 < 4 & "quoted".' }]);
    const [hit] = (await search('allotment')).hits;
    expect(hit?.snippet.filter((segment) => segment.mark).map((segment) => segment.text)).toEqual(['allotments']);
    expect(hit?.title).toEqual([
      { text: 'Allotment', mark: true },
      { text: ' rents rise', mark: false },
    ]);
    expect(text(hit!.snippet)).toContain('Fish & chips');
  });

  it('offers the closest words for a typo, and headlines that look like the query', async () => {
    const { search } = await index([{ title: 'Quayside regeneration plan', body: 'The marmalade festival returns to the quayside.' }]);
    expect((await search('marmelade')).total).toBe(0);
    expect((await search('marmelade')).suggestion?.query).toBe('marmalade');
    expect((await search(parseSearchParams({ q: 'marmelade' }).q)).suggestion?.query).toBe('marmalade');
    expect((await search('Quaysyde regenration')).suggestion?.query).toBe('quayside regeneration');
  });
});

describe('filters and pages', () => {
  it('filters by section, author and days in the newsroom time zone', async () => {
    const { search, slugs } = await index([
      { body: 'Ferry timetable', authorSlugs: ['ann'], published: new Date('2026-03-01T23:30:00Z') },
      { body: 'Ferry timetable', authorSlugs: ['bob'], published: new Date('2026-03-02T12:00:00Z') },
      // Any author on a byline, not only the first, finds the article.
      { body: 'Ferry timetable', authorSlugs: ['bob', 'ann'], published: new Date('2026-05-01T09:00:00Z') },
    ]);
    expect((await search('ferry')).total).toBe(3);
    expect((await search('ferry', { section: 'another-section' })).total).toBe(0);
    expect((await search('ferry', { author: 'ann' })).hits.map((hit) => hit.slug).sort()).toEqual([slugs[0], slugs[2]].sort());
    // 23:30 UTC on 1 March is 1 March in London (GMT); 2 March only holds the second story.
    expect((await search('ferry', { from: '2026-03-02', to: '2026-03-02' })).hits.map((hit) => hit.slug)).toEqual([slugs[1]]);
    expect((await search('ferry', { from: '2026-03-01', to: '2026-04-30' })).total).toBe(2);
    expect(parseSearchParams({ q: 'x', from: '2026-05-01', to: '2026-03-01' })).toMatchObject({ from: '2026-03-01', to: '2026-05-01' });
    expect(parseSearchParams({ q: 'x', from: 'yesterday', section: 'Not A Slug', page: '-3' })).toEqual({ q: 'x', truncated: false, page: 1 });
  });

  it('pages through the results, ten at a time, without repeats', async () => {
    const { search } = await index(Array.from({ length: 25 }, () => ({ body: 'The regatta on the river.' })));
    const pages = await Promise.all([1, 2, 3, 4].map((page) => search('regatta', { page })));
    expect(pages.map((page) => page.hits.length)).toEqual([10, 10, 5, 0]);
    expect(pages[0]).toMatchObject({ total: 25, totalPages: 3 });
    expect(new Set(pages.flatMap((page) => page.hits.map((hit) => hit.slug))).size).toBe(25);
  });
});

describe('hostile queries', () => {
  const hostile = [
    "'); drop table search_documents; --",
    '"unbalanced quote',
    '((( brackets ]] {',
    'a & b | !c <-> d:* ',
    '-',
    '""',
    'OR OR AND -- -',
    '\u0000\u0007control\u202Ebidi\u2066text',
    '\uE000marker\uE001',
    'x'.repeat(5000),
    'the and of',
  ];

  it('answers every one without an error', async () => {
    const { search } = await index([{ body: 'Control bidi text and brackets.' }]);
    for (const q of hostile) {
      const found = await search(q);
      expect(found.total).toBeGreaterThanOrEqual(0);
    }
    expect((await search('the and of')).meaningful).toBe(false);
    expect((await search('\u0000\u0007control\u202Ebidi\u2066text')).total).toBe(1);
  });

  it('cuts queries over 200 characters and drops invisible characters', () => {
    const long = parseSearchParams({ q: 'word '.repeat(100) });
    expect(long.truncated).toBe(true);
    expect(Array.from(long.q).length).toBeLessThanOrEqual(200);
    expect(parseSearchParams({ q: 'word '.repeat(10) }).truncated).toBe(false);
    expect(parseSearchParams({ q: 'a\u202Eb\u0000c\uE000d' }).q).toBe('a b c d');
    expect(parseSearchParams({ q: ['first', 'second'] }).q).toBe('first');
  });
});

describe('the index follows content/ and the newsroom', () => {
  it('reads Markdown as a reader would: words, captions, no markup or addresses', () => {
    const body = 'A **bold** [link](https://example.com/secret-path) and `code`.\n\n<Figure src="/x.jpg" alt="Swans" caption="The river swans" />\n\n## Heading';
    expect(plainText(body)).toBe('A bold link and code. Swans The river swans Heading');
  });

  it('indexes content/ files by hash: a second start writes nothing', async () => {
    await syncContentIndex();
    expect(await syncContentIndex()).toEqual({ reconfigured: 0, indexed: 0, removed: 0 });
    const [article] = await getContentArticles();
    const word = plainText(article!.body)
      .split(' ')
      .find((candidate) => candidate.length > 9)!;
    const found = await searchArticles({ ...parseSearchParams({ q: word }), section: article!.category.slug });
    expect(found.hits.map((hit) => hit.slug)).toContain(article!.slug);
  });

  it('finds a newsroom article once published, its new words once republished, nothing once unpublished', async () => {
    const draft = await seedDraft({ body: 'The **zeppelinfield** fete was a success.' });
    const find = async (q: string) => (await searchArticles(parseSearchParams({ q }))).hits.filter((hit) => hit.slug === draft.slug);
    expect(await find('zeppelinfield')).toEqual([]);
    expect(await publishNow(draft.id, 1)).toMatchObject({ ok: true });
    expect(await find('zeppelinfield')).toHaveLength(1);

    const editor = { id: draft.writerId, canEditAny: true };
    const current = (await getDraft(editor, draft.id))!;
    expect(await saveDraft(editor, draft.id, 1, { ...contentOf(current), body: 'The **quixoticfair** fete was a success.' })).toMatchObject({ ok: true });
    // Saved, not yet published: readers still find what they can read.
    expect(await find('zeppelinfield')).toHaveLength(1);
    expect(await find('quixoticfair')).toEqual([]);
    expect(await publishNow(draft.id, 2)).toMatchObject({ ok: true });
    expect(await find('quixoticfair')).toHaveLength(1);
    expect(await find('zeppelinfield')).toEqual([]);

    expect(await unpublish(draft.id)).toMatchObject({ ok: true });
    expect(await find('quixoticfair')).toEqual([]);
  });
});

describe('searching drafts in the newsroom', () => {
  it('shows each person only the drafts they may see', async () => {
    const word = `kittiwake${randomUUID().slice(0, 6).replace(/[0-9]/g, 'q')}`;
    const mine = await seedDraft({ title: `Nesting ${word} return` });
    const theirs = await seedDraft({ body: `The ${word} colonies grew.` });
    const contributor = { id: mine.writerId, canEditAny: false };
    const editor = { id: theirs.writerId, canEditAny: true };
    expect((await searchDrafts(contributor, word)).drafts.map((draft) => draft.id)).toEqual([mine.id]);
    expect((await searchDrafts(editor, word)).drafts.map((draft) => draft.id)).toEqual([mine.id, theirs.id]);
    expect((await searchDrafts(editor, "'); drop table drafts; --")).drafts).toEqual([]);
  });
});
