// The server side of the slow admin screens, timed in isolation (issue 20, "Speed"): the functions
// /admin/publish, /admin/coverage and /admin/families call, against Postgres seeded as `npm start`
// seeds it and a local Worker with synthetic residents, for each seed role. No next build, no
// browser: what is left of a screen's time is rendering. The data folder is kept between runs
// (`npx tsx bench/profile-admin-views.ts [DIR] [ROUNDS]`; a fresh DIR seeds, ~3 min on 2 cores).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { getPayload, type Payload } from 'payload'
import { buildCmsConfig } from '../cms/config/build'
import { closePayload } from '../cms/db/closePayload'
import { startEmbeddedPostgres } from '../cms/db/embedded'
import { runMigrations } from '../cms/db/schemaMode'
import { defaultLanguages } from '../cms/plugin/languages'
import { defaultSlugs } from '../cms/plugin/slugs'
import { coverage, coverageSummary } from '../cms/plugin/views/coverage'
import { coverageSettings } from '../cms/plugin/views/coverageSettings'
import { publishScreen } from '../cms/publish/view/screen'
import { familiesScreen } from '../cms/workspace/families/screen'
import { localSecrets } from '../dev/local-secrets'
import { makeStaffKeys } from '../dev/local-staff-keys'
import { openLocalD1, startLocalWorker } from '../dev/local-worker'
import { defaultDevPassword, seed } from '../seed/index'
import { publishSeedParts } from '../seed/publish'
import { seedResidents } from '../seed/residents'
import { loadSeedTenants } from '../seed/tenants'
import { localDate } from '../shared/calendar'
import { standardProgram } from '../shared/program'

const dir = process.argv[2] ?? '/tmp/yorisoi-profile-admin'
const rounds = Number(process.argv[3] ?? 3)
const residents = 5000
const programs = { standard: standardProgram }

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const times: number[] = []
  let result: T | undefined
  for (let i = 0; i < rounds; i++) {
    const started = performance.now()
    result = await run()
    times.push(performance.now() - started)
  }
  const sorted = [...times].sort((a, b) => a - b)
  console.log(
    `${label.padEnd(40)} median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0).padStart(6)} ms  (${times.map((t) => t.toFixed(0)).join(', ')})`,
  )
  return result as T
}

async function userOf(payload: Payload, email: string) {
  const found = await payload.find({
    collection: defaultSlugs.users as 'users',
    where: { email: { equals: email } },
    depth: 1,
    limit: 1,
    overrideAccess: true,
  })
  const user = found.docs[0]
  if (!user) throw new Error(`no user ${email}`)
  return { ...user, collection: defaultSlugs.users }
}

async function main() {
  mkdirSync(dir, { recursive: true })
  const fresh = !existsSync(join(dir, 'seeded'))
  const postgres = await startEmbeddedPostgres({
    dataDir: join(dir, 'postgres'),
    persistent: true,
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
  })
  await postgres.ensureDatabase('yorisoi_profile')
  const databaseUrl = postgres.urlFor('yorisoi_profile')
  const secrets = localSecrets(join(dir, 'local-secrets.json'))
  const keysFile = join(dir, 'staff-keys.json')
  const staffKeys: { publicKey: string; privateKey: string } = existsSync(keysFile)
    ? JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(keysFile, 'utf8')))
    : makeStaffKeys()
  writeFileSync(keysFile, JSON.stringify(staffKeys))
  const persistTo = join(dir, 'wrangler')
  const worker = await startLocalWorker({
    persistTo,
    vars: { ...secrets, STAFF_API_PUBLIC_KEY: staffKeys.publicKey },
  })
  const edge = { url: worker.url, token: secrets.INGEST_TOKEN }
  const payload = await getPayload({
    key: 'yorisoi-profile-admin',
    config: buildCmsConfig({ databaseUrl, push: false, logLevel: 'warn' }),
  })
  try {
    if (fresh) {
      await runMigrations(payload)
      const summary = await seed({ payload, password: defaultDevPassword })
      console.log(`seeded ${summary.created} documents in ${(summary.milliseconds / 1000).toFixed(0)} s`)
      await publishSeedParts(payload, edge)
      const local = await openLocalD1(persistTo)
      try {
        await seedResidents(local.shardOf, { count: residents, today: localDate(new Date(), 'Asia/Tokyo') })
      } finally {
        await local.dispose()
      }
      writeFileSync(join(dir, 'seeded'), new Date().toISOString())
    }
    const town = loadSeedTenants()[0]!.settings.slug
    const slugs = { ...defaultSlugs, publications: 'publications' }
    for (const [role, email] of [
      ['editor', 'editor@yorisoi.test'],
      ['admin', 'admin@yorisoi.test'],
      ['municipal-staff', `staff.${town}@yorisoi.test`],
      ['viewer', 'viewer@yorisoi.test'],
      ['nurse', `nurse.${town}@yorisoi.test`],
    ] as const) {
      const user = await userOf(payload, email)
      await timed(`${role} publishScreen`, () =>
        publishScreen({
          payload,
          user,
          slugs,
          publications: 'publications',
          programs,
          edge,
          adminRoute: '/admin',
          apiRoute: '/api',
        }),
      )
    }
    for (const [role, email] of [
      ['viewer', 'viewer@yorisoi.test'],
      ['municipal-staff', `staff.${town}@yorisoi.test`],
    ] as const) {
      const user = await userOf(payload, email)
      const tenants = await payload.find({
        collection: slugs.tenants as 'tenants',
        depth: 0,
        pagination: false,
        overrideAccess: false,
        user,
      })
      const tenant = tenants.docs[0] ? String(tenants.docs[0].id) : undefined
      await timed(`${role} coverage`, async () => {
        const settings = await coverageSettings(payload, user, slugs, programs, defaultLanguages, tenant)
        const cells = await coverage(
          payload,
          slugs,
          settings.program,
          settings.languages,
          settings.fallbackLanguages,
        )
        return coverageSummary(cells)
      })
    }
    for (const [role, email] of [
      ['desk', `desk.${town}@yorisoi.test`],
      ['nurse', `nurse.${town}@yorisoi.test`],
    ] as const) {
      const user = await userOf(payload, email)
      await timed(`${role} familiesScreen`, async () => {
        const answer = await familiesScreen(
          payload,
          user,
          {},
          { url: worker.url, privateKey: staffKeys.privateKey },
        )
        if (!answer.ok) throw new Error(answer.reason)
        return answer
      })
    }
  } finally {
    await closePayload(payload)
    await worker.stop()
    await postgres.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
