import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { buildCmsConfig } from '../../cms/config/build'
import { dropDatabase, ensureDatabase, withDatabase } from '../../cms/db/admin'
import { closePayload } from '../../cms/db/closePayload'
import { schemaModeOf } from '../../cms/db/schemaMode'
import { migrations } from '../../cms/migrations'
import { describeSchema } from './support/schema'

// Production never pushes a schema: it runs cms/migrations on start (prodMigrations). These tests
// keep those migrations equal to the collections.
//
// Changed a collection's fields? Then, and commit what it writes into cms/migrations/:
//   flock /tmp/payload-migrate.lock npm run cms:migrate:create -- what_changed
// It compares the newest snapshot (cms/migrations/*.json) with the config; the test below fails
// until that has been done.

const migrationsDir = resolve(import.meta.dirname, '../../cms/migrations')
const adminUrl = () => inject('postgresAdminUrl')
const database = `t_migrated_${process.pid}`
let payload: Payload

type DrizzleKit = {
  generateDrizzleJson: (schema: Record<string, unknown>) => unknown
  generateMigration: (before: unknown, after: unknown) => Promise<string[]>
}
const drizzleKit = () =>
  (payload.db as unknown as { requireDrizzleKit: () => DrizzleKit }).requireDrizzleKit()
const schemaOf = () => (payload.db as unknown as { schema: Record<string, unknown> }).schema

beforeAll(async () => {
  // An empty database, started the way production starts: NODE_ENV=production, no push.
  await ensureDatabase(adminUrl(), database)
  const env = process.env as Record<string, string | undefined>
  const before = { NODE_ENV: env.NODE_ENV, PAYLOAD_PUBLIC_SERVER_URL: env.PAYLOAD_PUBLIC_SERVER_URL }
  env.NODE_ENV = 'production'
  env.PAYLOAD_PUBLIC_SERVER_URL = 'https://admin.example.jp'
  try {
    const config = await buildCmsConfig({
      databaseUrl: withDatabase(adminUrl(), database),
      secret: 'migrations-test-secret',
      logLevel: 'silent',
    })
    payload = await getPayload({ config })
  } finally {
    Object.assign(env, before)
    if (before.PAYLOAD_PUBLIC_SERVER_URL === undefined) delete env.PAYLOAD_PUBLIC_SERVER_URL
  }
})
afterAll(async () => {
  if (payload) await closePayload(payload)
  await dropDatabase(adminUrl(), database)
})

describe('Payload migrations', () => {
  it('run on a production start, each once, on an empty database', async () => {
    const { docs } = await payload.find({ collection: 'payload-migrations', limit: 0, sort: 'name' })
    expect(migrations.length).toBeGreaterThan(0)
    expect(docs.map((d) => [d.name, d.batch])).toEqual(migrations.map((m) => [m.name, 1]))
  })

  it('give the database the very schema the collections push (columns, indexes, constraints, enums)', async () => {
    // A copy of the run's template, whose schema the test setup pushed from the same config.
    const pushed = `t_pushed_${process.pid}`
    await ensureDatabase(adminUrl(), pushed, inject('templateDatabase'))
    try {
      const [migrated, expected] = await Promise.all([
        describeSchema(withDatabase(adminUrl(), database)),
        describeSchema(withDatabase(adminUrl(), pushed)),
      ])
      expect(migrated.columns?.length).toBeGreaterThan(100)
      expect(migrated).toEqual(expected)
      // The way npm start tells them apart: push leaves its mark, migrations do not.
      expect(await schemaModeOf(withDatabase(adminUrl(), pushed))).toBe('push')
      expect(await schemaModeOf(withDatabase(adminUrl(), database))).toBe('migrations')
    } finally {
      await dropDatabase(adminUrl(), pushed)
    }
    // And the CMS works on it.
    const tenant = await payload.create({ collection: 'tenants', data: { slug: 'migrated', name: '移行町' } })
    expect(tenant.id).toBeTruthy()
  })

  it('are up to date: creating a migration now would be empty (run npm run cms:migrate:create otherwise)', async () => {
    const snapshots = readdirSync(migrationsDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
    const newest = JSON.parse(readFileSync(resolve(migrationsDir, snapshots.at(-1)!), 'utf8'))
    const { generateDrizzleJson, generateMigration } = drizzleKit()
    const pending = await generateMigration(newest, generateDrizzleJson(schemaOf()))
    expect(
      pending,
      'cms/migrations is behind the collections: flock /tmp/payload-migrate.lock npm run cms:migrate:create -- what_changed',
    ).toEqual([])
  })
})
