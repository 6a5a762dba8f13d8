import Link from 'next/link';
import type { Site } from '@/lib/content';

export function SiteHeader({ site }: { site: Site }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="masthead">
          {site.logoText}
        </Link>
        <nav aria-label="Sections">
          <ul className="nav-list" role="list">
            {site.navigation.map((item) => (
              <li key={item.href}>
                <Link href={item.href}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
