import { RoleSelect } from '@/components/editor/role-select';
import { ActionForm } from '@/components/forms/action-form';
import { Field } from '@/components/forms/field';
import { listUsers } from '@/db/queries/users';
import { requireUser } from '@/lib/auth/session';
import { changeRoleAction, createPersonAction, deactivateAction, reactivateAction } from '../actions/people';

export const metadata = { title: 'People' };

export default async function PeoplePage() {
  const me = await requireUser('people:manage');
  const people = await listUsers();
  return (
    <>
      <h1>People</h1>
      <table className="editor-table">
        <caption className="visually-hidden">Newsroom accounts</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <th scope="row">{person.name}</th>
              <td>{person.email}</td>
              <td>
                <ActionForm action={changeRoleAction} submitLabel={`Change role of ${person.name}`} pendingLabel="Saving…" className="inline-form">
                  <input type="hidden" name="userId" value={person.id} />
                  <label className="visually-hidden" htmlFor={`role-${person.id}`}>
                    Role of {person.name}
                  </label>
                  <RoleSelect id={`role-${person.id}`} defaultValue={person.role} />
                </ActionForm>
              </td>
              <td>{person.active ? 'Active' : 'Deactivated'}</td>
              <td>
                {person.id === me.id ? (
                  <span className="meta">You</span>
                ) : (
                  <ActionForm
                    action={person.active ? deactivateAction : reactivateAction}
                    submitLabel={`${person.active ? 'Deactivate' : 'Reactivate'} ${person.name}`}
                    pendingLabel="Saving…"
                    className="inline-form"
                  >
                    <input type="hidden" name="userId" value={person.id} />
                  </ActionForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Add a person</h2>
      <ActionForm action={createPersonAction} submitLabel="Create account" pendingLabel="Creating…">
        <Field label="Name" name="name" autoComplete="off" />
        <Field label="Email address" name="email" type="email" autoComplete="off" />
        <div className="field">
          <label htmlFor="new-role">Role</label>
          <RoleSelect id="new-role" defaultValue="contributor" />
        </div>
        <Field label="Temporary password" name="password" type="password" autoComplete="new-password" hint="At least 12 characters. They can change it under “Your account”." />
      </ActionForm>
    </>
  );
}
