// Importing the env module validates the environment before anything builds or starts.
import './lib/env.mjs';

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native binaries and WebAssembly (esbuild in mdx-bundler, sharp, argon2, PGlite) break when bundled.
  serverExternalPackages: ['mdx-bundler', 'esbuild', 'sharp', '@node-rs/argon2', '@electric-sql/pglite', '@electric-sql/pglite-socket'],
  images: {
    // WebP only: AVIF encodes several times slower, which a reader pays for on an image's first view.
    formats: ['image/webp'],
    qualities: [70, 75],
    deviceSizes: [360, 480, 640, 828, 1080, 1280, 1600],
    imageSizes: [48, 96, 128, 256, 384],
    minimumCacheTTL: 31536000,
    localPatterns: [{ pathname: '/images/**', search: '' }],
  },
};

export default nextConfig;
