import { userRole } from '@/db/schema';

// Who may do what, in one pure function: every page, route handler and action asks `can`.
// The roles themselves are the database enum's, declared once in db/schema.ts.
export const ROLES = userRole.enumValues;
export type Role = (typeof ROLES)[number];

export type Permission =
  | 'editor:enter'
  | 'drafts:write-own'
  | 'drafts:edit-any'
  | 'drafts:publish'
  | 'corrections:write'
  | 'newsletter:send'
  | 'sections:manage'
  | 'people:manage'
  | 'authors:manage'
  // Editing a profile linked to another person's account, and linking or unlinking accounts: a linked
  // account owns the drafts bylined on the profile (db/queries/drafts.ts), so this is an admin's.
  | 'authors:link'
  | 'subscribers:view'
  | 'subscribers:manage'
  | 'banner:manage'
  | 'front-page:manage'
  | 'site:manage';

// Each role has everything the one before it has, and more.
const contributor: readonly Permission[] = ['editor:enter', 'drafts:write-own'];
const editor: readonly Permission[] = [
  ...contributor,
  'drafts:edit-any',
  'drafts:publish',
  'corrections:write',
  'newsletter:send',
  'sections:manage',
  'banner:manage',
  'front-page:manage',
  'authors:manage',
];
const admin: readonly Permission[] = [...editor, 'people:manage', 'authors:link', 'subscribers:view', 'subscribers:manage', 'site:manage'];

const granted: Record<Role, readonly Permission[]> = { contributor, editor, admin };

export function can(role: Role, permission: Permission): boolean {
  return granted[role].includes(permission);
}

export const roleLabels: Record<Role, string> = {
  contributor: 'Contributor',
  editor: 'Editor',
  admin: 'Admin',
};
