import { NewsletterBox } from '@/components/newsletter/newsletter-box';
import { getSite } from '@/lib/content';
import { routes } from '@/lib/routes';
import { listingMetadata } from '@/lib/seo/metadata';

import { subscribeAction } from './actions';

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
      <NewsletterBox site={site} subscribe={subscribeAction} headingLevel={1} />
      <h2>What you get</h2>
      <p>
        The stories that matter in {site.name.replace(/^The /, '')}’s patch, in your inbox. We send a confirmation email first, so nobody can sign you up without your say-so, and
        every email has a one-click unsubscribe link.
      </p>
      <p>
        Prefer a feed reader? Follow us by <a href={feeds.rss}>RSS</a>, <a href={feeds.atom}>Atom</a> or <a href={feeds.json}>JSON Feed</a>.
      </p>
    </div>
  );
}
