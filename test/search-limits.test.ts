import { afterAll, describe, expect, it } from 'vitest';

import { closeDb } from '@/db';
import { insertMissingSearchEntries, newsroomEntryId } from '@/db/queries/search-index';
import { readNewsroomArticles } from '@/lib/content';
import { publishNow, unpublish } from '@/lib/publishing/service';
import { parseSearchParams, searchArticles } from '@/lib/search';
import { searchConfig, searchEntryOf } from '@/lib/search/entries';

import { seedDraft } from './helpers/drafts';

afterAll(closeDb);

describe('search under bad input and races', () => {
  it('drops dates PostgreSQL cannot read instead of failing the search', async () => {
    const params = parseSearchParams({ q: 'council', from: '0000-01-01', to: '2026-12-01' });
    expect(params.from).toBeUndefined();
    expect(params.to).toBe('2026-12-01');
    await expect(searchArticles(params)).resolves.toMatchObject({ meaningful: true });
  });

  it('never brings back into the index an article unpublished after the backfill read it', async () => {
    const draft = await seedDraft({ body: 'The **vellichorwick** market opened.' });
    expect(await publishNow(draft.id, 1)).toMatchObject({ ok: true });
    const config = await searchConfig();
    // What a server starting at this moment read, before the unpublish below committed.
    const read = (await readNewsroomArticles()).filter((entry) => entry.draftId === draft.id);
    expect(read).toHaveLength(1);
    expect(await unpublish(draft.id)).toMatchObject({ ok: true });
    await insertMissingSearchEntries(read.map(({ article }) => searchEntryOf(article, newsroomEntryId(draft.id), config)));
    expect((await searchArticles(parseSearchParams({ q: 'vellichorwick' }))).hits).toEqual([]);
  });
});
