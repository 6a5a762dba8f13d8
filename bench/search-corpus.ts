// 10,000 articles like ours for the search benchmark: sentences and lengths drawn from the sample
// articles in content/. Twelve articles hold only about 2,000 distinct words, where a real archive
// of 10,000 holds tens of thousands: so each article gets its own subject, words drawn from a large
// made-up vocabulary with Zipf's law that stand in for the sample's subject words (those used by at
// most three of the twelve). Words every story uses ("council", "said") are kept, so a common word
// still matches most of the archive, and names and places of a made-up county are mixed in.
import { randomUUID } from 'node:crypto';

import type { SearchEntry } from '../db/queries/search-index';
import { loadContent } from '../lib/content/load';
import { plainText } from '../lib/search/plain-text';

const SYLLABLES = ['bar', 'ton', 'wick', 'ley', 'ford', 'mere', 'holm', 'by', 'stow', 'combe', 'ham', 'worth', 'den', 'field', 'gate'];
const ONSETS = ['b', 'br', 'c', 'ch', 'cl', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pl', 'r', 's', 'sh', 'sl', 'st', 't', 'th', 'tr', 'v', 'w'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'oo'];
const CODAS = ['', 'n', 'r', 'l', 'st', 'nd', 'ck', 'm', 't', 'ng', 'sh', 'rd', 'lt'];
const VOCABULARY = 40_000;
const NAMES = 6_000;
const SUBJECT_WORDS = 60;
const ZIPF_OFFSET = 50;

/** A deterministic generator (mulberry32), so two runs search the same archive. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const tokens = (text: string) => text.split(' ');

export async function benchCorpus(count: number) {
  const content = await loadContent();
  const next = random(42);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  // Rank r drawn with probability about 1/(r + 50) (Zipf-Mandelbrot): a few words in thousands of
  // articles, most in a handful; the commonest subject word reaches about one article in six.
  const zipf = <T>(items: T[]): T => items[Math.floor(ZIPF_OFFSET * ((items.length + ZIPF_OFFSET) / ZIPF_OFFSET) ** next()) - ZIPF_OFFSET]!;
  const unique = (size: number, make: () => string) => {
    const made = new Set<string>();
    while (made.size < size) made.add(make());
    return [...made];
  };
  const bodies = content.articles.map((article) => plainText(article.body));
  const sentences = bodies.flatMap((body) => body.split(/(?<=[.!?])\s+/)).filter((sentence) => tokens(sentence).length > 4);
  const lengths = bodies.map((body) => tokens(body).length);
  const usedBy = new Map<string, number>();
  for (const body of bodies) for (const word of new Set(body.toLowerCase().match(/[a-z]+/g))) usedBy.set(word, (usedBy.get(word) ?? 0) + 1);
  const isSubjectWord = (word: string) => /^[a-z]{4,}$/.test(word) && (usedBy.get(word) ?? 0) <= 3;
  const syllable = () => `${pick(ONSETS)}${pick(VOWELS)}${pick(CODAS)}`;
  const vocabulary = unique(VOCABULARY, () => `${syllable()}${syllable()}${next() < 0.3 ? syllable() : ''}`);
  const names = unique(NAMES, () => `${pick(SYLLABLES)}${pick(SYLLABLES)}${next() < 0.5 ? pick(SYLLABLES) : syllable()}`.replace(/^./, (c) => c.toUpperCase()));
  const authors = Array.from({ length: 40 }, (_, n) => ({ slug: `bench-author-${n}`, name: `${pick(names)} ${pick(names)}` }));
  const sections = content.categories.map((category) => category.slug);

  const entries: SearchEntry[] = [];
  for (let n = 0; n < count; n += 1) {
    const subject = Array.from({ length: SUBJECT_WORDS }, () => zipf(vocabulary));
    const sentence = () => tokens(pick(sentences)).map((token) => token.replace(/^[a-z]+/, (word) => (isSubjectWord(word) ? pick(subject) : word)));
    const target = Math.round(pick(lengths) * (0.7 + next() * 0.6));
    const body: string[] = [];
    while (body.length < target) {
      // One sentence in four names somebody or somewhere of the county.
      const words = sentence();
      if (next() < 0.25) words.splice(Math.floor(next() * words.length), 0, zipf(names));
      body.push(...words);
    }
    const author = pick(authors);
    const title = `${zipf(names)} ${sentence()
      .slice(0, 4 + Math.floor(next() * 5))
      .join(' ')
      .replace(/[.,;:]$/, '')}`;
    entries.push({
      id: `draft/${randomUUID()}`,
      source: 'newsroom',
      slug: `bench-${n}`,
      title,
      standfirst: sentence().slice(0, 25).join(' '),
      body: body.join(' '),
      keywords: `${zipf(names).toLowerCase()} ${author.name}`,
      section: pick(sections),
      authorSlugs: [author.slug],
      byline: author.name,
      published: new Date(Date.UTC(2016, 0, 1) + next() * 10 * 365 * 86_400_000),
      hash: 'bench',
      config: 'broadsheet_english',
    });
  }
  return { entries, names, authors, sections, averageWords: entries.reduce((sum, entry) => sum + tokens(entry.body).length, 0) / count };
}

export type Corpus = Awaited<ReturnType<typeof benchCorpus>>;

/**
 * 200 queries as readers type them: common and rare words, pairs, phrases, exclusions, typos,
 * filters. Words come from random articles of the archive, so common words come up as often as
 * readers would meet them.
 */
export function benchQueries(corpus: Corpus, total = 200): { q: string; section?: string; author?: string; from?: string; to?: string }[] {
  const next = random(7);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  const text = () => tokens(pick(corpus.entries).body);
  const word = () => pick(text().filter((w) => /^[a-z]{5,}$/.test(w))) ?? 'council';
  const phrase = () => {
    const words = text();
    const start = Math.floor(next() * (words.length - 2));
    return `"${words
      .slice(start, start + 2)
      .join(' ')
      .replace(/[^\p{L}\s]/gu, '')}"`;
  };
  const typo = (w: string) => `${w.slice(0, 2)}${w[3]}${w[2]}${w.slice(4)}`;
  const kinds = [
    () => ({ q: word() }),
    () => ({ q: pick(corpus.names) }),
    () => ({ q: `${word()} ${word()}` }),
    () => ({ q: phrase() }),
    () => ({ q: `${word()} -${word()}` }),
    () => ({ q: typo(word()) }),
    () => ({ q: word(), section: pick(corpus.sections) }),
    () => ({ q: word(), author: pick(corpus.authors).slug, from: '2019-01-01', to: '2023-12-31' }),
  ];
  return Array.from({ length: total }, (_, n) => kinds[n % kinds.length]!());
}
