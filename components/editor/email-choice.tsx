import type { Site } from '@/lib/content';
import { plural } from '@/lib/text/plural';

/**
 * "Publish and email subscribers" or "Publish only", for one publishing form. "Publish only" is
 * checked: publishing can be undone, an email cannot, and republishing a correction must not mail
 * the whole list again.
 */
export function EmailChoice({ id, recipients, site }: { id: string; recipients: number; site: Pick<Site, 'locale'> }) {
  const readers = plural(recipients, 'confirmed subscriber', site);
  return (
    <fieldset className="choice" aria-describedby={`${id}-hint`}>
      <legend>Newsletter</legend>
      <p className="field__hint" id={`${id}-hint`}>
        The email goes to the {readers} once, when the article is published.
      </p>
      <div>
        <input type="radio" id={`${id}-only`} name="emailSubscribers" value="no" defaultChecked />
        <label htmlFor={`${id}-only`}>Publish only</label>
      </div>
      <div>
        <input type="radio" id={`${id}-email`} name="emailSubscribers" value="yes" />
        <label htmlFor={`${id}-email`}>Publish and email subscribers ({readers})</label>
      </div>
    </fieldset>
  );
}
