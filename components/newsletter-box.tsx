import { subscribeAction } from '@/app/(site)/newsletter/actions';
import type { Site } from '@/lib/content';
import { SignupForm } from './newsletter/signup-form';

export function NewsletterBox({ site, headingLevel = 2 }: { site: Site; headingLevel?: 1 | 2 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="newsletter-box" aria-labelledby="newsletter-heading">
      <Heading id="newsletter-heading">The {site.shortName} newsletter</Heading>
      <p>Get the latest updates delivered to your inbox.</p>
      <SignupForm action={subscribeAction} />
      <p className="newsletter-box__small">One email to confirm, then the news. Leave with one click at any time.</p>
    </section>
  );
}
