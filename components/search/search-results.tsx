import type { Site } from '@/lib/content';
import { routes } from '@/lib/routes';
import { MAX_QUERY_LENGTH, type SearchParams, type SearchResults as Results } from '@/lib/search';

import { DateLine } from '../date-line';
import { Pagination } from '../pagination';
import { Highlighted } from './highlighted';

type SearchResultsProps = { site: Site; params: SearchParams; results: Results };

const pageWords = { previous: '← Previous', next: 'Next →' };

function countLine({ total, capped, countCap, meaningful, tooSlow }: Results, q: string): string {
  if (tooSlow) return `The search for “${q}” took too long and was stopped. Try fewer or more particular words.`;
  if (!meaningful) return `“${q}” holds only very common words: add a more particular one.`;
  if (total === 0) return `No articles match “${q}”.`;
  if (capped) return `More than ${countCap.toLocaleString('en')} articles match “${q}”.`;
  return `${total.toLocaleString('en')} ${total === 1 ? 'article matches' : 'articles match'} “${q}”.`;
}

export function SearchResults({ site, params, results }: SearchResultsProps) {
  const { suggestion } = results;
  return (
    <section aria-labelledby="search-results-heading">
      <h2 id="search-results-heading" className="visually-hidden">
        Results
      </h2>
      {params.truncated ? (
        <p className="search-note">
          Your search was longer than {MAX_QUERY_LENGTH} characters: only its first {MAX_QUERY_LENGTH} were used.
        </p>
      ) : null}
      <p role="status" className="search-results__count">
        {countLine(results, params.q)}
        {params.page > 1 && results.hits.length > 0 ? ` Page ${params.page}${results.capped ? '' : ` of ${results.totalPages}`}.` : null}
      </p>
      {suggestion?.query ? (
        <p className="search-note">
          Did you mean <a href={routes.search({ ...params, q: suggestion.query, page: 1 })}>{suggestion.query}</a>?
        </p>
      ) : null}
      {suggestion && suggestion.headlines.length > 0 ? (
        <>
          <p className="search-note">Headlines that look like your search:</p>
          <ul>
            {suggestion.headlines.map((headline) => (
              <li key={headline.slug}>
                <a href={routes.article(headline.slug)}>{headline.title}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {results.total > 0 && results.hits.length === 0 ? (
        <p className="search-note">
          There are no more results. <a href={routes.search({ ...params, page: 1 })}>Back to the first page</a>.
        </p>
      ) : null}
      <ol className="search-results__list" role="list">
        {results.hits.map((hit) => (
          <li key={hit.slug}>
            <article className="search-hit">
              <p className="kicker">
                <a href={routes.category(hit.section.slug)}>{hit.section.name}</a>
              </p>
              <h3 className="search-hit__title">
                <a href={routes.article(hit.slug)}>
                  <Highlighted segments={hit.title} />
                </a>
              </h3>
              <p className="search-hit__snippet">
                <Highlighted segments={hit.snippet} />
              </p>
              <p className="meta">
                <span>{hit.byline}</span> · <DateLine date={hit.published} site={site} />
              </p>
            </article>
          </li>
        ))}
      </ol>
      <Pagination
        page={params.page}
        totalPages={results.totalPages}
        href={(page) => routes.search({ ...params, page })}
        label="Search result pages"
        words={pageWords}
        openEnded={results.capped}
      />
    </section>
  );
}
