import { Button, Hr, Img, Link, Section, Text } from '@react-email/components';
import { getMDXComponent } from 'mdx-bundler/client';

import { bylineOf } from '../../content/byline';
import type { Article, Site } from '../../content/types';
import { formatDate } from '../../dates/format';
import { absoluteUrl, routes } from '../../routes';
import { emailBodyComponents } from './body-components';
import { column, EmailFrame, Masthead } from './frame';
import { emailImageSrc } from './image';
import { GUTTER, heading, link, mutedInk, palette, sans, small, text, WIDTH } from './styles';

export type ArticleEmailProps = { article: Article; code: string; site: Site; unsubscribeUrl: string };

/** One article as a newsletter: masthead, headline, standfirst, byline, hero, body, a link to the site, why it came. */
export function ArticleEmail({ article, code, site, unsubscribeUrl }: ArticleEmailProps) {
  const Article = getMDXComponent(code);
  const articleUrl = absoluteUrl(site, routes.article(article.slug));
  const hero = emailImageSrc(site, article.hero.src, WIDTH);
  return (
    <EmailFrame site={site} title={article.title} preview={article.standfirst}>
      <Section style={{ ...column, paddingTop: `${GUTTER}px` }}>
        <Masthead site={site} />
        <Text className="em-muted" style={{ ...small, margin: '4px 0 0', textTransform: 'uppercase', letterSpacing: '0.05em' }}>
          {article.category.name}
        </Text>
        <Hr style={{ borderColor: palette.rule, margin: '12px 0 0' }} />
        <h1 style={{ ...heading(30), margin: '20px 0 12px' }}>{article.title}</h1>
        <Text style={{ ...text, fontSize: '19px', ...mutedInk }} className="em-muted">
          {article.standfirst}
        </Text>
        <Text className="em-muted" style={{ ...small, margin: '0 0 16px' }}>
          {`By ${bylineOf(article)} · ${formatDate(article.published, site)}`}
        </Text>
        {article.credit ? (
          <Text className="em-muted" style={{ ...small, margin: '-12px 0 16px' }}>
            {article.credit}
          </Text>
        ) : null}
      </Section>
      {hero ? (
        <Section>
          <Img src={hero} alt={article.hero.alt} width={WIDTH} style={{ width: '100%', maxWidth: `${WIDTH}px`, height: 'auto' }} />
          {article.hero.credit ? (
            <Text className="em-muted" style={{ ...small, padding: `4px ${GUTTER}px 0` }}>
              {article.hero.credit}
            </Text>
          ) : null}
        </Section>
      ) : null}
      <Section style={{ ...column, paddingTop: '16px' }}>
        {/* eslint-disable-next-line react-hooks/static-components -- rendered once to a string: each body is its own compiled component and keeps no state */}
        <Article components={emailBodyComponents(site)} />
        <Section style={{ margin: '24px 0 32px' }}>
          <Button
            href={articleUrl}
            className="em-button"
            style={{
              backgroundColor: palette.accent,
              color: palette.accentText,
              fontFamily: sans,
              fontSize: '16px',
              fontWeight: 700,
              padding: '12px 20px',
              borderRadius: '4px',
              textDecoration: 'none',
            }}
          >
            Read on the site
          </Button>
        </Section>
      </Section>
      <Section style={{ ...column, paddingBottom: `${GUTTER}px` }}>
        <Hr style={{ borderColor: palette.rule, margin: '0 0 16px' }} />
        <Text className="em-muted" style={small}>
          {`You are receiving this because you subscribed to ${site.name}’s newsletter.`}
        </Text>
        <Text className="em-muted" style={small}>
          <Link href={unsubscribeUrl} style={{ ...link, ...mutedInk }}>
            Unsubscribe
          </Link>{' '}
          ·{' '}
          <Link href={articleUrl} style={{ ...link, ...mutedInk }}>
            {articleUrl}
          </Link>
        </Text>
      </Section>
    </EmailFrame>
  );
}
