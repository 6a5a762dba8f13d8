import { routes } from '@/lib/routes';

/** The site header's search box: a plain GET form, no JavaScript, so every page stays static. */
export function HeaderSearch() {
  return (
    <form action={routes.search()} method="get" role="search" aria-label="Site" className="header-search">
      <label htmlFor="header-search-q" className="visually-hidden">
        Search articles
      </label>
      <input id="header-search-q" type="search" name="q" placeholder="Search articles" autoComplete="off" enterKeyHint="search" />
      <button type="submit" className="button button--small">
        Search
      </button>
    </form>
  );
}
