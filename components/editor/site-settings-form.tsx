'use client';

import { type FormAction, useActionForm } from '@/components/forms/action-form';
import { FormStatus } from '@/components/forms/form-status';
import { LabelledField } from '@/components/forms/labelled-field';
import { FIELD_LABELS, type ListName, rowCount } from '@/lib/site-settings/form';
import type { SettingField } from '@/lib/site-settings/schema';

type Props = {
  action: FormAction;
  /** The settings in force, as form fields (with `version`). */
  values: Record<string, string>;
  /** content/site.json's values, as form fields. */
  defaults: Record<string, string>;
  overridden: SettingField[];
  sections: { slug: string; name: string }[];
};

/**
 * The site settings as one form that works without JavaScript: every button posts the whole form,
 * so moving a link, adding a section or resetting a setting never loses what was typed elsewhere.
 */
export function SiteSettingsForm({ action, values: current, defaults, overridden, sections }: Props) {
  const { state, formAction, statusId, errors } = useActionForm(action);
  const values = state && !state.ok && state.values ? state.values : current;
  const field = (name: string, label: string, hint: string, multiline = false) => (
    <LabelledField id={`settings-${name}`} label={label} hint={hint} errors={errors[name]}>
      {(props) =>
        multiline ? (
          <textarea {...props} name={name} defaultValue={values[name] ?? ''} rows={name === 'welcomeBody' ? 8 : 3} />
        ) : (
          <input {...props} name={name} defaultValue={values[name] ?? ''} />
        )
      }
    </LabelledField>
  );
  const reset = (setting: SettingField) =>
    overridden.includes(setting) ? (
      <button type="submit" name="intent" value={`reset:${setting}`} className="link-button">
        Reset {FIELD_LABELS[setting].toLowerCase()} to the file’s default
      </button>
    ) : (
      <p className="field__hint">{FIELD_LABELS[setting]}: the file’s default.</p>
    );
  const fileValue = (name: string) => `Default (content/site.json): ${defaults[name] || 'none'}`;

  const list = (name: ListName, legend: string, item: string, setting: SettingField, hrefLabel: string, hrefHint: string) => {
    const rows = rowCount(values, name);
    return (
      <fieldset className="settings-list">
        <legend>{legend}</legend>
        {errors[name] ? <p className="form-status form-status--error">{errors[name].join(' ')}</p> : null}
        <ol>
          {Array.from({ length: rows }, (_, index) => (
            <li key={index} className="settings-list__row">
              <LabelledField id={`settings-${name}-${index}-label`} label={`${item} ${index + 1}: label`} errors={errors[`${name}.${index}.label`]}>
                {(props) => <input {...props} name={`${name}.${index}.label`} defaultValue={values[`${name}.${index}.label`] ?? ''} />}
              </LabelledField>
              <LabelledField
                id={`settings-${name}-${index}-href`}
                label={`${item} ${index + 1}: ${hrefLabel}`}
                hint={index === 0 ? hrefHint : undefined}
                errors={errors[`${name}.${index}.href`]}
              >
                {(props) => (
                  <input
                    {...props}
                    name={`${name}.${index}.href`}
                    defaultValue={values[`${name}.${index}.href`] ?? ''}
                    list={name === 'nav' ? 'settings-section-paths' : undefined}
                  />
                )}
              </LabelledField>
              {values[`${name}.${index}.label`] || values[`${name}.${index}.href`] ? (
                <div className="settings-list__buttons">
                  <button type="submit" name="intent" value={`${name}-up:${index}`} className="button button--secondary">
                    Move up
                    <span className="visually-hidden">
                      ({item.toLowerCase()} {index + 1})
                    </span>
                  </button>
                  <button type="submit" name="intent" value={`${name}-down:${index}`} className="button button--secondary">
                    Move down
                    <span className="visually-hidden">
                      ({item.toLowerCase()} {index + 1})
                    </span>
                  </button>
                  <button type="submit" name="intent" value={`${name}-remove:${index}`} className="button button--secondary">
                    Remove
                    <span className="visually-hidden">
                      ({item.toLowerCase()} {index + 1})
                    </span>
                  </button>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
        {reset(setting)}
      </fieldset>
    );
  };

  return (
    <form key={values.version} action={formAction} className="editor-form" aria-describedby={statusId}>
      <input type="hidden" name="version" value={values.version ?? '0'} />
      {/* Enter in a text field saves, rather than pressing the first move button. */}
      <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        Save
      </button>

      <h2>The publication</h2>
      {field('name', 'Name', fileValue('name'))}
      {reset('name')}
      {field('shortName', 'Short name', fileValue('shortName'))}
      {reset('shortName')}
      {field('logoText', 'Logo text (the masthead)', fileValue('logoText'))}
      {reset('logoText')}
      {field('description', 'Description (search engines, feeds, the footer)', 'At least 20 characters.', true)}
      {reset('description')}

      <h2>Newsletter</h2>
      {field('fromName', 'Sender name', fileValue('fromName'))}
      {reset('fromName')}
      {field('fromAddress', 'Sender address', `${fileValue('fromAddress')}. Use an address on a domain with SPF, DKIM and DMARC set up (see the README).`)}
      {reset('fromAddress')}
      {field('welcomeSubject', 'Welcome email: subject', 'Sent once to each reader who confirms a sign-up. Leave subject and text empty to send no welcome.')}
      {field('welcomeBody', 'Welcome email: text', 'Plain text; separate paragraphs with a blank line.', true)}
      {reset('welcome')}

      <h2>Links</h2>
      {list('nav', 'Navigation (the header)', 'Navigation link', 'navigation', 'address', 'A path on this site, such as /archive or /category/council.')}
      <datalist id="settings-section-paths">
        {sections.map((section) => (
          <option key={section.slug} value={`/category/${section.slug}`}>
            {section.name}
          </option>
        ))}
      </datalist>
      <div className="field inline-form">
        <label htmlFor="settings-add-section">Add a section to the navigation</label>
        <select id="settings-add-section" name="addSection" defaultValue="">
          <option value="">Choose a section</option>
          {sections.map((section) => (
            <option key={section.slug} value={section.slug}>
              {section.name}
            </option>
          ))}
        </select>
        <button type="submit" name="intent" value="add-section" className="button button--secondary">
          Add section
        </button>
      </div>
      {list('social', 'Social links (footer)', 'Social link', 'social', 'https address', 'An https:// address.')}

      <div className="settings-actions">
        <button type="submit" name="intent" value="save" className="button">
          Save settings
        </button>
        {overridden.length > 0 ? (
          <button type="submit" name="intent" value="reset-all" className="button button--secondary">
            Reset every setting to the file’s defaults
          </button>
        ) : null}
      </div>
      <FormStatus id={statusId} state={state} />
    </form>
  );
}
