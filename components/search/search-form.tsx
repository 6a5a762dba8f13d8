import type { Category } from '@/lib/content';
import { routes } from '@/lib/routes';
import type { SearchParams } from '@/lib/search';

import { LiveSearchForm } from './live-search-form';

type SearchFormProps = { params: SearchParams; categories: Category[]; authors: { slug: string; name: string }[] };

export function SearchForm({ params, categories, authors }: SearchFormProps) {
  return (
    <LiveSearchForm action={routes.search()}>
      <p className="search-form__query">
        <label htmlFor="search-q">Search for</label>
        <input id="search-q" type="search" name="q" defaultValue={params.q} autoComplete="off" enterKeyHint="search" aria-describedby="search-help" />
        <button type="submit" className="button">
          Search
        </button>
      </p>
      <p id="search-help" className="search-form__help">
        Put a phrase in “quotes”; put a minus before a word to leave it out, as in <kbd>council -parking</kbd>.
      </p>
      <fieldset className="search-form__filters">
        <legend>Narrow the results</legend>
        <p>
          <label htmlFor="search-section">Section</label>
          <select id="search-section" name="section" defaultValue={params.section ?? ''}>
            <option value="">All sections</option>
            {categories.map((category) => (
              <option key={category.slug} value={category.slug}>
                {category.name}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="search-author">Author</label>
          <select id="search-author" name="author" defaultValue={params.author ?? ''}>
            <option value="">Any author</option>
            {authors.map((author) => (
              <option key={author.slug} value={author.slug}>
                {author.name}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="search-from">From</label>
          <input id="search-from" type="date" name="from" defaultValue={params.from ?? ''} />
        </p>
        <p>
          <label htmlFor="search-to">To</label>
          <input id="search-to" type="date" name="to" defaultValue={params.to ?? ''} />
        </p>
      </fieldset>
    </LiveSearchForm>
  );
}
