import { randomBytes } from 'node:crypto'
import { rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getPayload } from 'payload'
import type { TestProject } from 'vitest/node'
import { buildCmsConfig } from '../../../cms/config/build'
import { dropDatabase, ensureDatabase, withDatabase } from '../../../cms/db/admin'
import { closePayload } from '../../../cms/db/closePayload'
import { freePort } from '../../../cms/db/freePort'
import { runMigrations } from '../../../cms/db/schemaMode'
import { makeStaffKeys } from '../../../dev/local-staff-keys'
import type { NextAdmin } from '../../../dev/next-admin'
import { buildAndStartAdmin, productionAdminEnv } from '../../../dev/production-admin'
import { seedUsers } from '../../../seed'
import { upsertTenants } from '../../../seed/cms/tenants'
import { upsertUsers } from '../../../seed/cms/users'
import { loadSeedTenants } from '../../../seed/tenants'

export interface SystemContext {
  /** The Payload admin, built by `next build` and served by `next start`. */
  adminUrl: string
  /** The port the Worker must listen on: the admin's publish action sends there. */
  edgePort: number
  ingestToken: string
  /** The edge's AGGREGATES_TOKEN: the admin takes the daily counts presented with it. */
  aggregatesToken: string
  /** The Worker's STAFF_API_PUBLIC_KEY: the admin signs staff assertions with its private half. */
  staffApiPublicKey: string
  /** The admin's own database, for tests that search it (never for writing). */
  databaseUrl: string
  /** Password of the seed's users (admin@, editor@, supervisor1@ … yorisoi.test). */
  password: string
  /** Written once the admin answers ({ ready: true }) or could not start ({ ready: false, error }). */
  readyFile: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    system: SystemContext
  }
}

// Inside cms/.next, which git, tsc and biome already ignore; beside `next dev`'s .next/dev.
const distDir = '.next/test-build'

/**
 * One production build of the admin per run, served by one `next start` that both system tests
 * share, on its own database (migrated from empty, as in production) with the seed's users and
 * municipalities. Runs after tests/cms/support/globalSetup.ts, which provides the cluster.
 */
export default async function setup(project: TestProject) {
  const { postgresAdminUrl } = project.getProvidedContext()
  const database = `system_${randomBytes(6).toString('hex')}`
  // Empty, then migrated as production is: `next start` runs cms/migrations on connect and would
  // stop to ask about a database whose schema was pushed (as the cms tests' template is).
  await ensureDatabase(postgresAdminUrl, database)
  const databaseUrl = withDatabase(postgresAdminUrl, database)
  const password = `system-${randomBytes(9).toString('base64url')}`
  const ingestToken = randomBytes(24).toString('base64url')
  const aggregatesToken = randomBytes(24).toString('base64url')
  const staffKeys = makeStaffKeys()
  const [edgePort, adminPort] = [await freePort(), await freePort()]
  const env = productionAdminEnv({
    databaseUrl,
    adminPort,
    edgePort,
    ingestToken,
    staffApiPrivateKey: staffKeys.privateKey,
    distDir,
    aggregatesToken,
  })

  const output: string[] = []
  let admin: NextAdmin | undefined
  // Not awaited: the build runs while the other projects' files do (vitest runs every project's
  // globalSetup before any file); each system file waits for `readyFile` (support/ready.ts).
  const readyFile = join(tmpdir(), `yorisoi-system-${process.pid}-${randomBytes(4).toString('hex')}.json`)
  const preparing = (async () => {
    const started = await buildAndStartAdmin({
      env,
      port: adminPort,
      prepare: () => seedPeople(databaseUrl, password),
      onOutput: (line) => output.push(line),
    })
    admin = started.admin
    console.log(
      `system: next build ${started.buildSeconds.toFixed(1)} s, next start ready in ${started.startSeconds.toFixed(1)} s`,
    )
  })().then(
    () => writeFile(readyFile, JSON.stringify({ ready: true })),
    (error: unknown) =>
      writeFile(
        readyFile,
        JSON.stringify({
          ready: false,
          error: `${error instanceof Error ? error.message : error}\n${output.join('\n')}`,
        }),
      ),
  )

  project.provide('system', {
    adminUrl: `http://127.0.0.1:${adminPort}`,
    edgePort,
    ingestToken,
    aggregatesToken,
    staffApiPublicKey: staffKeys.publicKey,
    databaseUrl,
    password,
    readyFile,
  })
  return async () => {
    await preparing
    await admin?.stop()
    await rm(readyFile, { force: true })
    await dropDatabase(postgresAdminUrl, database)
  }
}

/** The seed's users for every role and its three municipalities with their local support. */
async function seedPeople(databaseUrl: string, password: string) {
  // Its own cache key: this process already made (and destroyed) the template's instance.
  const payload = await getPayload({
    key: 'yorisoi-system-seed',
    config: buildCmsConfig({ databaseUrl, push: false, logLevel: 'warn' }),
  })
  try {
    await runMigrations(payload)
    const tenants = loadSeedTenants()
    const placed = await upsertTenants(payload, tenants)
    await upsertUsers(
      payload,
      seedUsers(tenants.map((t) => ({ slug: t.settings.slug, name: t.settings.name.ja }))),
      password,
      placed.ids,
    )
  } finally {
    await closePayload(payload)
  }
}
