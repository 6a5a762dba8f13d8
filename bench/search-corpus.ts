// 10,000 articles like ours for the search benchmark: sentences and lengths drawn from the sample
// articles in content/, with names and places of a made-up county mixed in so that words range
// from everywhere to once.
import { randomUUID } from 'node:crypto';
import type { SearchEntry } from '../db/queries/search-index';
import { loadContent } from '../lib/content/load';
import { plainText } from '../lib/search/plain-text';

const SYLLABLES = ['bar', 'ton', 'wick', 'ley', 'ford', 'mere', 'holm', 'by', 'stow', 'combe', 'ham', 'worth', 'den', 'field', 'gate'];

/** A deterministic generator, so two runs search the same archive. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

export async function benchCorpus(count: number) {
  const content = await loadContent();
  const next = random(42);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  const bodies = content.articles.map((article) => plainText(article.body));
  const sentences = bodies.flatMap((body) => body.split(/(?<=[.!?])\s+/)).filter((sentence) => sentence.split(' ').length > 4);
  const lengths = bodies.map((body) => body.split(' ').length);
  const names = Array.from({ length: 3000 }, () => `${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SYLLABLES)}`.replace(/^./, (c) => c.toUpperCase()));
  const authors = Array.from({ length: 40 }, (_, n) => ({ slug: `bench-author-${n}`, name: `${pick(names)} ${pick(names)}` }));
  const sections = content.categories.map((category) => category.slug);
  const words = (text: string) => text.split(' ');

  const entries: SearchEntry[] = [];
  for (let n = 0; n < count; n += 1) {
    const target = Math.round(pick(lengths) * (0.7 + next() * 0.6));
    const body: string[] = [];
    while (body.length < target) {
      // One sentence in four names somebody or somewhere of the county.
      const sentence = words(pick(sentences));
      if (next() < 0.25) sentence.splice(Math.floor(next() * sentence.length), 0, pick(names));
      body.push(...sentence);
    }
    const author = pick(authors);
    const title = `${pick(names)} ${words(pick(sentences)).slice(0, 4 + Math.floor(next() * 5)).join(' ').replace(/[.,;:]$/, '')}`;
    entries.push({
      id: `draft/${randomUUID()}`,
      source: 'newsroom',
      slug: `bench-${n}`,
      title,
      standfirst: words(pick(sentences)).slice(0, 25).join(' '),
      body: body.join(' '),
      keywords: `${pick(names).toLowerCase()} ${author.name}`,
      section: pick(sections),
      authorSlug: author.slug,
      authorName: author.name,
      published: new Date(Date.UTC(2016, 0, 1) + next() * 10 * 365 * 86_400_000),
      hash: 'bench',
      config: 'broadsheet_english',
    });
  }
  return { entries, sentences, names, authors, sections, averageWords: entries.reduce((sum, entry) => sum + words(entry.body).length, 0) / count };
}

export type Corpus = Awaited<ReturnType<typeof benchCorpus>>;

/** 200 queries as readers type them: common and rare words, pairs, phrases, exclusions, typos, filters. */
export function benchQueries(corpus: Corpus, total = 200): { q: string; section?: string; author?: string; from?: string; to?: string }[] {
  const next = random(7);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  const word = () => pick(pick(corpus.sentences).split(' ').filter((w) => /^[a-z]{5,}$/.test(w))) ?? 'council';
  const typo = (w: string) => `${w.slice(0, 2)}${w[3]}${w[2]}${w.slice(4)}`;
  const kinds = [
    () => ({ q: word() }),
    () => ({ q: pick(corpus.names) }),
    () => ({ q: `${word()} ${word()}` }),
    () => ({ q: `"${pick(corpus.sentences).split(' ').slice(1, 3).join(' ')}"` }),
    () => ({ q: `${word()} -${word()}` }),
    () => ({ q: typo(word()) }),
    () => ({ q: word(), section: pick(corpus.sections) }),
    () => ({ q: word(), author: pick(corpus.authors).slug, from: '2019-01-01', to: '2023-12-31' }),
  ];
  return Array.from({ length: total }, (_, n) => kinds[n % kinds.length]!());
}
