import 'server-only';

import { compileDraftMdx, describeFailure } from './draft-mdx';
import { mdxHash } from './mdx';

// Bodies of published newsroom articles, compiled in the readers' lane of the untrusted-MDX workers
// and kept by a hash of the source: a published page compiles once, then renders from memory.
const MAX_KEPT = 500;
const compiled = new Map<string, Promise<string>>();

/** Compiled code of a published newsroom body, checked again as untrusted MDX (it came from a browser). */
export function newsroomArticleCode(body: string, file: string): Promise<string> {
  const key = mdxHash(body);
  let code = compiled.get(key);
  if (!code) {
    code = compileDraftMdx(body, { lane: 'readers', label: file }).then((result) => {
      if (result.ok) return result.code;
      throw new Error(`The body of ${file} cannot be shown: ${describeFailure(result).join(' ')}`);
    });
    if (compiled.size >= MAX_KEPT) compiled.delete(compiled.keys().next().value ?? '');
    compiled.set(key, code);
    code.catch(() => compiled.delete(key));
  }
  return code;
}
