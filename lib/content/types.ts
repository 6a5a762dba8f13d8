import type { z } from 'zod';

import type { ImageSize } from './images';
import type { authorSchema, Category, Frontmatter, Site } from './schema';

export type { Category, Site };

export type Author = z.infer<typeof authorSchema> & {
  slug: string;
  picture: z.infer<typeof authorSchema>['picture'] & ImageSize;
};

export type Article = Omit<Frontmatter, 'category' | 'author' | 'authors' | 'credit' | 'hero'> & {
  slug: string;
  category: Category;
  /** The byline, in order: at least one. */
  authors: Author[];
  /** Free text after the byline ("Additional reporting by …"); absent for none. */
  credit?: string;
  hero: Frontmatter['hero'] & ImageSize;
  /** MDX source of the body, without frontmatter. */
  body: string;
  /** Where it came from, for error messages. */
  file: string;
  /**
   * Words a reader reads, and the minutes that takes (lib/content/reading-time.ts). Missing only on a
   * newsroom article published before counts were stored, until the start-up count reaches it.
   */
  words?: number;
  readingMinutes?: number;
};

/** A correction or clarification as readers see it, newest first on its article. */
export type ArticleCorrection = Article['corrections'][number];

export type Content = {
  site: Site;
  categories: Category[];
  authors: Map<string, Author>;
  articles: Article[];
};

export type Page<T> = { items: T[]; page: number; totalPages: number; total: number };

export type Tag = { slug: string; name: string; count: number };

export type ArchiveMonth = { year: number; month: number; count: number };
