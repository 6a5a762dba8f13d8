import type { ReactNode } from 'react';

import { SignOutForm } from '@/components/editor/sign-out-form';
import { can, roleLabels } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { routes } from '@/lib/routes';

import { logoutAction } from '../(public)/actions';

export default async function EditorShell({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const links = [
    { href: routes.editor.home(), label: 'Overview', show: true },
    { href: routes.editor.drafts(), label: 'Drafts', show: can(user.role, 'drafts:write-own') },
    { href: routes.editor.review(), label: 'Review', show: can(user.role, 'drafts:edit-any') },
    { href: routes.editor.sections(), label: 'Sections', show: can(user.role, 'sections:manage') },
    { href: routes.editor.frontPage(), label: 'Front page', show: can(user.role, 'front-page:manage') },
    { href: routes.editor.newsletter(), label: 'Newsletter', show: can(user.role, 'newsletter:send') },
    { href: routes.editor.authors(), label: 'Authors', show: can(user.role, 'authors:manage') },
    { href: routes.editor.people(), label: 'People', show: can(user.role, 'people:manage') },
    { href: routes.editor.subscribers(), label: 'Subscribers', show: can(user.role, 'subscribers:view') },
    { href: routes.editor.settings(), label: 'Site settings', show: can(user.role, 'site:manage') },
    { href: routes.editor.account(), label: 'Your account', show: true },
  ].filter((link) => link.show);
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="editor-header">
        <p className="editor-header__title">Newsroom</p>
        <nav aria-label="Newsroom">
          <ul role="list" className="nav-list">
            {links.map((link) => (
              <li key={link.href}>
                <a href={link.href}>{link.label}</a>
              </li>
            ))}
            <li>
              <a href="/">View site</a>
            </li>
          </ul>
        </nav>
        <div className="editor-header__user">
          <span>
            Signed in as <strong>{user.name}</strong> ({roleLabels[user.role]})
          </span>
          <SignOutForm writerId={user.id} action={logoutAction} />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="editor-main">
        {children}
      </main>
    </>
  );
}
