import type { Category, Site } from '@/lib/content';
import { routes } from '@/lib/routes';

export function SiteFooter({ site, categories }: { site: Site; categories: Category[] }) {
  const feeds = routes.feeds();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <div>
          <p className="site-footer__name">{site.name}</p>
          <p>{site.description}</p>
        </div>
        <nav aria-label="Footer">
          <h2 className="site-footer__heading">Sections</h2>
          <ul role="list">
            {categories.map((category) => (
              <li key={category.slug}>
                <a href={routes.category(category.slug)}>{category.name}</a>
              </li>
            ))}
            <li>
              <a href={routes.archive()}>Archive</a>
            </li>
            <li>
              <a href={routes.newsletter()}>Newsletter</a>
            </li>
          </ul>
        </nav>
        <div>
          <h2 className="site-footer__heading">Follow</h2>
          <ul role="list">
            <li>
              <a href={feeds.rss}>RSS feed</a>
            </li>
            <li>
              <a href={feeds.atom}>Atom feed</a>
            </li>
            <li>
              <a href={feeds.json}>JSON Feed</a>
            </li>
            {site.social.map((link) => (
              <li key={link.href}>
                <a href={link.href} rel="me noopener">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </footer>
  );
}
