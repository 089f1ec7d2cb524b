// npm run seed [-- --subscribers N] [--force]: starts what it needs (embedded Postgres unless
// DATABASE_URL; a local Worker unless YORISOI_EDGE_URL + INGEST_TOKEN), seeds the CMS, publishes
// to the edge, optionally writes synthetic residents, prints a summary and stops what it started.
import { resolve } from 'node:path'
import { getPayload, type Payload } from 'payload'
import { buildCmsConfig } from '../cms/config/build'
import { closePayload } from '../cms/db/closePayload'
import { resolveDatabaseUrl, stopEmbeddedPostgres } from '../cms/db/databaseUrl'
import { EdgeRefusal, type EdgeTarget } from '../cms/publish/edge-client'
import { seedSampleHistory } from '../seed/cms/sample-history'
import { devPassword, SeedRefusal, seed } from '../seed/index'
import { publishSeedParts } from '../seed/publish'
import { seedResidents } from '../seed/residents'
import { localDate } from '../shared/calendar'
import { localSecrets } from './local-secrets'
import { type LocalWorker, openLocalD1, startLocalWorker } from './local-worker'
import { parseSeedArgs, usage } from './seed-args'

const dataDir = resolve(import.meta.dirname, '../.data')
const persistTo = resolve(dataDir, 'wrangler')
const started = performance.now()
const say = (line: string) =>
  process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)}s] ${line}\n`)
const stops: (() => Promise<unknown>)[] = []

async function edgeTarget(): Promise<EdgeTarget> {
  const url = process.env.YORISOI_EDGE_URL
  const token = process.env.INGEST_TOKEN ?? process.env.YORISOI_INGEST_TOKEN
  if (url && token) return { url, token }
  say('Worker: workerd + ローカル D1 (.data/wrangler) / local Worker')
  // The same secrets `npm start` uses for this folder, so either can publish to the other's Worker.
  const secrets = localSecrets(resolve(dataDir, 'local-secrets.json'))
  const worker: LocalWorker = await startLocalWorker({ persistTo, vars: { ...secrets } })
  stops.push(worker.stop)
  return { url: worker.url, token: secrets.INGEST_TOKEN }
}

async function main(): Promise<void> {
  const args = parseSeedArgs(process.argv.slice(2))
  if (args.help) {
    console.log(usage)
    return
  }
  say(process.env.DATABASE_URL ? 'Postgres: DATABASE_URL' : 'Postgres: 組み込み / embedded (.data/postgres)')
  const databaseUrl = await resolveDatabaseUrl()
  stops.push(stopEmbeddedPostgres)
  const payload: Payload = await getPayload({ config: buildCmsConfig({ databaseUrl, logLevel: 'warn' }) })
  stops.push(() => closePayload(payload))

  const summary = await seed({
    payload,
    password: devPassword(),
    force: args.force,
    log: (l) => say(`  ${l}`),
  })
  const m = summary.messages
  say(
    `シード / seeded: 作成 ${summary.created}・更新 ${summary.updated} / created ${summary.created}, updated ${summary.updated} ` +
      `(messages ${m.created + m.updated + m.unchanged}, approved now ${m.approved})`,
  )

  await seedSampleHistory({ payload, today: localDate(new Date(), 'Asia/Tokyo'), log: (l) => say(`  ${l}`) })

  const edge = await edgeTarget()
  say(`公開 / publishing → ${edge.url}`)
  const published = await publishSeedParts(payload, edge)
  say(
    `  manifest ${published.manifestId}${published.changed ? '' : '（変更なし / unchanged）'}: ` +
      `${published.messages} messages, ${published.tenants} tenants, ${published.localEntries} local entries`,
  )

  if (args.subscribers > 0) {
    if (process.env.YORISOI_EDGE_URL)
      say('  住民は .data/wrangler のローカル D1 に書きます / residents go to the local D1 in .data/wrangler')
    say(`住民 / residents: ${args.subscribers.toLocaleString()}`)
    const local = await openLocalD1(persistTo)
    // Each town's residents into its shard, where the publish just placed it.
    const residents = await seedResidents(local.shardOf, {
      count: args.subscribers,
      today: localDate(new Date(), 'Asia/Tokyo'),
      log: (l) => say(l),
    }).finally(() => local.dispose())
    say(
      `  ${residents.subscribers.toLocaleString()} 人 / residents in ${(residents.milliseconds / 1000).toFixed(1)} s`,
    )
  }
  say(
    `ログイン / sign in: ${summary.emails.join(', ')} — パスワード / password: YORISOI_DEV_PASSWORD (既定 / default yorisoi-dev)`,
  )
}

let code = 0
try {
  await main()
} catch (error) {
  code = 1
  const expected = error instanceof SeedRefusal || error instanceof EdgeRefusal
  const message =
    error instanceof EdgeRefusal ? error.reason : error instanceof Error ? error.message : String(error)
  console.error(`\nシードできませんでした / Could not seed:\n${message}`)
  // Only a bug gets a stack trace; expected problems say what to do in their message.
  if (!expected && error instanceof Error) console.error(error.stack)
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => undefined)
}
process.exit(code)
