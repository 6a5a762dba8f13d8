import { DataTable } from '@/components/editor/data-table';
import { listProfilesWithAccounts } from '@/db/queries/author-profile-accounts';
import { requireUser } from '@/lib/auth/session';
import { KIND_NAMES } from '@/lib/content/byline';
import { missingFromProfile } from '@/lib/content/profile-author';
import { routes } from '@/lib/routes';

export const metadata = { title: 'Authors' };

export default async function AuthorsPage() {
  await requireUser('authors:manage');
  const rows = await listProfilesWithAccounts();
  return (
    <>
      <h1>Authors</h1>
      <p>
        Everyone a byline can name: staff and contributors with an account, guest writers, partner outlets and wire services. A profile is ready for bylines once it has an address,
        a bio and a picture with alt text.
      </p>
      <p>
        <a href={routes.editor.newAuthor()} className="button">
          New profile
        </a>
      </p>
      {rows.length === 0 ? (
        <p>No profiles yet.</p>
      ) : (
        <DataTable
          caption="Author profiles, by name"
          rows={rows}
          rowKey={({ profile }) => profile.id}
          columns={[
            { header: 'Name', cell: ({ profile }) => <a href={routes.editor.author(profile.id)}>{profile.name}</a> },
            { header: 'Kind', cell: ({ profile }) => KIND_NAMES[profile.kind] },
            { header: 'Address', cell: ({ profile }) => (profile.slug ? routes.author(profile.slug) : 'None yet') },
            { header: 'Linked account', cell: ({ account }) => (account ? `${account.name} (${account.email})` : 'None') },
            {
              header: 'For bylines',
              cell: ({ profile }) => {
                const missing = missingFromProfile(profile);
                return missing.length === 0 ? 'Ready' : `Needs ${missing.join(', ')}`;
              },
            },
          ]}
        />
      )}
    </>
  );
}
