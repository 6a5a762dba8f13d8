import type { Site } from '@/lib/content';
import { routes } from '@/lib/routes';

export function NewsletterBox({ site }: { site: Site }) {
  return (
    <aside className="newsletter-box" aria-labelledby="newsletter-heading">
      <h2 id="newsletter-heading">The {site.shortName} newsletter</h2>
      <p>Get the latest updates delivered to your inbox.</p>
      <p>
        <a href={routes.newsletter()} className="button">
          Sign up to the newsletter
        </a>
      </p>
    </aside>
  );
}
