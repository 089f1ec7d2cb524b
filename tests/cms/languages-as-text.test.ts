import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { drizzle } from '@payloadcms/db-postgres/drizzle/node-postgres'
import { getPayload, type Payload, ValidationError } from 'payload'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { buildCmsConfig } from '../../cms/config/build'
import { dropDatabase, ensureDatabase, withDatabase } from '../../cms/db/admin'
import { closePayload } from '../../cms/db/closePayload'
import { migrations } from '../../cms/migrations'
import { languageTags } from '../../shared/languages'
import { lexical, messageData } from './support/content'

// Languages are stored as text, not as Postgres enums: a language added to shared/languages needs
// no CMS migration. Here on a database that held content in the enum schema before the
// languages_as_text migration ran.

const adminUrl = () => inject('postgresAdminUrl')
const database = `t_langtext_${process.pid}`
const migrationsDir = resolve(import.meta.dirname, '../../cms/migrations')
const textMigration = migrations.findIndex((m) => m.name.endsWith('_languages_as_text'))
let pool: pg.Pool
let payload: Payload

const db = () => drizzle({ client: pool })
type MigrationArgs = Parameters<(typeof migrations)[number]['up']>[0]
const migrate = async (from: number, to: number) => {
  for (const migration of migrations.slice(from, to))
    await migration.up({ db: db(), payload: undefined, req: undefined } as unknown as MigrationArgs)
}

/** Content in eight languages, written the way the enum schema stored it (every first row: id 1). */
async function writeOldContent() {
  const client = await pool.connect()
  const body = `${client.escapeLiteral(JSON.stringify(lexical('こんにちは')))}::jsonb`
  try {
    await client.query(`
    INSERT INTO tenants (name, slug) VALUES ('移行町', 'ikou');
    INSERT INTO tenants_languages ("order", parent_id, value) VALUES (1, 1, 'ja'), (2, 1, 'vi'), (3, 1, 'ne');
    INSERT INTO tenants_language_fallback ("order", parent_id, value) VALUES (1, 1, 'en'), (2, 1, 'ja');
    INSERT INTO messages (slot, subject, body, language) VALUES ('pregnancy/196', '件名', ${body}, 'vi');
    INSERT INTO _messages_v (parent_id, version_slot, version_subject, version_body, version_language)
      VALUES (1, 'pregnancy/196', '件名', ${body}, 'vi');
    INSERT INTO local_support (title, body, kind, language, tenant_id) VALUES ('相談', '本文', 'hotline', 'ja', 1);
    INSERT INTO local_support_translations (_order, _parent_id, id, language, title, body)
      VALUES (1, 1, 'tr1', 'zh-Hans', '咨询', '正文');
    INSERT INTO surveys (title, language) VALUES ('アンケート', 'ko');
    INSERT INTO announcements (tenant_id) VALUES (1);
    INSERT INTO announcements_wording (_order, _parent_id, id, language, title, body) VALUES (1, 1, 'w1', 'tl', 'Paalala', 'Teksto');
    INSERT INTO announcements_target_languages ("order", parent_id, value) VALUES (1, 1, 'my'), (2, 1, 'pt-BR');
    INSERT INTO tasks DEFAULT VALUES;
    INSERT INTO tasks_wording (_order, _parent_id, id, language, title, line) VALUES (1, 1, 't1', 'ja-x-easy', 'しゅっしょうとどけ', 'だす');
    INSERT INTO resident_counts (date, tenant_id, stage, audience, channel, language, state, count)
      VALUES ('2026-12-01', 1, 'pregnancy-mid', 'primary', 'sms', 'id', 'active', 3);`)
  } finally {
    client.release()
  }
}

beforeAll(async () => {
  await ensureDatabase(adminUrl(), database)
  pool = new pg.Pool({ connectionString: withDatabase(adminUrl(), database) })
  expect(textMigration).toBeGreaterThan(0)
  await migrate(0, textMigration)
  await writeOldContent()
  await migrate(textMigration, migrations.length)
  const config = await buildCmsConfig({
    databaseUrl: withDatabase(adminUrl(), database),
    push: false,
    logLevel: 'silent',
  })
  payload = await getPayload({ config })
})
afterAll(async () => {
  if (payload) await closePayload(payload)
  await pool?.end()
  await dropDatabase(adminUrl(), database)
})

const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ValidationError)
  return (error as ValidationError).data.errors.map((e) => e.message).join(' ')
}

describe('languages stored as text', () => {
  it('no column or Postgres enum holds a language list: adding one to the registry needs no migration', async () => {
    const columns = await pool.query(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = 'public' AND column_name ~ 'language'`,
    )
    expect(columns.rows.length).toBeGreaterThanOrEqual(9)
    for (const row of columns.rows)
      expect(row, JSON.stringify(row)).toMatchObject({ data_type: 'character varying' })
    const enums = await pool.query(
      `SELECT t.typname FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       WHERE e.enumlabel = ANY($1) GROUP BY t.typname HAVING count(*) >= 2`,
      [languageTags],
    )
    expect(enums.rows).toEqual([])

    // The proof in Payload's own terms: the schema of a CMS offering one language more differs in
    // nothing from the newest migration's snapshot.
    const more = await getPayload({
      key: 'one-language-more',
      disableDBConnect: true,
      disableOnInit: true,
      config: await buildCmsConfig({
        databaseUrl: withDatabase(adminUrl(), database),
        push: false,
        logLevel: 'silent',
        plugin: { languages: [...languageTags, 'uk'] },
      }),
    })
    const adapter = more.db as unknown as {
      schema: Record<string, unknown>
      requireDrizzleKit: () => {
        generateDrizzleJson: (schema: Record<string, unknown>) => unknown
        generateMigration: (before: unknown, after: unknown) => Promise<string[]>
      }
    }
    const newest = readdirSync(migrationsDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .at(-1)!
    const { generateDrizzleJson, generateMigration } = adapter.requireDrizzleKit()
    const snapshot = JSON.parse(readFileSync(resolve(migrationsDir, newest), 'utf8'))
    expect(await generateMigration(snapshot, generateDrizzleJson(adapter.schema))).toEqual([])
  })

  it('keeps every language content had before the migration, lists in their order', async () => {
    const tenant = await payload.findByID({ collection: 'tenants', id: 1, depth: 0 })
    expect(tenant.languages).toEqual(['ja', 'vi', 'ne'])
    expect(tenant.languageFallback).toEqual(['en', 'ja'])
    expect((await payload.findByID({ collection: 'messages', id: 1, depth: 0 })).language).toBe('vi')
    const versions = await payload.findVersions({ collection: 'messages', where: { parent: { equals: 1 } } })
    expect(versions.docs.map((v) => v.version.language)).toEqual(['vi'])
    const entry = await payload.findByID({ collection: 'local-support', id: 1, depth: 0 })
    expect([entry.language, entry.translations?.map((t: { language: string }) => t.language)]).toEqual([
      'ja',
      ['zh-Hans'],
    ])
    expect((await payload.findByID({ collection: 'surveys', id: 1, depth: 0 })).language).toBe('ko')
    const announcement = await payload.findByID({ collection: 'announcements', id: 1, depth: 0 })
    expect(announcement.texts?.map((w: { language: string }) => w.language)).toEqual(['tl'])
    expect(announcement.target?.languages).toEqual(['my', 'pt-BR'])
    const task = await payload.findByID({ collection: 'tasks', id: 1, depth: 0 })
    expect(task.texts?.map((w: { language: string }) => w.language)).toEqual(['ja-x-easy'])
    const counts = await payload.find({ collection: 'resident-counts', depth: 0 })
    expect(counts.docs.map((c) => c.language)).toEqual(['id'])
    // And a list is found by one of its languages, as the enum's was.
    const offering = await payload.find({ collection: 'tenants', where: { languages: { in: ['ne'] } } })
    expect(offering.docs.map((t) => t.id)).toEqual([1])
  })

  it('accepts a registry language and refuses any other tag in Japanese first', async () => {
    const created = await payload.create({
      collection: 'messages',
      data: messageData('pregnancy/100', { language: 'my' }),
    })
    expect(created.language).toBe('my')

    const message = await refusal(
      payload.create({ collection: 'messages', data: messageData('pregnancy/101', { language: 'xx' }) }),
    )
    expect(message).toMatch(/^「xx」は登録されている言語ではありません。選べる言語: 日本語、やさしい日本語/)
    expect(message).toContain('"xx" is not a registered language')

    const list = await refusal(
      payload.update({ collection: 'tenants', id: 1, data: { languages: ['ja', 'klingon'] } }),
    )
    expect(list).toMatch(/^「klingon」は登録されている言語ではありません/)
    const kept = await payload.findByID({ collection: 'tenants', id: 1, depth: 0 })
    expect(kept.languages).toEqual(['ja', 'vi', 'ne'])
    const updated = await payload.update({ collection: 'tenants', id: 1, data: { languages: ['ja', 'my'] } })
    expect(updated.languages).toEqual(['ja', 'my'])
  })
})
