import { availableParallelism } from 'node:os';

// Importing the env module validates the environment before anything builds or starts.
import { cacheControlRules } from './lib/cache/http.mjs';
import { env } from './lib/env.mjs';
import { challengePolicy, commonHeaders, readerPolicy, siteIsHttps } from './lib/security/headers.mjs';
import { ACTION_BODY_LIMIT_BYTES, PROXY_BODY_LIMIT_BYTES } from './lib/security/limits.mjs';

// Written into the build's routes manifest: HSTS follows SITE_URL as it was when the site was built.
const https = siteIsHttps(env.SITE_URL);

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // `npm test` (and so CI) type-checks the whole project, Next.js's route types included (`npm run
  // typecheck`: `next typegen`, then `tsc`), before it builds; a build checking the same types again
  // only delays every deploy and every rebuild for a changed article.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // Native binaries and WebAssembly (esbuild in mdx-bundler, sharp, argon2, PGlite) break when
  // bundled, piscina starts its worker threads from its own files, and pg-boss (the job queue) is
  // shared by instrumentation and the routes through one instance, so it stays one Node.js module.
  serverExternalPackages: ['mdx-bundler', 'esbuild', 'sharp', '@node-rs/argon2', '@electric-sql/pglite', '@electric-sql/pglite-socket', 'piscina', 'pg-boss'],
  experimental: {
    // Next.js leaves one core to itself by default, which on a 2-core server halves the rendering of
    // static pages while the main process only waits for them. BUILD_CPUS=1 leaves a core to the
    // servers when building on a host that is serving readers.
    cpus: env.BUILD_CPUS ?? availableParallelism(),
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
    proxyClientMaxBodySize: PROXY_BODY_LIMIT_BYTES,
  },
  async headers() {
    return [
      { source: '/:path*', headers: commonHeaders({ https }) },
      // The newsroom gets a per-request policy from proxy.ts, /media its own sandbox, the proof-of-work
      // page its own (two policies would both be enforced), and build assets are not documents.
      { source: '/((?!editor(?:/|$)|media/|_next/|newsletter/check$).*)', headers: [{ key: 'Content-Security-Policy', value: readerPolicy({ https }) }] },
      { source: '/newsletter/check', headers: [{ key: 'Content-Security-Policy', value: challengePolicy({ https }) }] },
      ...cacheControlRules(),
    ];
  },
  images: {
    // WebP only: AVIF encodes several times slower, which a reader pays for on an image's first view.
    formats: ['image/webp'],
    qualities: [70, 75],
    deviceSizes: [360, 480, 640, 828, 1080, 1280, 1600],
    imageSizes: [48, 96, 128, 256, 384],
    minimumCacheTTL: 31536000,
    localPatterns: [
      { pathname: '/images/**', search: '' },
      { pathname: '/media/**', search: '' },
    ],
  },
};

export default nextConfig;
