import { Hr, Img, Link } from '@react-email/components';
import type { ComponentProps, ReactNode } from 'react';

import type { Site } from '../../content/types';
import { absoluteUrl } from '../../routes';
import { emailImageSrc } from './image';
import { boxed, cell, COLUMN, heading, link, mutedInk, palette, small, text } from './styles';

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

type Props<T extends keyof React.JSX.IntrinsicElements> = ComponentProps<T> & Record<`data-${string}`, unknown>;

/** An address a reader can open from an inbox: site paths made absolute, in-page and script links refused. */
export function emailHref(site: Pick<Site, 'url'>, href: string | undefined): string | undefined {
  if (!href || href.startsWith('#') || !URL.canParse(href, `${site.url}/`)) return undefined;
  const address = absoluteUrl(site, href);
  return SAFE_PROTOCOLS.has(new URL(address).protocol) ? address : undefined;
}

function EmailImage({ site, src, alt }: { site: Site; src?: string; alt?: string }) {
  const address = emailImageSrc(site, src, COLUMN);
  if (!address) return <span style={mutedInk}>[Image unavailable{alt ? `: ${alt}` : ''}]</span>;
  return <Img src={address} alt={alt ?? ''} width={COLUMN} style={{ width: '100%', maxWidth: `${COLUMN}px`, height: 'auto', margin: '0 0 8px' }} />;
}

function Caption({ children }: { children: ReactNode }) {
  return (
    <p className="em-muted" style={small}>
      {children}
    </p>
  );
}

/**
 * The article body's MDX components for email: the same compiled body as the site, written with the
 * elements and inline styles mail clients understand. The newsroom components become their nearest
 * plain equivalent; links that only work inside the page (heading anchors, footnote jumps) are left out.
 */
export function emailBodyComponents(site: Site) {
  return {
    // The footnotes' heading is for screen readers on the site; here it is a small label above them.
    h2: ({ id, children }: Props<'h2'>) => <h2 style={id === 'footnote-label' ? { ...small, fontWeight: 700 } : heading(22)}>{children}</h2>,
    h3: ({ children }: Props<'h3'>) => <h3 style={heading(19)}>{children}</h3>,
    h4: ({ children }: Props<'h4'>) => <h4 style={heading(17)}>{children}</h4>,
    p: ({ children }: Props<'p'>) => <p style={text}>{children}</p>,
    a: ({ href, children, className, ...rest }: Props<'a'>) => {
      if (className?.includes('heading-anchor') || 'data-footnote-backref' in rest) return null;
      const address = emailHref(site, href);
      if (!address) return <>{children}</>;
      return (
        <Link href={address} style={link}>
          {children}
        </Link>
      );
    },
    ul: ({ children }: Props<'ul'>) => <ul style={{ ...text, paddingLeft: '24px' }}>{children}</ul>,
    ol: ({ children }: Props<'ol'>) => <ol style={{ ...text, paddingLeft: '24px' }}>{children}</ol>,
    li: ({ children }: Props<'li'>) => <li style={{ margin: '0 0 6px' }}>{children}</li>,
    blockquote: ({ children }: Props<'blockquote'>) => (
      <blockquote style={{ ...text, borderLeft: `3px solid ${palette.rule}`, paddingLeft: '16px', marginLeft: 0, fontStyle: 'italic' }}>{children}</blockquote>
    ),
    hr: () => <Hr style={{ borderColor: palette.rule, margin: '24px 0' }} />,
    table: ({ children }: Props<'table'>) => (
      // The plain-text part lays this out as a table too (react-email's dataTable format).
      <table data-text-format="dataTable" cellPadding={0} cellSpacing={0} style={{ borderCollapse: 'collapse', width: '100%', margin: '0 0 16px' }}>
        {children}
      </table>
    ),
    th: ({ children }: Props<'th'>) => <th style={{ ...cell, fontWeight: 700 }}>{children}</th>,
    td: ({ children }: Props<'td'>) => <td style={cell}>{children}</td>,
    // GFM footnotes: their list under a rule.
    section: ({ children }: Props<'section'>) => <div style={{ borderTop: `1px solid ${palette.rule}`, marginTop: '24px', paddingTop: '8px' }}>{children}</div>,
    img: ({ src, alt }: Props<'img'>) => <EmailImage site={site} src={typeof src === 'string' ? src : undefined} alt={alt} />,
    Image: ({ src, alt }: { src?: string; alt?: string }) => <EmailImage site={site} src={src} alt={alt} />,
    Figure: ({ src, alt, caption, credit }: { src: string; alt: string; caption?: string; credit?: string }) => (
      <div style={{ margin: '8px 0 20px' }}>
        <EmailImage site={site} src={src} alt={alt} />
        {caption || credit ? <Caption>{[caption, credit].filter(Boolean).join(' ')}</Caption> : null}
      </div>
    ),
    PullQuote: ({ children, cite }: { children: ReactNode; cite?: string }) => (
      <div style={{ borderTop: `2px solid ${palette.accent}`, borderBottom: `1px solid ${palette.rule}`, margin: '8px 0 20px', padding: '12px 0' }}>
        <div style={{ ...text, fontSize: '22px', lineHeight: '1.35', margin: '0 0 8px' }}>{children}</div>
        {cite ? <Caption>{`— ${cite}`}</Caption> : null}
      </div>
    ),
    Callout: ({ title, children }: { title?: string; kind?: string; children: ReactNode }) => (
      <div style={boxed}>
        {title ? <p style={{ ...text, fontWeight: 700, margin: '0 0 8px' }}>{title}</p> : null}
        {children}
      </div>
    ),
  };
}
