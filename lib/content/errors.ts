import type { z } from 'zod';

// Thrown while loading content; its message names the file, the field and the fix,
// because it is what an author sees when `next build` stops.
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Invalid content in ${file}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

const fixes: Record<string, string> = {
  title: 'give the article a headline, e.g. title: "Council approves new budget"',
  standfirst: 'add a one- or two-sentence summary under standfirst:',
  published: 'use an ISO date, e.g. published: 2026-11-24T07:30:00Z',
  updated: 'use an ISO date after "published", or remove the line',
  category: 'use the slug of a category listed in content/categories.json',
  tags: 'use a list of lower-case slugs, e.g. tags: [budget, parking]',
  author: 'use the file name (without .json) of an author in content/authors/',
  hero: 'add hero: with src (a file under public/), alt (what the picture shows) and an optional credit',
  featured: 'use featured: true or leave the line out',
};

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
    data,
  );
}

export function describeIssues(issues: z.core.$ZodIssue[], data: unknown): string[] {
  return issues.map((issue) => {
    const field = issue.path.join('.') || '(frontmatter)';
    const top = String(issue.path[0] ?? '');
    const missing = issue.path.length > 0 && valueAt(data, issue.path) === undefined;
    const message = missing ? 'is missing' : issue.message;
    const fix = fixes[top];
    return `field "${field}" ${message}${fix ? `. Fix: ${fix}` : ''}`;
  });
}
