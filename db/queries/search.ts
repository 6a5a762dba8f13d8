import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '../index';
import { searchDocuments, searchTerms } from '../schema';

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
  authorName: string;
  published: Date;
};

export type SearchPage = { total: number; hits: SearchHit[]; meaningful: boolean };

function filtersOf({ section, author, from, to, timeZone }: SearchFilters & { timeZone: string }): SQL {
  const parts: SQL[] = [sql`true`];
  if (section) parts.push(sql`d.section = ${section}`);
  if (author) parts.push(sql`d.author_slug = ${author}`);
  // Days in the newsroom's time zone, the one the date lines use.
  if (from) parts.push(sql`d.published >= (${from}::date::timestamp at time zone ${timeZone})`);
  if (to) parts.push(sql`d.published < ((${to}::date + 1)::timestamp at time zone ${timeZone})`);
  return sql.join(parts, sql` and `);
}

/** One page of matches, best first, with highlighted snippets, and how many there are in all. */
export async function searchIndex(request: SearchRequest): Promise<SearchPage> {
  const { config, query, limit, offset } = request;
  return getDb().transaction(async (tx) => {
    await tx.execute(sql.raw(`set local statement_timeout = '${STATEMENT_TIMEOUT}'`));
    const rows = await tx.execute<{
      slug: string;
      title: string;
      snippet: string;
      standfirst: string;
      section: string;
      author_name: string;
      published: string;
      total: string;
    }>(sql`
      with q as (select websearch_to_tsquery(${config}::regconfig, ${query}) as query)
      select p.slug, p.standfirst, p.section, p.author_name, p.published, p.total,
             ts_headline(${config}::regconfig, p.title, q.query, ${titleOptions}) as title,
             ts_headline(${config}::regconfig, p.body, q.query, ${snippetOptions}) as snippet
        from q, (
          select d.slug, d.title, d.standfirst, d.body, d.section, d.author_name, d.published,
                 count(*) over () as total,
                 ts_rank_cd(${WEIGHTS}::float4[], d.head_vector, q.query) as rank
            from ${searchDocuments} d, q
           where d.vector @@ q.query and ${filtersOf(request)}
           order by rank desc, d.published desc, d.slug
           limit ${limit} offset ${offset}
        ) p
       order by p.rank desc, p.published desc, p.slug`);
    // Nothing found, or nothing to look for (only stop words, only punctuation)?
    const meaningful =
      rows.length > 0 || (await tx.execute<{ nodes: number }>(sql`select numnode(websearch_to_tsquery(${config}::regconfig, ${query})) as nodes`))[0]!.nodes > 0;
    return {
      total: Number(rows[0]?.total ?? 0),
      meaningful,
      hits: rows.map((row) => ({
        slug: row.slug,
        title: row.title,
        snippet: row.snippet,
        standfirst: row.standfirst,
        section: row.section,
        authorName: row.author_name,
        published: new Date(row.published),
      })),
    };
  });
}

/** How many articles match, with the same filters: to check a suggestion before offering it. */
export async function countMatches(request: Omit<SearchRequest, 'limit' | 'offset'>): Promise<number> {
  const [row] = await getDb().execute<{ count: string }>(sql`
    select count(*) as count from ${searchDocuments} d
     where d.vector @@ websearch_to_tsquery(${request.config}::regconfig, ${request.query}) and ${filtersOf(request)}`);
  return Number(row?.count ?? 0);
}

/** For each word, the closest word of the index by trigram similarity, or null when it is a known word. */
export async function closestTerms(words: string[]): Promise<(string | null)[]> {
  if (words.length === 0) return [];
  const rows = await getDb().execute<{ n: string; known: boolean; closest: string | null }>(sql`
    select w.n,
           exists (select 1 from ${searchTerms} t where t.term = w.word) as known,
           (select t.term from ${searchTerms} t where t.term % w.word
             order by similarity(t.term, w.word) desc, t.term limit 1) as closest
      from unnest(${sql.param(words)}::text[]) with ordinality as w(word, n)
     order by w.n`);
  return rows.map((row) => (row.known ? null : row.closest));
}

/** Headlines that look like the query (trigram word similarity), for a search that found nothing. */
export async function closeHeadlines(query: string, limit = 3): Promise<{ slug: string; title: string }[]> {
  const rows = await getDb().execute<{ slug: string; title: string }>(sql`
    select d.slug, d.title from ${searchDocuments} d
     where ${query} <% d.title
     order by word_similarity(${query}, d.title) desc, d.published desc
     limit ${limit}`);
  return rows.map(({ slug, title }) => ({ slug, title }));
}
