// `next build` with 1,000 more articles: a temporary copy of this repository's tracked files (with
// its node_modules linked) gets 1,000 generated sample articles in content/, is built, then one
// article is edited and it is built again on the first build's .next/cache. Prints each build's time
// and page count, with the load average.
//   npm run bench:build            BENCH_ARTICLES=2000 npm run bench:build
//   BENCH_BUILD_LOG=1 also prints each build's phases (compile, static generation) as Next.js reports them
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

const COUNT = Number(process.env.BENCH_ARTICLES ?? 1000);
const CATEGORIES = ['council', 'business', 'environment', 'culture', 'sport'];
const AUTHORS = ['maya-okafor', 'priya-raman', 'tom-hallett'];
const HEROES = [
  'allotment-rows',
  'bus-depot',
  'construction-cranes',
  'festival-lanterns',
  'flood-defences',
  'football-floodlights',
  'high-street-rain',
  'hills-wind-turbines',
  'lido',
  'theatre-stage',
  'town-hall',
  'train-platform',
];
const PLACES = ['Millbrook', 'Scarrowby', 'Hallowmere', 'Crickleden', 'Kilnfield', 'the Wend valley', 'Bridge Street', 'the market square'];
const SUBJECTS = [
  'the library',
  'the lido',
  'the bus station',
  'the allotments',
  'the playhouse',
  'the flood wall',
  'the high street',
  'the primary school',
  'the cycle path',
  'the community hall',
];
const VERBS = [
  'reopens',
  'wins funding',
  'faces a review',
  'gets a new timetable',
  'is put out to consultation',
  'celebrates fifty years',
  'is repaired after the storm',
  'gains volunteers',
];
const TAGS = Array.from({ length: 40 }, (_, index) => `bench-topic-${index + 1}`);

const pick = <T>(list: T[], index: number) => list[index % list.length]!;

function sentence(index: number, salt: number): string {
  return `${pick(PLACES, index + salt)} residents told the Ledger that ${pick(SUBJECTS, index * 3 + salt)} mattered to them, and ${salt + index} of them came to the meeting on the subject in ${pick(PLACES, index * 7 + salt + 1)}.`;
}

function article(index: number): string {
  const subject = pick(SUBJECTS, index);
  const place = pick(PLACES, index * 5);
  const published = new Date(Date.UTC(2023, 0, 1) + index * 26 * 3600 * 1000).toISOString();
  const paragraphs = (salt: number) => Array.from({ length: 5 }, (_, p) => Array.from({ length: 4 }, (_, s) => sentence(p * 4 + s, salt + index)).join(' ')).join('\n\n');
  return `---
title: "In ${place}, ${subject} ${pick(VERBS, index * 11)} (sample ${index + 1})"
standfirst: "A generated article for the build benchmark: ${subject} in ${place}, and what the people who use it said at the meeting."
published: ${published}
category: ${pick(CATEGORIES, index)}
tags: [${pick(TAGS, index)}, ${pick(TAGS, index * 7 + 3)}]
author: ${pick(AUTHORS, index)}
hero:
  src: /images/articles/${pick(HEROES, index)}.jpg
  alt: "A sample illustration standing in for a photograph of ${subject}."
  credit: "Illustration: Ledger sample art"
featured: false
---

${paragraphs(1)}

## What happens next

${paragraphs(2)}

## What people said

${paragraphs(3)}
`;
}

/** One `next build` in `dir`: seconds and the number of static pages it generated. */
function build(dir: string): { seconds: number; pages: number; load: number } {
  const load = loadavg()[0]!;
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`);
  if (process.env.BENCH_BUILD_LOG)
    console.log(
      result.stdout
        .split('\n')
        .filter((line) => /Compiled|TypeScript|Collecting|Generating static pages.* in |Finalizing/.test(line))
        .join('\n'),
    );
  const pages = Number(/Generating static pages[^(]*\((\d+)\/(\d+)\)\s+in/.exec(result.stdout)?.[2] ?? NaN);
  return { seconds, pages, load };
}

const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-build-'));
try {
  for (const file of execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    copyFileSync(file, path.join(dir, file));
  }
  symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
  // Turbopack compiles only files under its root, and the linked node_modules lies outside the copy.
  const config = path.join(dir, 'next.config.mjs');
  writeFileSync(config, readFileSync(config, 'utf8').replace('export default nextConfig;', "export default { ...nextConfig, turbopack: { root: '/' } };"));
  for (let index = 0; index < COUNT; index += 1) writeFileSync(path.join(dir, 'content', 'articles', `bench-${String(index + 1).padStart(4, '0')}.mdx`), article(index));

  const first = build(dir);
  const edited = path.join(dir, 'content', 'articles', 'bench-0001.mdx');
  writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nA correction added after publication, to rebuild with one article changed.\n`);
  const second = build(dir);
  console.table([
    { build: `first, ${COUNT} generated articles added`, 'time (s)': +first.seconds.toFixed(1), pages: first.pages, 'load average': first.load.toFixed(1) },
    { build: 'again after editing one article', 'time (s)': +second.seconds.toFixed(1), pages: second.pages, 'load average': second.load.toFixed(1) },
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
