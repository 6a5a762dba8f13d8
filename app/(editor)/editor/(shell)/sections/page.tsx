import { DataTable } from '@/components/editor/data-table';
import { SectionEditor, SectionOrder } from '@/components/editor/section-forms';
import { ActionForm } from '@/components/forms/action-form';
import { LabelledField } from '@/components/forms/labelled-field';
import { requireUser } from '@/lib/auth/session';
import { sectionsOverview } from '@/lib/sections/service';

import { addSectionAction, editSectionAction, moveSectionAction, retireSectionAction } from '../actions/sections';

export const metadata = { title: 'Sections' };

const FROM_FILE = 'From content/categories.json — changed in git';

type Props = { searchParams: Promise<{ retired?: string | string[] }> };

export default async function SectionsPage({ searchParams }: Props) {
  await requireUser('sections:manage');
  const { live, retired } = await sectionsOverview();
  const { retired: justRetired } = await searchParams;
  const notice = retired.find((section) => section.slug === justRetired);
  const target = notice?.movedTo ? live.find((section) => section.slug === notice.movedTo) : undefined;
  const newsroom = live.filter((section) => section.source === 'newsroom');
  const actions = { edit: editSectionAction, move: moveSectionAction, retire: retireSectionAction };
  return (
    <>
      <h1>Sections</h1>
      <p role="status" className={notice ? 'form-status form-status--ok' : 'form-status'}>
        {notice ? `Section ${notice.name} retired.${target ? ` Its articles and /category/${notice.slug} now lead to ${target.name}.` : ''}` : null}
      </p>
      <p>Readers see these sections in this order, on section pages, article labels, feeds and the sitemap. Changes are live at once.</p>
      <DataTable
        caption="Sections, in the order readers see them"
        rows={live}
        rowKey={(section) => section.slug}
        columns={[
          { header: 'Name', cell: (section) => section.name },
          { header: 'Address', cell: (section) => `/category/${section.slug}` },
          { header: 'Articles', cell: (section) => section.articles },
          { header: 'Source', cell: (section) => (section.source === 'file' ? FROM_FILE : 'Newsroom') },
          {
            header: 'Order',
            cell: (section) => (section.source === 'file' ? <span className="meta">Fixed</span> : <SectionOrder section={section} move={moveSectionAction} />),
          },
        ]}
      />

      <h2>Add a section</h2>
      <ActionForm action={addSectionAction} submitLabel="Add section" pendingLabel="Adding…">
        <LabelledField id="new-section-name" label="Name">
          {(props) => <input {...props} name="name" required minLength={2} maxLength={60} autoComplete="off" />}
        </LabelledField>
        <LabelledField id="new-section-slug" label="Address" hint="Lower-case words joined by hyphens, e.g. “news”. Left empty, it is made from the name. It cannot change later.">
          {(props) => <input {...props} name="slug" maxLength={80} autoComplete="off" />}
        </LabelledField>
        <LabelledField id="new-section-description" label="Description">
          {(props) => <textarea {...props} name="description" rows={2} required minLength={10} maxLength={300} />}
        </LabelledField>
      </ActionForm>

      {newsroom.length > 0 ? (
        <>
          <h2>Edit or retire a newsroom section</h2>
          {newsroom.map((section) => (
            <SectionEditor key={section.slug} section={section} others={live.filter((other) => other.slug !== section.slug)} actions={actions} />
          ))}
        </>
      ) : null}

      {retired.length > 0 ? (
        <>
          <h2>Retired sections</h2>
          <ul>
            {retired.map((section) => (
              <li key={section.slug}>
                {section.name} (/category/{section.slug}): {section.movedTo ? `leads to /category/${section.movedTo}` : 'no longer on the site'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
