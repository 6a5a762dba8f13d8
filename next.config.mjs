// Importing the env module validates the environment before anything builds or starts.
import './lib/env.mjs';

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // esbuild (inside mdx-bundler) and sharp load native binaries: bundling them breaks that.
  serverExternalPackages: ['mdx-bundler', 'esbuild', 'sharp'],
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
