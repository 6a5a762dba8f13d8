import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { subscribeAction } from '@/app/(site)/newsletter/actions';
import { HomeView } from '@/components/home-view';
import { JsonLd } from '@/components/json-ld';
import { getHomePage, getSite } from '@/lib/content';
import { organizationJsonLd, websiteJsonLd } from '@/lib/seo/json-ld';
import { feedAlternates } from '@/lib/seo/metadata';

export async function generateMetadata(): Promise<Metadata> {
  const site = await getSite();
  return { alternates: { canonical: '/', types: feedAlternates(site.name) } };
}

export default async function HomePage() {
  const [site, home] = await Promise.all([getSite(), getHomePage(1)]);
  if (!home) notFound();
  return (
    <>
      <JsonLd data={organizationJsonLd(site)} />
      <JsonLd data={websiteJsonLd(site)} />
      <HomeView site={site} lead={home.lead} featured={home.featured} latest={home.latest} subscribe={subscribeAction} />
    </>
  );
}
