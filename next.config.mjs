import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The Express entry serves public pages; Next only hosts the admin and the API.
  // Native modules and run-time compilers stay outside the bundle (the search workers load TypeScript through tsx).
  serverExternalPackages: ['better-sqlite3', 'sharp', 'tsx', 'esbuild', 'drizzle-kit', 'libsql'],
  // Types are checked by `npm run typecheck` (part of npm test), so a build never fails on them alone.
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
