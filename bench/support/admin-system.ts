// The admin for a bench: built for production and served by `next start` (dev/production-admin.ts,
// as the system tests do), on its own embedded Postgres seeded as `npm start` seeds (every role's
// user, the three towns, the 9,214 sample messages, surveys), published to a Worker in workerd
// (dev/local-worker.ts) that also holds synthetic residents for the staff screens.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getPayload } from 'payload'
import { buildCmsConfig } from '../../cms/config/build'
import { closePayload } from '../../cms/db/closePayload'
import { startEmbeddedPostgres } from '../../cms/db/embedded'
import { freePort } from '../../cms/db/freePort'
import { runMigrations } from '../../cms/db/schemaMode'
import { localSecrets } from '../../dev/local-secrets'
import { makeStaffKeys } from '../../dev/local-staff-keys'
import { type LocalWorker, openLocalD1, startLocalWorker } from '../../dev/local-worker'
import { buildAndStartAdmin, productionAdminEnv } from '../../dev/production-admin'
import { defaultDevPassword, seed } from '../../seed/index'
import { publishSeedParts } from '../../seed/publish'
import { seedResidents } from '../../seed/residents'
import { localDate } from '../../shared/calendar'

export interface AdminSystem {
  adminUrl: string
  password: string
  /** What setting up took, for the scenario's notes. */
  timings: { buildSeconds: number; startSeconds: number }
  /** Errors `next start` printed while serving (a screen that fails says why here). */
  serverErrors(): string[]
  stop(): Promise<void>
}

const database = 'yorisoi_bench'

/** Everything the admin screens need, started; `stop` ends it all and removes its files. */
export async function startAdminSystem(options: {
  residents: number
  log: (line: string) => void
}): Promise<AdminSystem> {
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-bench-admin-'))
  const stops: (() => Promise<unknown>)[] = [async () => rmSync(dir, { recursive: true, force: true })]
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined)
  }
  try {
    const postgres = await startEmbeddedPostgres({
      dataDir: join(dir, 'postgres'),
      persistent: false,
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
    })
    stops.push(postgres.stop)
    await postgres.ensureDatabase(database)
    const databaseUrl = postgres.urlFor(database)

    const secrets = localSecrets(join(dir, 'local-secrets.json'))
    const staffKeys = makeStaffKeys()
    const [edgePort, adminPort] = [await freePort(), await freePort()]
    const persistTo = join(dir, 'wrangler')
    const worker: LocalWorker = await startLocalWorker({
      persistTo,
      port: edgePort,
      vars: {
        ...secrets,
        STAFF_API_PUBLIC_KEY: staffKeys.publicKey,
        PUBLIC_ORIGIN: `http://127.0.0.1:${edgePort}`,
        WORKSPACE_URL: `http://127.0.0.1:${adminPort}`,
      },
    })
    stops.push(worker.stop)

    const env = productionAdminEnv({
      databaseUrl,
      adminPort,
      edgePort,
      ingestToken: secrets.INGEST_TOKEN,
      staffApiPrivateKey: staffKeys.privateKey,
      distDir: '.next/bench-build',
    })
    const output: string[] = []
    const started = await buildAndStartAdmin({
      env,
      port: adminPort,
      onOutput: (line) => output.push(line),
      prepare: async () => {
        const payload = await getPayload({
          key: 'yorisoi-bench-admin',
          config: buildCmsConfig({ databaseUrl, push: false, logLevel: 'warn' }),
        })
        try {
          // Migrated from empty, as production is (and as `next start` expects).
          await runMigrations(payload)
          const summary = await seed({ payload, password: defaultDevPassword })
          options.log(`seeded: ${summary.created} documents in ${(summary.milliseconds / 1000).toFixed(0)} s`)
          const published = await publishSeedParts(payload, { url: worker.url, token: secrets.INGEST_TOKEN })
          options.log(`published manifest ${published.manifestId}`)
        } finally {
          await closePayload(payload)
        }
        const local = await openLocalD1(persistTo)
        try {
          await seedResidents(local.shardOf, {
            count: options.residents,
            today: localDate(new Date(), 'Asia/Tokyo'),
          })
        } finally {
          await local.dispose()
        }
      },
    }).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : error}\n${output.slice(-40).join('\n')}`)
    })
    stops.push(started.admin.stop)
    return {
      adminUrl: started.admin.url,
      password: defaultDevPassword,
      timings: { buildSeconds: started.buildSeconds, startSeconds: started.startSeconds },
      serverErrors: () => [...new Set(output.filter((line) => /error|⨯/i.test(line)))],
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
