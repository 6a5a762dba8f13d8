import '../styles/newsroom.css';
import '../styles/editor.css';

import type { Metadata } from 'next';
import type { ReactNode } from 'react';

// Every newsroom page depends on who is asking: never prerendered, never cached.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function EditorRoot({ children }: { children: ReactNode }) {
  return <div className="editor">{children}</div>;
}
