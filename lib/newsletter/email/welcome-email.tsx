import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';

import type { Site } from '../../content/types';
import { absoluteUrl, routes } from '../../routes';
import { darkModeCss, GUTTER, heading, ink, link, mutedInk, palette, serif, small, text, WIDTH } from './styles';

export type WelcomeEmailProps = { site: Site; subject: string; body: string; unsubscribeUrl: string };

/** The welcome's plain text as paragraphs: a blank line separates them, a single line break stays one. */
export const paragraphs = (body: string) =>
  body
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);

/** The one email a reader gets after confirming: the site's own words, from content/site.json. */
export function WelcomeEmail({ site, subject, body, unsubscribeUrl }: WelcomeEmailProps) {
  const column = { padding: `0 ${GUTTER}px` };
  const [first = ''] = paragraphs(body);
  return (
    <Html lang={site.language}>
      <Head>
        <title>{subject}</title>
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <style>{darkModeCss}</style>
      </Head>
      <Preview>{first.slice(0, 140)}</Preview>
      <Body className="em-page" style={{ margin: 0, padding: '24px 0', backgroundColor: palette.page, color: palette.text, fontFamily: serif }}>
        <Container className="em-paper" width={WIDTH} style={{ ...ink, maxWidth: `${WIDTH}px`, width: '100%' }}>
          <Section style={{ ...column, paddingTop: `${GUTTER}px` }}>
            <Link href={absoluteUrl(site, routes.home())} style={{ ...ink, fontFamily: serif, fontSize: '22px', fontWeight: 700, textDecoration: 'none' }}>
              {site.name}
            </Link>
            <Hr style={{ borderColor: palette.rule, margin: '12px 0 0' }} />
            <h1 style={{ ...heading(26), margin: '20px 0 12px' }}>{subject}</h1>
            {paragraphs(body).map((paragraph, index) => (
              <Text key={index} style={{ ...text, whiteSpace: 'pre-line' }}>
                {paragraph}
              </Text>
            ))}
          </Section>
          <Section style={{ ...column, paddingBottom: `${GUTTER}px` }}>
            <Hr style={{ borderColor: palette.rule, margin: '8px 0 16px' }} />
            <Text className="em-muted" style={small}>
              {`You are receiving this because you confirmed your subscription to ${site.name}’s newsletter. `}
              <Link href={unsubscribeUrl} style={{ ...link, ...mutedInk }}>
                Unsubscribe
              </Link>
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
