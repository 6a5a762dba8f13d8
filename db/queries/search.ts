import 'server-only';

import { type SQL, sql } from 'drizzle-orm';

import { getDb } from '../index';
import { searchDocuments, searchTerms } from '../schema';
import type { Transaction } from './publishing';

/** Marks ts_headline puts around matches: private-use characters, stripped from indexed text. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

const marks = `StartSel="${MARK_START}", StopSel="${MARK_END}"`;
const snippetOptions = `${marks}, MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … "`;
const titleOptions = `${marks}, HighlightAll=true`;
// Headline above standfirst above tags and byline (ts_rank_cd's {D, C, B, A}); matches in the body
// alone rank below them all, newest first (see head_vector in db/schema.ts).
const WEIGHTS = '{0, 0.1, 0.4, 1.0}';
// A generous bound that only a pathological query reaches: it then fails cleanly, not slowly.
const STATEMENT_TIMEOUT = '3s';

export type SearchFilters = { section?: string; author?: string; from?: string; to?: string };

export type SearchRequest = SearchFilters & {
  config: string;
  query: string;
  timeZone: string;
  limit: number;
  offset: number;
};

export type SearchHit = {
  slug: string;
  title: string;
  snippet: string;
  standfirst: string;
  section: string;
  /** The byline as readers see it: "A and B". */
  byline: string;
  published: Date;
};

export type SearchPage = {
  /** Exact up to COUNT_CAP (or past it, up to the page asked for and one more); `capped` when counting stopped there. */
  total: number;
  capped: boolean;
  hits: SearchHit[];
  meaningful: boolean;
};

/** Matches are counted exactly up to here: a reader needs "more than 1,000", not 9,812. */
export const COUNT_CAP = 1000;

type Row = { slug: string; title: string; snippet: string; standfirst: string; section: string; byline: string; published: string };

function filtersOf({ section, author, from, to, timeZone }: SearchFilters & { timeZone: string }): SQL {
  const parts: SQL[] = [sql`true`];
  if (section) parts.push(sql`d.section = ${section}`);
  // Any author on the byline: the GIN index on author_slugs answers it.
  if (author) parts.push(sql`d.author_slugs @> array[${author}]::text[]`);
  // Days in the newsroom's time zone, the one the date lines use.
  if (from) parts.push(sql`d.published >= (${from}::date::timestamp at time zone ${timeZone})`);
  if (to) parts.push(sql`d.published < ((${to}::date + 1)::timestamp at time zone ${timeZone})`);
  return sql.join(parts, sql` and `);
}

/**
 * One page of matches, best first, with highlighted snippets, and how many there are. Two phases,
 * each walking its own index: articles whose headline, standfirst, tags or byline match (a few
 * hundred, so all are ranked), then those matching in the body alone, which all rank equal and so
 * are read newest first along the published index, stopping once the page is full.
 */
export async function searchIndex(request: SearchRequest): Promise<SearchPage> {
  const { config, query, limit, offset } = request;
  const filters = filtersOf(request);
  return withSearchLimits(async (tx) => {
    // querytree: the part of the query an index can find, without its -words ('T' when none is left).
    const [parsed] = await tx.execute<{ text: string; nodes: number; tree: string }>(sql`
      select q::text as text, numnode(q) as nodes, querytree(q) as tree from websearch_to_tsquery(${config}::regconfig, ${query}) q`);
    // Nothing to look for (only stop words, only punctuation).
    if (!parsed || parsed.nodes === 0) return { total: 0, capped: false, meaningful: false, hits: [] };
    const q = sql`${parsed.text}::tsquery`;
    // The planner prices a sequential scan under a LIMIT as cheap, not knowing it unpacks every
    // article's vector, where the GIN index reads none: five times slower for a common word. A
    // query of -words alone has nothing for the index to look up, and scans.
    if (parsed.tree !== 'T') await tx.execute(sql`select set_config('enable_seqscan', 'off', true)`);
    // Without a -word, a headline match is a match. With one, the headline must hold the other
    // words and the whole article none of the -words; a query of -words alone ranks by date only.
    const negated = parsed.text.includes('!');
    const tree = sql`${parsed.tree}::tsquery`;
    const inHead = !negated ? sql`d.head_vector @@ ${q}` : parsed.tree === 'T' ? sql`false` : sql`d.head_vector @@ ${tree} and d.vector @@ ${q}`;
    const outOfHead = !negated ? sql`not (d.head_vector @@ ${q})` : parsed.tree === 'T' ? sql`true` : sql`not (d.head_vector @@ ${tree})`;
    const page = (where: SQL, rank: SQL, take: number, skip: number) =>
      tx.execute<Row>(sql`
        select p.slug, p.standfirst, p.section, p.byline, p.published,
               ts_headline(${config}::regconfig, p.title, ${q}, ${titleOptions}) as title,
               ts_headline(${config}::regconfig, p.body, ${q}, ${snippetOptions}) as snippet
          from (
            select d.slug, d.title, d.standfirst, d.body, d.section, d.byline, d.published, ${rank} as rank
              from ${searchDocuments} d
             where ${where} and ${filters}
             order by rank desc, d.published desc, d.slug
             limit ${take} offset ${skip}
          ) p
         order by p.rank desc, p.published desc, p.slug`);
    // ts_headline reads a whole body: only for the rows of the page, once the page is chosen.
    const rows = await page(inHead, sql`ts_rank_cd(${WEIGHTS}::float4[], d.head_vector, ${q})`, limit, offset);
    if (rows.length < limit) {
      // Where the body-only matches start: past every headline match, counted only when paging.
      const headCount = offset === 0 ? rows.length : await countWhere(tx, sql`${inHead} and ${filters}`);
      const inBody = sql`d.vector @@ ${q} and ${outOfHead}`;
      rows.push(...(await page(inBody, sql`0`, limit - rows.length, Math.max(0, offset - headCount))));
    }
    // Counted far enough to know whether a next page exists, and no further.
    const countTo = Math.max(COUNT_CAP, offset + limit) + 1;
    const total = await countWhere(tx, sql`d.vector @@ ${q} and ${filters}`, countTo);
    return {
      total,
      capped: total >= countTo,
      meaningful: true,
      hits: rows.map((row) => ({
        slug: row.slug,
        title: row.title,
        snippet: row.snippet,
        standfirst: row.standfirst,
        section: row.section,
        byline: row.byline,
        published: new Date(row.published),
      })),
    };
  });
}

/**
 * Runs searches in one transaction under the statement timeout (a pathological query then fails with
 * SQLSTATE 57014, see isSearchTimeout) and without JIT, whose compiling takes longer than they run.
 */
export function withSearchLimits<T>(run: (tx: Transaction) => Promise<T>): Promise<T> {
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`select set_config('statement_timeout', ${STATEMENT_TIMEOUT}, true), set_config('jit', 'off', true)`);
    return run(tx);
  });
}

/** Whether `error` (or what drizzle wrapped in it) is a search cancelled by the statement timeout. */
export function isSearchTimeout(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    if ((cause as { code?: unknown }).code === '57014') return true;
  }
  return false;
}

async function countWhere(tx: Transaction, where: SQL, upTo?: number): Promise<number> {
  const [row] = await tx.execute<{ count: string }>(sql`
    select count(*) as count from (select 1 from ${searchDocuments} d where ${where} ${upTo ? sql`limit ${upTo}` : sql``}) m`);
  return Number(row!.count);
}

/** Whether anything matches, with the same filters: to check a suggestion before offering it. */
export async function anyMatches(tx: Transaction, request: Omit<SearchRequest, 'limit' | 'offset'>): Promise<boolean> {
  const rows = await tx.execute(sql`
    select 1 from ${searchDocuments} d
     where d.vector @@ websearch_to_tsquery(${request.config}::regconfig, ${request.query}) and ${filtersOf(request)}
     limit 1`);
  return rows.length > 0;
}

/** For each word, the closest word of the index by trigram similarity, or null when it is a known word. */
export async function closestTerms(tx: Transaction, words: string[]): Promise<(string | null)[]> {
  if (words.length === 0) return [];
  const rows = await tx.execute<{ n: string; known: boolean; closest: string | null }>(sql`
    select w.n,
           exists (select 1 from ${searchTerms} t where t.term = w.word) as known,
           (select t.term from ${searchTerms} t where t.term % w.word
             order by t.term <-> w.word, t.term limit 1) as closest
      from unnest(${sql.param(words)}::text[]) with ordinality as w(word, n)
     order by w.n`);
  return rows.map((row) => (row.known ? null : row.closest));
}

/** Headlines that look like the query (trigram word similarity), for a search that found nothing. */
export async function closeHeadlines(tx: Transaction, query: string, limit = 3): Promise<{ slug: string; title: string }[]> {
  const rows = await tx.execute<{ slug: string; title: string }>(sql`
    select d.slug, d.title from ${searchDocuments} d
     where ${query} <% d.title
     order by word_similarity(${query}, d.title) desc, d.published desc
     limit ${limit}`);
  return rows.map(({ slug, title }) => ({ slug, title }));
}
