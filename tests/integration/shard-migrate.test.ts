import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { executeLocalD1 } from '../support/local-d1'
import { runYorisoi } from '../support/run-yorisoi'

// `npx yorisoi shard migrate` applies edge/migrations to every D1 binding wrangler.toml declares:
// the main database and each shard end with the same tables. (Locally here; --remote does the same
// with `wrangler d1 migrations apply BINDING --remote`.)

const dir = mkdtempSync(join(tmpdir(), 'yorisoi-shard-migrate-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const migrations = readdirSync(resolve(import.meta.dirname, '../../edge/migrations')).filter((f) =>
  f.endsWith('.sql'),
)

// wrangler starts five times (two bindings, twice, and the reads): minutes on a busy 2-core runner.
it('migrates the main database and every shard alike, and a second run finds nothing to do', async () => {
  const first = await runYorisoi(['shard', 'migrate', '--persist-to', dir], '', {})
  expect(first.code, first.stderr).toBe(0)
  expect(first.stdout).toContain('DB: マイグレーションを適用します / applying migrations')
  expect(first.stdout).toContain('SHARD_2: マイグレーションを適用します / applying migrations')
  expect(first.stdout).toContain('2 databases up to date')
  for (const binding of ['DB', 'SHARD_2']) {
    const applied = (await executeLocalD1(dir, 'SELECT name FROM d1_migrations ORDER BY id', binding)) as {
      name: string
    }[]
    expect(applied.map((m) => m.name)).toEqual(migrations)
    const tables = await executeLocalD1(
      dir,
      "SELECT name FROM sqlite_master WHERE name = 'tenant_shards'",
      binding,
    )
    expect(tables).toEqual([{ name: 'tenant_shards' }])
  }
  const again = await runYorisoi(['shard', 'migrate', '--persist-to', dir], '', {})
  expect(again.code, again.stderr).toBe(0)
}, 240_000)
