import { getSite } from '@/lib/content';
import { routes } from '@/lib/routes';
import { listingMetadata } from '@/lib/seo/metadata';

export async function generateMetadata() {
  return listingMetadata({
    site: await getSite(),
    title: 'Newsletter',
    description: 'Get the latest updates delivered to your inbox.',
    path: routes.newsletter(),
  });
}

export default async function NewsletterPage() {
  const site = await getSite();
  const feeds = routes.feeds();
  return (
    <div className="container narrow">
      <header className="listing-header">
        <h1>The {site.shortName} newsletter</h1>
        <p className="listing-header__intro">Get the latest updates delivered to your inbox.</p>
      </header>
      <p>
        Email sign-up is opening soon. Until then, follow every story as it is published through our{' '}
        <a href={feeds.rss}>RSS</a>, <a href={feeds.atom}>Atom</a> or <a href={feeds.json}>JSON</a> feeds.
      </p>
    </div>
  );
}
