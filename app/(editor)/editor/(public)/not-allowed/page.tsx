import type { Metadata } from 'next';

import { routes } from '@/lib/routes';

export const metadata: Metadata = { title: 'Not allowed', robots: { index: false } };

export default function NotAllowedPage() {
  return (
    <main id="main" className="editor-auth">
      <h1>Your role does not include this page</h1>
      <p>Ask an admin of the newsroom if you need access.</p>
      <p>
        <a href={routes.editor.home()}>Back to the newsroom</a>
      </p>
    </main>
  );
}
