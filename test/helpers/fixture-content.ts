import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import sharp from 'sharp';

export type Fixture = { content: string; public: string; cache: string };

const site = {
  name: 'Test Gazette',
  shortName: 'Gazette',
  description: 'A fixture publication used by the unit tests.',
  url: 'https://gazette.example',
  locale: 'en-GB',
  language: 'en',
  timeZone: 'Europe/London',
  logoText: 'Test Gazette',
  navigation: [{ label: 'News', href: '/category/news' }],
  social: [],
  newsletter: { fromName: 'Test Gazette', fromAddress: 'news@gazette.example' },
};

export function articleSource(overrides: Record<string, string> = {}, body = '## A heading\n\nSome words here.\n') {
  const fields: Record<string, string> = {
    title: '"A perfectly fine headline"',
    standfirst: '"A standfirst that is long enough to pass the validation rules."',
    published: '2026-11-20T08:00:00Z',
    category: 'news',
    tags: '[one, two]',
    author: 'ann-author',
    hero: '\n  src: /images/hero.jpg\n  alt: "Grey hills under a pale sky"\n  credit: "Test art"',
    ...overrides,
  };
  const yaml = Object.entries(fields)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  return `---\n${yaml}\n---\n${body}`;
}

/** A small, valid content tree in a temporary folder; tests add or break files in it. */
export async function makeFixture(articles: Record<string, string>): Promise<Fixture> {
  const root = await mkdtemp(path.join(tmpdir(), 'broadsheet-content-'));
  const fixture = { content: path.join(root, 'content'), public: path.join(root, 'public'), cache: path.join(root, 'cache') };
  await mkdir(path.join(fixture.content, 'articles'), { recursive: true });
  await mkdir(path.join(fixture.content, 'authors'), { recursive: true });
  await mkdir(path.join(fixture.public, 'images'), { recursive: true });
  const jpeg = await sharp({ create: { width: 32, height: 18, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer();
  await writeFile(path.join(fixture.public, 'images', 'hero.jpg'), jpeg);
  await writeFile(path.join(fixture.content, 'site.json'), JSON.stringify(site));
  await writeFile(path.join(fixture.content, 'categories.json'), JSON.stringify([{ slug: 'news', name: 'News', description: 'All the news that fits.' }]));
  await writeFile(
    path.join(fixture.content, 'authors', 'ann-author.json'),
    JSON.stringify({
      name: 'Ann Author',
      role: 'Reporter',
      bio: 'Ann writes fixture articles for the unit tests.',
      picture: { src: '/images/hero.jpg', alt: 'Grey square standing in for a portrait' },
    }),
  );
  for (const [name, source] of Object.entries(articles)) {
    await writeFile(path.join(fixture.content, 'articles', name), source);
  }
  return fixture;
}
