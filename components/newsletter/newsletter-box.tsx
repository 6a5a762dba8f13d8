import type { FormAction } from '@/components/forms/action-form';
import type { Site } from '@/lib/content';

import { SignupForm } from './signup-form';

type NewsletterBoxProps = { site: Site; subscribe: FormAction; headingLevel?: 1 | 2 };

export function NewsletterBox({ site, subscribe, headingLevel = 2 }: NewsletterBoxProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="newsletter-box" aria-labelledby="newsletter-heading">
      <Heading id="newsletter-heading">The {site.shortName} newsletter</Heading>
      <p>Get the latest updates delivered to your inbox.</p>
      <SignupForm action={subscribe} />
      <p className="newsletter-box__small">One email to confirm, then the news. Leave with one click at any time.</p>
    </section>
  );
}
