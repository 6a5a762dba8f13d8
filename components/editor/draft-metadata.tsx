import { LabelledField } from '@/components/forms/labelled-field';
import { MAX_AUTHORS } from '@/lib/content/byline';
import { mediaSrc } from '@/lib/content/media';
import { ACCEPTED_IMAGE_TYPES, checkFileSize, UPLOAD_HINT } from '@/lib/media/limits';

import { BylineFields } from './byline-fields';

type DraftMetadataProps = {
  /** What the fields start from: the form's last answer, or the saved draft. */
  values: Record<string, string>;
  /** The form's own last answer, if any: the selects are drawn again when it comes. */
  answered: Record<string, string> | undefined;
  /** The latest answer's values, autosave's or the form's: what the hero thumbnail shows. */
  latest: Record<string, string>;
  heroImageId: string;
  /** The hero shown is the stored one (not a picture chosen but not saved yet). */
  heroSaved: boolean;
  errors: Record<string, string[] | undefined>;
  authors: { id: string; name: string; kind: string }[];
  categories: { slug: string; name: string }[];
};

/** The desk's side panel: everything about the article but its title and body. */
export function DraftMetadata({ values, answered, latest, heroImageId, heroSaved, errors, authors, categories }: DraftMetadataProps) {
  return (
    <div className="desk__meta" role="group" aria-labelledby="draft-meta-heading">
      <h2 id="draft-meta-heading" className="desk__panel-heading">
        About the article
      </h2>
      <LabelledField id="draft-slug" label="Address" hint="The end of the article’s web address. Leave it empty to make it from the title." errors={errors.slug}>
        {(props) => <input {...props} name="slug" defaultValue={values.slug} maxLength={80} />}
      </LabelledField>
      <LabelledField id="draft-standfirst" label="Standfirst" hint="One or two sentences that sum the story up." errors={errors.standfirst}>
        {(props) => <textarea {...props} name="standfirst" defaultValue={values.standfirst} rows={3} maxLength={320} />}
      </LabelledField>
      <LabelledField id="draft-category" label="Category" errors={errors.category}>
        {(props) => (
          // Keyed by the answer's value: React resets a form after its action, and a <select>
          // resets to the option it was first drawn with unless it is drawn again. Not by the
          // saved value, which each autosave refreshes: that would redraw it under the cursor.
          <select {...props} key={`category-${answered?.category}`} name="category" defaultValue={values.category}>
            <option value="">Not chosen yet</option>
            {categories.map((category) => (
              <option key={category.slug} value={category.slug}>
                {category.name}
              </option>
            ))}
          </select>
        )}
      </LabelledField>
      <LabelledField id="draft-tags" label="Tags" hint="Comma separated, at most 8." errors={errors.tags}>
        {(props) => <input {...props} name="tags" defaultValue={values.tags} />}
      </LabelledField>
      <BylineFields values={values} answered={answered} errors={errors} authors={authors} max={MAX_AUTHORS} />
      <LabelledField id="draft-credit" label="Credit line" hint="Shown after the byline, e.g. “Additional reporting by Sam Lee”. Optional." errors={errors.credit}>
        {(props) => <input {...props} name="credit" defaultValue={values.credit} maxLength={200} />}
      </LabelledField>
      {heroImageId ? (
        <figure className="desk__hero">
          {/* eslint-disable-next-line @next/next/no-img-element -- a newsroom thumbnail of the stored upload; next/image would add its client component to the form */}
          <img src={mediaSrc(heroImageId)} alt={latest.heroAlt ?? ''} width={240} />
          <figcaption>
            {heroSaved ? 'Current hero image' : 'New hero image (not saved yet)'}
            {latest.heroAlt ? `: ${latest.heroAlt}` : ', no alt text yet'}
          </figcaption>
        </figure>
      ) : null}
      <LabelledField
        id="draft-hero"
        label="Hero image"
        hint={`${UPLOAD_HINT} Choosing one replaces the current picture when you press Save (autosave never uploads it).`}
        errors={errors.heroImage}
      >
        {(props) => <input {...props} name="heroImage" type="file" accept={ACCEPTED_IMAGE_TYPES} onChange={(event) => checkFileSize(event.currentTarget)} />}
      </LabelledField>
      <LabelledField id="draft-hero-alt" label="Hero image alt text" hint="What the picture shows, for readers who cannot see it." errors={errors.heroAlt}>
        {(props) => <input {...props} name="heroAlt" defaultValue={values.heroAlt} maxLength={250} />}
      </LabelledField>
      <LabelledField id="draft-hero-credit" label="Hero image credit" errors={errors.heroCredit}>
        {(props) => <input {...props} name="heroCredit" defaultValue={values.heroCredit} maxLength={160} />}
      </LabelledField>
      <div className="field field--checkbox">
        <input key={`featured-${answered?.featured}`} id="draft-featured" name="featured" type="checkbox" defaultChecked={values.featured === 'on'} />
        <label htmlFor="draft-featured">Featured on the home page</label>
      </div>
    </div>
  );
}
