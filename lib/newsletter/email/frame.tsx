import { Body, Container, Head, Html, Link, Preview } from '@react-email/components';
import type { ReactNode } from 'react';

import type { Site } from '../../content/types';
import { absoluteUrl, routes } from '../../routes';
import { darkModeCss, GUTTER, ink, palette, serif, WIDTH } from './styles';

/** The padding of a column of text on the paper. */
export const column = { padding: `0 ${GUTTER}px` };

/** What every newsletter email sits in: the dark-mode-aware head, the inbox's preview line, the 600 px paper. */
export function EmailFrame({ site, title, preview, children }: { site: Site; title: string; preview: string; children: ReactNode }) {
  return (
    <Html lang={site.language}>
      <Head>
        <title>{title}</title>
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <style>{darkModeCss}</style>
      </Head>
      <Preview>{preview}</Preview>
      <Body className="em-page" style={{ margin: 0, padding: '24px 0', backgroundColor: palette.page, color: palette.text, fontFamily: serif }}>
        <Container className="em-paper" width={WIDTH} style={{ ...ink, maxWidth: `${WIDTH}px`, width: '100%' }}>
          {children}
        </Container>
      </Body>
    </Html>
  );
}

/** The publication's name at the top, linking to its home page. */
export function Masthead({ site }: { site: Site }) {
  return (
    <Link href={absoluteUrl(site, routes.home())} style={{ ...ink, fontFamily: serif, fontSize: '22px', fontWeight: 700, textDecoration: 'none' }}>
      {site.name}
    </Link>
  );
}
