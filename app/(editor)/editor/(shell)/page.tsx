import { can, roleLabels } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';

export const metadata = { title: 'Newsroom' };

export default async function EditorHome() {
  const user = await requireUser();
  return (
    <>
      <h1>Welcome, {user.name}</h1>
      <p>You are signed in as {roleLabels[user.role].toLowerCase()}.</p>
      <ul>
        <li>{can(user.role, 'drafts:publish') ? 'You can edit any draft and publish it.' : 'You can write drafts and submit them for review.'}</li>
        {can(user.role, 'people:manage') ? <li>You manage the people of the newsroom and the newsletter subscribers.</li> : null}
      </ul>
    </>
  );
}
