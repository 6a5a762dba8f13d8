import { SubscriberImportForm } from '@/components/editor/subscriber-import-form';
import { requireUser } from '@/lib/auth/session';
import { routes } from '@/lib/routes';

import { importSubscribersAction } from '../../actions/subscribers';

export const metadata = { title: 'Import subscribers' };

export default async function ImportSubscribersPage() {
  await requireUser('subscribers:manage');
  return (
    <>
      <p>
        <a href={routes.editor.subscribers()}>← Subscribers</a>
      </p>
      <h1>Import subscribers</h1>
      <p>
        Upload the CSV export of another newsletter tool. Its first row names the columns: an email column (“email”, “Email Address”…) is needed; a name (“name”, or “First Name”
        and “Last Name”), a consent date (“subscribed_at”, “created_at”, “optin_time”…, as YYYY-MM-DD with an optional time, UTC unless it says otherwise) and a status (subscribed,
        unsubscribed, pending, cleaned…) are read when present.
      </p>
      <ul>
        <li>First you see what would be added, updated or skipped, and why; nothing is written until you confirm.</li>
        <li>Imported readers are confirmed at once and get no confirmation or welcome email, so import only readers who agreed to get your newsletter.</li>
        <li>Anyone who unsubscribed here stays unsubscribed; readers unsubscribed in the file are stored as unsubscribed; bounced or cleaned addresses are suppressed.</li>
      </ul>
      <SubscriberImportForm action={importSubscribersAction} />
    </>
  );
}
