import { Fragment } from 'react';

import type { Article, Site } from '@/lib/content';
import { bylineHasSiteName } from '@/lib/content/byline';
import { routes } from '@/lib/routes';

/** The separator before the author at `index` of `count`: "A, B and C". */
const separator = (index: number, count: number) => (index === 0 ? '' : index === count - 1 ? ' and ' : ', ');

/** "By A and B, The Site", each name a link to its author page, then the credit line if any. */
export function Byline({ article, site }: { article: Pick<Article, 'authors' | 'credit'>; site: Pick<Site, 'name'> }) {
  const { authors } = article;
  return (
    <>
      <span className="byline">
        By{' '}
        {authors.map((author, index) => (
          <Fragment key={author.slug}>
            {separator(index, authors.length)}
            <a href={routes.author(author.slug)}>{author.name}</a>
          </Fragment>
        ))}
        {bylineHasSiteName(article) ? `, ${site.name}` : null}
      </span>
      {article.credit ? <span className="byline__credit">{article.credit}</span> : null}
    </>
  );
}
