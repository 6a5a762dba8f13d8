// The entry of the untrusted-MDX worker threads (see pool.ts). It is a plain file loaded by path at
// run time, never bundled, so `next dev`, `next start`, Vitest and the benchmarks all run the same
// code; tsx (a dependency) loads the TypeScript behind it, as it does for scripts/user-create.ts.
import { tsImport } from 'tsx/esm/api';

const { checkAndCompile, warmUp } = await tsImport('./task.ts', import.meta.url);
// Before the first body: the compiler loads its plugins and starts esbuild on first use, which must
// not count against a body's time limit.
await warmUp();

export default checkAndCompile;
