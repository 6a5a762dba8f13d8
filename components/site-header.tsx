import type { Site } from '@/lib/content';

import { HeaderSearch } from './search/header-search';

export function SiteHeader({ site }: { site: Site }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a href="/" className="masthead">
          {site.logoText}
        </a>
        <nav aria-label="Sections">
          <ul className="nav-list" role="list">
            {site.navigation.map((item) => (
              <li key={item.href}>
                <a href={item.href}>{item.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <HeaderSearch />
      </div>
    </header>
  );
}
