import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, lstat, mkdir, mkdtemp, realpath, rm, stat } from 'node:fs/promises'
import { userInfo } from 'node:os'
import { join, resolve } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { startEmbeddedPostgres } from '../../cms/db/embedded'

// As root, Postgres runs as the `postgres` user, who cannot open a checkout kept in a private
// folder (a clone in /root, mode 0700): `npm start` and `npm test` died with `spawn …/initdb
// EACCES`. A 0700 folder inside .data stands for that checkout here.
const parent = resolve(import.meta.dirname, '../../.data/test-postgres')
const removeAfter: string[] = []
afterAll(async () => {
  for (const dir of removeAfter.reverse()) await rm(dir, { recursive: true, force: true })
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

describe.runIf(userInfo().uid === 0)('the embedded Postgres, as root in a private checkout', () => {
  it('starts, keeps its data across restarts, and opens nothing of the checkout to others', async () => {
    await mkdir(parent, { recursive: true })
    const checkout = await mkdtemp(join(parent, `private-${process.pid}-`))
    removeAfter.push(checkout)
    await chmod(checkout, 0o700)
    const dataDir = join(checkout, '.data', 'postgres')

    const first = await startEmbeddedPostgres({ dataDir })
    const kept = await realpath(dataDir)
    removeAfter.push(kept)
    await first.ensureDatabase('yorisoi')
    await query(
      first.urlFor('yorisoi'),
      'CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$寄り添い$$)',
    )
    await first.stop()

    // The data lives where only the postgres user can open it, and the checkout stays private.
    expect((await lstat(dataDir)).isSymbolicLink()).toBe(true)
    expect(kept.startsWith(checkout)).toBe(false)
    const owner = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }))
    expect((await stat(kept)).uid).toBe(owner)
    expect((await stat(kept)).mode & 0o777).toBe(0o700)
    expect((await stat(checkout)).mode & 0o777).toBe(0o700)

    const second = await startEmbeddedPostgres({ dataDir })
    try {
      expect(await query(second.urlFor('yorisoi'), 'SELECT note FROM kept')).toEqual([{ note: '寄り添い' }])
    } finally {
      await second.stop()
    }
  })

  it('removes a throwaway cluster (the tests’ own) and its folder on stop', async () => {
    await mkdir(parent, { recursive: true })
    const checkout = await mkdtemp(join(parent, `private-${process.pid}-`))
    removeAfter.push(checkout)
    await chmod(checkout, 0o700)
    const dataDir = join(checkout, 'run')

    const server = await startEmbeddedPostgres({ dataDir, persistent: false, settings: { fsync: 'off' } })
    const placed = await realpath(dataDir)
    removeAfter.push(placed)
    expect(await query(server.urlFor('postgres'), 'SELECT 1 AS one')).toEqual([{ one: 1 }])
    await server.stop()
    expect(existsSync(dataDir)).toBe(false)
    expect(existsSync(placed)).toBe(false)
  })
})
