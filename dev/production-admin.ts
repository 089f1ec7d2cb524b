// The admin as production runs it — `next build`, then `next start` — on a database the caller
// owns: the system tests and `npm run bench` share it, so both measure and test the same thing.
import { randomBytes } from 'node:crypto'
import { buildNextAdmin, type NextAdmin, startNextAdmin } from './next-admin'

export interface ProductionAdminSetup {
  databaseUrl: string
  adminPort: number
  /** The Worker the admin's publish action and staff screens talk to. */
  edgePort: number
  ingestToken: string
  /** YORISOI_STAFF_API_PRIVATE_KEY: the admin signs staff assertions with it. */
  staffApiPrivateKey: string
  /** Inside cms/, e.g. `.next/test-build`: one per user of this module, so two never clash. */
  distDir: string
  /** YORISOI_AGGREGATES_TOKEN: the edge's daily counts are taken with it (none: refused). */
  aggregatesToken?: string
}

/** The environment `next build` and `next start` both need for a production admin. */
export function productionAdminEnv(setup: ProductionAdminSetup): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: setup.databaseUrl,
    PAYLOAD_SECRET: randomBytes(24).toString('base64url'),
    // Production needs the admin's address: the one origin its login cookie is taken from.
    PAYLOAD_PUBLIC_SERVER_URL: `http://127.0.0.1:${setup.adminPort}`,
    YORISOI_EDGE_URL: `http://127.0.0.1:${setup.edgePort}`,
    YORISOI_INGEST_TOKEN: setup.ingestToken,
    YORISOI_STAFF_API_PRIVATE_KEY: setup.staffApiPrivateKey,
    YORISOI_NEXT_DIST_DIR: setup.distDir,
    YORISOI_NEXT_SKIP_TYPECHECK: '1',
    ...(setup.aggregatesToken ? { YORISOI_AGGREGATES_TOKEN: setup.aggregatesToken } : {}),
  }
}

export interface ProductionAdmin {
  admin: NextAdmin
  buildSeconds: number
  startSeconds: number
}

/**
 * Builds the admin while `prepare` fills its database (both finish before anything fails, so a
 * failed seed leaves no build running behind it), then serves it with `next start` until it answers.
 * An admin that does not come up is stopped before the error is thrown.
 */
export async function buildAndStartAdmin(options: {
  env: Record<string, string>
  port: number
  prepare: () => Promise<void>
  onOutput?: (line: string) => void
}): Promise<ProductionAdmin> {
  const started = performance.now()
  const seconds = (since: number) => (performance.now() - since) / 1000
  const [built, prepared] = await Promise.allSettled([
    buildNextAdmin({ env: options.env }).then(() => seconds(started)),
    options.prepare(),
  ])
  if (built.status === 'rejected') throw built.reason
  if (prepared.status === 'rejected') throw prepared.reason
  const serving = performance.now()
  const admin = startNextAdmin({
    mode: 'start',
    port: options.port,
    env: options.env,
    onOutput: options.onOutput,
  })
  try {
    await admin.ready
  } catch (error) {
    await admin.stop()
    throw error
  }
  return { admin, buildSeconds: built.value, startSeconds: seconds(serving) }
}
