import { type Role, roleLabels, ROLES } from '@/lib/auth/roles';

export function RoleSelect({ id, defaultValue }: { id: string; defaultValue: Role }) {
  return (
    <select id={id} name="role" defaultValue={defaultValue}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {roleLabels[role]}
        </option>
      ))}
    </select>
  );
}
