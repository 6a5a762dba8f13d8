import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import matter from 'gray-matter';
import type { z } from 'zod';

import { env } from '../env.mjs';
import { isSlug } from '../validation';
import { cacheKey, defaultCacheDir, readCached, writeCached } from './disk-cache';
import { ContentError, describeIssues } from './errors';
import { getImageSize, publicFileExists } from './images';
import { parseMdx } from './mdx-tree';
import { contentRoot, publicRoot, relativeToProject } from './paths';
import { countWords, readingOf, WORD_COUNT_VERSION } from './reading-time';
import { authorSchema, categoriesSchema, frontmatterSchema, siteSchema } from './schema';
import type { Article, Author, Content } from './types';

type Roots = { content: string; public: string; cache: string };

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new ContentError(relativeToProject(file), ['file is missing or unreadable']);
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ContentError(relativeToProject(file), [`is not valid JSON: ${(error as Error).message}`]);
  }
}

function validate<T extends z.ZodType>(schema: T, data: unknown, file: string): z.infer<T> {
  const result = schema.safeParse(data);
  if (!result.success) throw new ContentError(relativeToProject(file), describeIssues(result.error.issues, data));
  return result.data;
}

async function listFiles(dir: string, extension: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith(extension)).sort();
}

async function loadAuthors(roots: Roots): Promise<Map<string, Author>> {
  const dir = path.join(roots.content, 'authors');
  const authors = new Map<string, Author>();
  for (const name of await listFiles(dir, '.json')) {
    const file = path.join(dir, name);
    const data = validate(authorSchema, await readJson(file), file);
    if (!publicFileExists(data.picture.src, roots.public)) {
      throw new ContentError(relativeToProject(file), [
        `field "picture.src" points to public${data.picture.src}, which does not exist. Fix: add the file or correct the path`,
      ]);
    }
    const slug = name.slice(0, -'.json'.length);
    const size = await getImageSize(data.picture.src, roots.public);
    authors.set(slug, { ...data, slug, picture: { ...data.picture, ...size } });
  }
  return authors;
}

// content/ is trusted (reviewed through git), so its bodies are parsed here, on the main thread, as
// the compiler reads them: a body the compiler would refuse stops the load with the file's name.
// Parsing is most of what reading content/ costs (5 s for 1,000 articles), so each body's count is
// kept on disk by a hash of the body: a body that was counted once parsed, and is not parsed again
// by build workers started later, the next build or the server.
async function countWordsOf(body: string, where: string, cacheDir: string): Promise<number> {
  const name = `${cacheKey(`words ${WORD_COUNT_VERSION}`, body)}.words`;
  const cached = await readCached(cacheDir, name);
  if (cached !== null && /^\d+$/.test(cached)) return Number(cached);
  let words: number;
  try {
    words = countWords(parseMdx(body));
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string };
    const at = place.line ? ` at line ${place.line}, column ${place.column ?? 1} of the body` : '';
    throw new ContentError(where, [`is not valid MDX${at}: ${place.reason ?? (error as Error).message}`]);
  }
  await writeCached(cacheDir, name, String(words));
  return words;
}

async function loadArticle(file: string, content: Omit<Content, 'articles'>, roots: Roots): Promise<Article> {
  const name = path.basename(file, '.mdx');
  const where = relativeToProject(file);
  if (!isSlug(name)) {
    throw new ContentError(where, ['file name must be a lower-case slug such as "council-budget-2027.mdx"']);
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ContentError(where, [`frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0]}`]);
  }
  const data = validate(frontmatterSchema, parsed.data, file);
  const problems: string[] = [];
  const category = content.categories.find((candidate) => candidate.slug === data.category);
  if (!category) {
    const known = content.categories.map((candidate) => candidate.slug).join(', ');
    problems.push(`field "category" is "${data.category}", which is not a known category. Fix: use one of ${known}`);
  }
  const field = data.authors ? 'authors' : 'author';
  const slugs = data.authors ?? (data.author ? [data.author] : []);
  const authors = slugs.flatMap((slug) => content.authors.get(slug) ?? []);
  for (const slug of slugs.filter((candidate) => !content.authors.has(candidate))) {
    const known = [...content.authors.keys()].join(', ');
    problems.push(`field "${field}" ${field === 'author' ? 'is' : 'names'} "${slug}", which is not a known author. Fix: use one of ${known}`);
  }
  if (!publicFileExists(data.hero.src, roots.public)) {
    problems.push(`field "hero.src" points to public${data.hero.src}, which does not exist. Fix: add the file or correct the path`);
  }
  if (problems.length > 0 || !category) throw new ContentError(where, problems);
  const body = parsed.content;
  const words = await countWordsOf(body, where, roots.cache);
  const size = await getImageSize(data.hero.src, roots.public);
  const { author: _author, authors: _authors, credit, ...rest } = data;
  return {
    ...rest,
    slug: name,
    category,
    authors,
    ...(credit ? { credit } : {}),
    hero: { ...data.hero, ...size },
    body,
    file: where,
    ...readingOf(words),
  };
}

/** Reads and validates every content file; any problem stops with a ContentError naming file, field and fix. */
export async function loadContent(roots: Roots = { content: contentRoot, public: publicRoot, cache: defaultCacheDir() }): Promise<Content> {
  const siteFile = path.join(roots.content, 'site.json');
  const site = validate(siteSchema, await readJson(siteFile), siteFile);
  if (env.SITE_URL) site.url = env.SITE_URL;
  site.url = site.url.replace(/\/+$/, '');
  const categoriesFile = path.join(roots.content, 'categories.json');
  const categories = validate(categoriesSchema, await readJson(categoriesFile), categoriesFile);
  const authors = await loadAuthors(roots);
  const dir = path.join(roots.content, 'articles');
  const files = await listFiles(dir, '.mdx');
  const articles = await Promise.all(
    files.map((name) => loadArticle(path.join(dir, name), { site, categories, authors }, roots)),
  );
  articles.sort((a, b) => b.published.getTime() - a.published.getTime() || a.slug.localeCompare(b.slug));
  return { site, categories, authors, articles };
}

const ONCE = Symbol.for('broadsheet.content');

/**
 * content/ read once for the whole process. Next.js gives proxy.ts, the pages and the route handlers
 * module instances of their own, so a module's variable would read it once for each (three times in
 * `next start`, twice in each build worker); the process's global object is the one they share.
 */
export function loadContentOnce(): Promise<Content> {
  const shared = globalThis as { [ONCE]?: Promise<Content> };
  shared[ONCE] ??= loadContent().catch((error: unknown) => {
    delete shared[ONCE];
    throw error;
  });
  return shared[ONCE];
}
