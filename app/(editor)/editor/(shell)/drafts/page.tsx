import { DataTable } from '@/components/editor/data-table';
import { listDrafts } from '@/db/queries/drafts';
import { requireUser } from '@/lib/auth/session';
import { getSite } from '@/lib/content';
import { formatTime } from '@/lib/dates/format';
import { statusLabels } from '@/lib/drafts/labels';
import { viewerOf } from '@/lib/drafts/viewer';
import { routes } from '@/lib/routes';
import { searchDrafts } from '@/lib/search/drafts';

export const metadata = { title: 'Drafts' };

type Props = { searchParams: Promise<{ missing?: string; q?: string | string[] }> };

export default async function DraftsPage({ searchParams }: Props) {
  const user = await requireUser('drafts:write-own');
  const site = await getSite();
  const { missing, q } = await searchParams;
  const search = q ? await searchDrafts(viewerOf(user), String(q)) : null;
  const drafts = search?.query ? search.drafts : await listDrafts(viewerOf(user));
  return (
    <>
      <h1>Drafts</h1>
      {missing !== undefined ? (
        <p role="status" className="form-status form-status--error">
          That draft does not exist, or it is not one you can open.
        </p>
      ) : null}
      <p>
        <a href={routes.editor.newDraft()} className="button">
          New draft
        </a>
      </p>
      <DraftSearch query={search?.query ?? ''} />
      {search?.query ? (
        <p role="status">
          {search.truncated ? 'Only the first 200 characters of your search were used. ' : null}
          {search.tooSlow
            ? 'The search took too long and was stopped: try more particular words.'
            : `${drafts.length === 1 ? '1 draft matches' : `${drafts.length} drafts match`} “${search.query}”.`}{' '}
          <a href={routes.editor.drafts()}>Show all drafts</a>
        </p>
      ) : null}
      {drafts.length === 0 ? (
        search?.query ? null : (
          <p>No drafts yet.</p>
        )
      ) : (
        <DataTable
          caption="Drafts you can open, most recently changed first"
          rows={drafts}
          rowKey={(draft) => draft.id}
          columns={[
            { header: 'Title', cell: (draft) => <a href={routes.editor.draft(draft.id)}>{draft.title}</a> },
            // Copies share a title; their addresses are unique, so this tells them apart.
            { header: 'Address', cell: (draft) => <code>{routes.article(draft.slug)}</code> },
            { header: 'Author', cell: (draft) => draft.authorName },
            { header: 'Status', cell: (draft) => statusLabels[draft.status] },
            { header: 'Last changed', cell: (draft) => `${formatTime(draft.updatedAt, site)} by ${draft.updatedByName}` },
          ]}
        />
      )}
    </>
  );
}

function DraftSearch({ query }: { query: string }) {
  return (
    <form action={routes.editor.drafts()} method="get" role="search" aria-label="Drafts" className="inline-form">
      <label htmlFor="drafts-q">Search drafts</label> <input id="drafts-q" type="search" name="q" defaultValue={query} />{' '}
      <button type="submit" className="button button--secondary">
        Search
      </button>
    </form>
  );
}
