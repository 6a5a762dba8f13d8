import { Hr, Link, Section, Text } from '@react-email/components';

import type { Site } from '../../content/types';
import { column, EmailFrame, Masthead } from './frame';
import { GUTTER, heading, link, mutedInk, palette, small, text } from './styles';

export type WelcomeEmailProps = { site: Site; subject: string; body: string; unsubscribeUrl: string };

/** The welcome's plain text as paragraphs: a blank line separates them, a single line break stays one. */
export const paragraphs = (body: string) =>
  body
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);

/** The one email a reader gets after confirming: the site's own words, from content/site.json. */
export function WelcomeEmail({ site, subject, body, unsubscribeUrl }: WelcomeEmailProps) {
  const [first = ''] = paragraphs(body);
  return (
    <EmailFrame site={site} title={subject} preview={first.slice(0, 140)}>
      <Section style={{ ...column, paddingTop: `${GUTTER}px` }}>
        <Masthead site={site} />
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
    </EmailFrame>
  );
}
