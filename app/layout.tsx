import './styles/base.css';
import './styles/controls.css';
import './styles/site.css';
import './styles/cards.css';
import './styles/mdx.css';
import './styles/article.css';
import './styles/search.css';

import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';

import { getSite } from '@/lib/content';
import { routes } from '@/lib/routes';
import { feedAlternates } from '@/lib/seo/metadata';

import { serif } from './fonts';

export async function generateMetadata(): Promise<Metadata> {
  const site = await getSite();
  return {
    metadataBase: new URL(site.url),
    title: { default: site.name, template: `%s | ${site.name}` },
    description: site.description,
    applicationName: site.name,
    openGraph: { siteName: site.name, locale: site.locale.replace('-', '_'), type: 'website' },
    twitter: { card: 'summary_large_image' },
    alternates: { types: feedAlternates(site.name) },
  };
}

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#16171a' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const site = await getSite();
  return (
    <html lang={site.language} className={serif.variable}>
      <head>
        <link rel="search" type="application/opensearchdescription+xml" title={site.name} href={routes.openSearch()} />
      </head>
      <body>{children}</body>
    </html>
  );
}
