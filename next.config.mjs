// Importing the env module validates the environment before anything builds or starts.
import './lib/env.mjs';

// An upload may be 10 MB (lib/media/store.ts MAX_UPLOAD_BYTES); the form around it adds its other
// fields and the multipart boundaries. Above this, Next refuses the request before the app sees it.
const ACTION_BODY_LIMIT = '11mb';
// proxy.ts runs for /editor/*, so Next buffers those request bodies for it and silently cuts them at
// this size. Kept above the action limit, an oversized upload is refused whole (413) rather than
// reaching the action cut short, where it fails as a broken form.
const PROXY_BODY_LIMIT = '12mb';

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native binaries and WebAssembly (esbuild in mdx-bundler, sharp, argon2, PGlite) break when
  // bundled, and piscina starts its worker threads from its own files.
  serverExternalPackages: ['mdx-bundler', 'esbuild', 'sharp', '@node-rs/argon2', '@electric-sql/pglite', '@electric-sql/pglite-socket', 'piscina'],
  experimental: {
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT },
    proxyClientMaxBodySize: PROXY_BODY_LIMIT,
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
