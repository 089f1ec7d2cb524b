// npm start: the whole system on this machine with embedded defaults — Postgres (embedded unless
// DATABASE_URL), the CMS seeded on first run, the Worker in workerd with local D1 and Queues, the
// seeded content published to it, the Payload admin — then a table of URLs and logins.
import { resolve } from 'node:path'
import { getPayload } from 'payload'
import { closePayload } from '../cms/db/closePayload'
import { resolveDatabaseUrl, stopEmbeddedPostgres } from '../cms/db/databaseUrl'
import { freePort } from '../cms/db/freePort'
import { devPassword } from '../seed/index'
import { loadSeedTenants } from '../seed/tenants'
import { localDate } from '../shared/calendar'
import { startLocalCron } from './local-cron'
import { localSecrets } from './local-secrets'
import { localStaffKeys } from './local-staff-keys'
import { startLocalWorker } from './local-worker'
import { startNextAdmin } from './next-admin'
import { printSummary } from './summary'
import { townShards } from './town-shards'

const root = resolve(import.meta.dirname, '..')
const dataDir = resolve(process.env.YORISOI_DATA_DIR ?? resolve(root, '.data'))
process.env.YORISOI_PG_DIR ??= resolve(dataDir, 'postgres')
const started = Date.now()
const password = devPassword()

function step(text: string) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(5)
  process.stdout.write(`[${seconds}s] ${text}\n`)
}

const stops: (() => Promise<void>)[] = []
let stopping = false
async function stopAll(code: number) {
  if (stopping) return
  stopping = true
  step('停止しています… / Stopping…')
  for (const stop of stops.reverse()) await stop().catch(() => undefined)
  process.exit(code)
}
process.on('SIGINT', () => void stopAll(0))
process.on('SIGTERM', () => void stopAll(0))

try {
  step(
    process.env.DATABASE_URL
      ? 'Postgres: DATABASE_URL'
      : `Postgres: 組み込み / embedded (${process.env.YORISOI_PG_DIR})`,
  )
  const databaseUrl = await resolveDatabaseUrl()
  stops.push(stopEmbeddedPostgres)

  step('CMS: スキーマと初回シード / schema and first-run seed')
  const { default: config } = await import('../cms/payload.config')
  const payload = await getPayload({ config })
  const { seed } = await import('../seed/index')
  const summary = await seed({ payload, password, log: (line) => step(`  ${line}`) })
  step(
    `  ${summary.created + summary.updated > 0 ? 'シードしました / seeded' : 'シード済み / already seeded'}`,
  )
  // A month of made-up counts, marked as sample, so the dashboard shows what a town would see.
  const { seedSampleHistory } = await import('../seed/cms/sample-history')
  await seedSampleHistory({
    payload,
    today: localDate(new Date(), 'Asia/Tokyo'),
    log: (line) => step(`  ${line}`),
  })

  step('Worker: workerd + ローカル D1 / local D1 and Queues')
  const secrets = localSecrets(resolve(dataDir, 'local-secrets.json'))
  const staffKeys = localStaffKeys(resolve(dataDir, 'staff-api-keys.json'))
  const workerPort = Number(process.env.YORISOI_EDGE_PORT ?? 8787)
  // Chosen now: the Worker's notices to staff (a loss report) link to the admin.
  const adminPort = Number(process.env.YORISOI_ADMIN_PORT ?? (await freePort()))
  const worker = await startLocalWorker({
    persistTo: resolve(dataDir, 'wrangler'),
    port: workerPort,
    vars: {
      ...secrets,
      STAFF_API_PUBLIC_KEY: staffKeys.publicKey,
      PUBLIC_ORIGIN: `http://127.0.0.1:${workerPort}`,
      WORKSPACE_URL: `http://localhost:${adminPort}`,
    },
  })
  stops.push(worker.stop)
  // As in production: a cron tick every five minutes (wrangler dev fires none by itself).
  const stopCron = startLocalCron(worker.url, (line) => step(line))
  stops.push(async () => stopCron())

  step('公開: シード内容をエッジへ / publishing the seeded content to the edge')
  const { publishSeed } = await import('../seed/publish')
  const manifestId = await publishSeed({ payload, edge: { url: worker.url, token: secrets.INGEST_TOKEN } })
  step(`  active manifest ${manifestId}`)
  // The publish placed each new town on the shard with the fewest towns: the seeded ones spread.
  const shards = await townShards(worker.url, secrets.OPERATIONS_TOKEN)
  await closePayload(payload)

  step('管理画面を起動中（初回は1分ほど） / starting the admin (about a minute the first time)')
  const admin = startNextAdmin({
    port: adminPort,
    // The admin's publish action goes to this local edge.
    env: {
      DATABASE_URL: databaseUrl,
      YORISOI_EDGE_URL: worker.url,
      YORISOI_INGEST_TOKEN: secrets.INGEST_TOKEN,
      YORISOI_STAFF_API_PRIVATE_KEY: staffKeys.privateKey,
    },
  })
  stops.push(admin.stop)
  await admin.ready

  printSummary({
    adminUrl: `${admin.url}/admin`,
    edgeUrl: worker.url,
    outboxUrl: worker.outboxUrl,
    tenants: loadSeedTenants().map((t) => ({
      slug: t.settings.slug,
      channels: Object.keys(t.settings.channels),
      shard: shards.get(t.settings.slug) ?? 1,
    })),
    password,
  })
  step('Ctrl-C で停止します / Ctrl-C stops everything')
} catch (error) {
  if (stopping) process.exit(0)
  console.error(
    `\n起動できませんでした / Could not start: ${error instanceof Error ? error.message : String(error)}`,
  )
  await stopAll(1)
}
