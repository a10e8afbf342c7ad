// @ts-check
/**
 * Next.js configuration.
 * - No X-Frame-Options: every page is shown inside a Bitrix24 portal iframe (reference §3.2).
 * - Native and server-only packages stay external so the bundler never tries to pack them.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
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
