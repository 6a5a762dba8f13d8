// The floor of bench/load.ts: a throwaway Next.js app built with this repository's next, whose one
// static page weighs what the benchmarked article weighs gzipped (within 2 %), and about as much plain.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Plain paragraphs of article bodies (no components, headings, lists, tables, images, expressions or imports), in order. */
export function prose(articles: { body: string }[]): string[] {
  return articles.flatMap((article) =>
    article.body
      .split(/\n\s*\n/)
      .map((block) => block.trim().replaceAll('\n', ' '))
      .filter((block) => block && !/^(<|#|import |export |[-*] |\d+\. |>|\||!\[)/.test(block) && !block.includes('{')),
  );
}

const synthetic = (index: number) =>
  `Paragraph ${index} of the floor page: plain prose about the valley, the river and the town, long enough that the page weighs what an article does.`;

/** What a page of these paragraphs weighs, gzipped, roughly as Next.js renders it: as HTML and again as an escaped payload. */
const gzippedWeight = (paragraphs: string[]) => gzipSync(paragraphs.map((text) => `<p>${text}</p>`).join('') + JSON.stringify(JSON.stringify(paragraphs))).length;

/**
 * About `bytes` of paragraphs whose estimated gzipped weight is about `gzipped`: real paragraphs
 * first, then synthetic ones, in the mix whose weight matches. gzip is most of what a static page
 * costs, so a floor that compresses differently measures something else: synthetic paragraphs
 * varied only by their number compress 17:1 and answered more than twice as fast as an article of
 * the same size; the newsroom's prose alone compresses worse than the article's markup does.
 */
function paragraphsWeighing(bytes: number, gzipped: number, real: string[]): string[] {
  // Paragraphs are about 2.4 times their text in the page: once as HTML, once escaped in the payload.
  const fill = (realCount: number) => {
    const chosen: string[] = [];
    for (let length = 0, index = 0; length < bytes / 2.4; index += 1) {
      chosen.push(index < realCount ? real[index]! : synthetic(index));
      length += chosen.at(-1)!.length;
    }
    return chosen;
  };
  // Each real paragraph once: repeated text compresses better, and the weight would stop growing with the count.
  let [low, high] = [0, Math.min(real.length, fill(0).length)];
  if (gzippedWeight(fill(high)) < gzipped) throw new Error(`The sample articles have too little plain prose (${real.length} paragraphs) for a floor of ${gzipped} gzipped bytes.`);
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (gzippedWeight(fill(middle)) < gzipped) low = middle + 1;
    else high = middle;
  }
  return fill(low);
}

/**
 * Writes and builds the app in `dir`: at `/`, one static page of `paragraphs`; at `/bare`, a page
 * with one heading (what the framework costs for nearly no HTML). Returns the prerendered `/`.
 */
function build(dir: string, paragraphs: string[]): string {
  mkdirSync(path.join(dir, 'app', 'bare'), { recursive: true });
  // This repository's next and react. Turbopack compiles only files under its root, and the linked
  // node_modules lies outside the temporary folder: so the root is the filesystem's.
  symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'floor', private: true }));
  writeFileSync(path.join(dir, 'next.config.mjs'), "export default { poweredByHeader: false, turbopack: { root: '/' } };\n");
  writeFileSync(path.join(dir, 'app', 'layout.jsx'), 'export default function Layout({ children }) { return <html lang="en"><body>{children}</body></html>; }\n');
  writeFileSync(path.join(dir, 'app', 'bare', 'page.jsx'), 'export default function Page() { return <main><h1>Bare</h1></main>; }\n');
  // The text is written into the source, so the prerendered HTML carries it twice (as HTML and in
  // the React payload), like a real page.
  writeFileSync(
    path.join(dir, 'app', 'page.jsx'),
    `const paragraphs = ${JSON.stringify(paragraphs)};\nexport default function Page() { return <main><h1>Floor</h1>{paragraphs.map((text, index) => <p key={index}>{text}</p>)}</main>; }\n`,
  );
  execFileSync(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'build'], {
    cwd: dir,
    stdio: 'ignore',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  return readFileSync(path.join(dir, '.next', 'server', 'app', 'index.html'), 'utf8');
}

/**
 * Builds the floor for `articleHtml` from `real` paragraphs, in a temporary folder it returns. The
 * estimate leaves out the framework's own markup and how its payload is split, so the build is
 * measured and redone with the target moved by the miss, until the floor's gzipped size is within
 * 2 % of the article's (at most three builds).
 */
export function buildFloor(articleHtml: string, real: string[]): string {
  const goal = gzipSync(articleHtml).length;
  let target = goal;
  for (let attempt = 1; ; attempt += 1) {
    const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-floor-'));
    try {
      const miss = gzipSync(build(dir, paragraphsWeighing(articleHtml.length, target, real))).length - goal;
      if (Math.abs(miss) <= goal * 0.02) return dir;
      if (attempt === 3) {
        console.warn(`The floor's gzipped size is still ${miss} bytes off the article's after three builds.`);
        return dir;
      }
      target -= miss;
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `next start` of the floor app in `dir`, on 127.0.0.1:`port`, in a process group of its own. */
export function startFloor(dir: string, port: number): ChildProcess {
  return spawn(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: dir,
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
}
