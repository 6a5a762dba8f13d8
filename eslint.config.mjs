import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

/**
 * One layer's forbidden imports, for both the `@/` alias and relative paths that climb out of the folder.
 * @param {string[]} layers top-level folders this layer must not import from
 * @param {string} why the message a violation shows
 */
function forbidLayers(layers, why) {
  return { regex: `^(@/|(\\.\\./)+)(${layers.join('|')})(/|$)`, message: why };
}

// The data layer: only db/ speaks SQL, so every query stays where its WHERE clause is reviewed. The
// job queue's driver too: db/queue.ts connects it, and lib/jobs/queue.ts (types only) is its API.
const drizzle = {
  regex: '^(drizzle-orm|postgres|pg|pg-boss)(/|$)',
  allowTypeImports: true,
  message: 'Only db/ talks to the database: add a query function in db/queries/ (or a queue call in lib/jobs/queue.ts) and call that.',
};

/**
 * no-restricted-imports for one layer (each layer's entry replaces the previous one, so every list is complete).
 * @param {string[]} files
 * @param {Array<Record<string, unknown>>} patterns
 * @returns {import('eslint').Linter.Config}
 */
function layer(files, patterns) {
  return { files, rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

const upward = 'Imports run downward: app → components → lib → db.';

export default defineConfig([
  globalIgnores([
    '.next/**',
    '.data/**',
    'node_modules/**',
    'public/**',
    'db/migrations/**',
    'test-results/**',
    'playwright-report/**',
    'bench/results/**',
    'next-env.d.ts',
    'scripts/generate-art.mjs',
  ]),
  ...nextVitals,
  ...nextTypescript,
  {
    name: 'broadsheet/typescript',
    files: ['**/*.{ts,tsx,mjs}'],
    // No type-aware rules: they cost 45 s of CPU on top of tsc's own 35 s (measured on this 2-core machine), and tsc already runs in npm test.
    languageOptions: { parser: tseslint.parser },
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/no-unused-expressions': 'error',
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'import/no-anonymous-default-export': 'error',
      'import/no-duplicates': 'error',
      // Links are plain anchors on purpose: next/link would hydrate a component per link and prefetch every link in view (see README, Architecture).
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
  layer(['app/**', 'components/**', 'lib/**', 'proxy.ts', 'auth.ts', 'instrumentation.ts'], [drizzle]),
  layer(
    ['components/**'],
    [forbidLayers(['app'], upward), { regex: '^@/db(/|$)', allowTypeImports: true, message: `${upward} Components get their data from their page, through lib/.` }, drizzle],
  ),
  layer(['lib/**'], [forbidLayers(['app', 'components'], upward), drizzle]),
  // db/ may read the validated environment, nothing else above it.
  layer(['db/**'], [forbidLayers(['app', 'components'], upward), { regex: '^(@/|(\\.\\./)+)lib/(?!env\\.mjs$)', message: `${upward} db/ may import lib/env.mjs only.` }]),
  prettier,
]);
