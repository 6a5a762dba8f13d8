import { SiteSettingsForm } from '@/components/editor/site-settings-form';
import { requireUser } from '@/lib/auth/session';
import { getCategories, getSiteFile } from '@/lib/content';
import { formatDateAndTime } from '@/lib/dates/format';
import { formValues } from '@/lib/site-settings/form';
import { loadSettings, settingsFormValues } from '@/lib/site-settings/service';

import { saveSettingsAction } from '../actions/site-settings';

export const metadata = { title: 'Site settings' };

export default async function SettingsPage() {
  await requireUser('site:manage');
  const [file, categories] = await Promise.all([getSiteFile(), getCategories()]);
  const view = await loadSettings(file);
  return (
    <>
      <h1>Site settings</h1>
      <p>
        What readers see of the publication on every page, in the feeds and in the newsletter. A save is live within a second. Each setting starts from content/site.json and can be
        reset to it.
      </p>
      <p className="meta">
        {view.updatedAt
          ? `Last saved by ${view.updatedBy ?? 'a former account'} on ${formatDateAndTime(view.updatedAt, file)}.`
          : 'Never changed here: every setting is the file’s.'}{' '}
        The address ({file.url}), locale ({file.locale}), language ({file.language}) and time zone ({file.timeZone}) stay in content/site.json and change with a deploy: they shape
        addresses, dates and search when the site is built.
      </p>
      <SiteSettingsForm
        action={saveSettingsAction}
        values={settingsFormValues(view)}
        defaults={formValues(view.defaults)}
        overridden={view.overridden}
        sections={categories.map(({ slug, name }) => ({ slug, name }))}
      />
    </>
  );
}
