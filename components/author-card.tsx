import type { Author } from '@/lib/content';
import { routes } from '@/lib/routes';

import { Picture } from './picture';

export function AuthorCard({ author, headingLevel = 2 }: { author: Author; headingLevel?: 1 | 2 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="author-card" aria-labelledby={`author-${author.slug}`}>
      <Picture src={author.picture.src} alt={author.picture.alt} width={author.picture.width} height={author.picture.height} sizes="96px" className="author-card__picture" />
      <div>
        <Heading id={`author-${author.slug}`} className="author-card__name">
          {headingLevel === 1 ? author.name : <a href={routes.author(author.slug)}>{author.name}</a>}
        </Heading>
        <p className="author-card__role">{author.role}</p>
        <p>{author.bio}</p>
        {author.links.length > 0 ? (
          <ul className="inline-list" role="list">
            {author.links.map((link) => (
              <li key={link.href}>
                <a href={link.href} rel="me noopener">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}
