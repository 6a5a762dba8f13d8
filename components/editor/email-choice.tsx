/**
 * "Publish and email subscribers" or "Publish only", for one publishing form. "Publish only" is
 * checked: publishing can be undone, an email cannot, and republishing a correction must not mail
 * the whole list again.
 */
export function EmailChoice({ id, recipients }: { id: string; recipients: number }) {
  const readers = `${recipients.toLocaleString('en')} confirmed ${recipients === 1 ? 'subscriber' : 'subscribers'}`;
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
