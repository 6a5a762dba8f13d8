import { DataTable } from '@/components/editor/data-table';
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
      <DataTable
        caption="Newsroom accounts"
        rows={people}
        rowKey={(person) => person.id}
        columns={[
          { header: 'Name', cell: (person) => person.name },
          { header: 'Email', cell: (person) => person.email },
          {
            header: 'Role',
            cell: (person) => (
              <ActionForm action={changeRoleAction} submitLabel={`Change role of ${person.name}`} pendingLabel="Saving…" className="inline-form">
                <input type="hidden" name="userId" value={person.id} />
                <label className="visually-hidden" htmlFor={`role-${person.id}`}>
                  Role of {person.name}
                </label>
                <RoleSelect id={`role-${person.id}`} defaultValue={person.role} />
              </ActionForm>
            ),
          },
          { header: 'Status', cell: (person) => (person.active ? 'Active' : 'Deactivated') },
          {
            header: 'Actions',
            cell: (person) =>
              person.id === me.id ? (
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
              ),
          },
        ]}
      />

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
