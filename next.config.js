// @ts-check
/**
 * Next.js configuration.
 * - No X-Frame-Options: every page is shown inside a Bitrix24 portal iframe (reference §3.2).
 * - Native and server-only packages stay external so the bundler never tries to pack them.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  // A second dev server in the same folder (the e2e app of the FreePBX-shaped PBX) needs its own build folder: next dev
  // holds a lock in it.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  // The dev-mode badge sits over the admin pages inside the portal iframe (and in every test screenshot).
  devIndicators: false,
  serverExternalPackages: [
    'better-sqlite3',
    '@prisma/adapter-better-sqlite3',
    '@prisma/adapter-pg',
    'pg',
    'asterisk-ami-client',
  ],
};

export default nextConfig;
