import path from 'node:path';

// Content lives in the repository; tests point loaders at fixture folders instead.
export const contentRoot = path.join(process.cwd(), 'content');
export const publicRoot = path.join(process.cwd(), 'public');

export function relativeToProject(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}
