import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { expect } from 'vitest'
import { tablesOf } from './shard-rows'

/**
 * Empties the test's D1 and applies the migrations named before `before` (e.g. '0037'), so a test
 * writes rows as an older schema held them and then migrates on.
 */
export async function migratedUpTo(before: string): Promise<void> {
  // Rows pointing into a table keep it until they go: drop what can be dropped, round by round.
  for (let round = 0; round < 10; round++)
    for (const table of await tablesOf(env.DB))
      await env.DB.prepare(`DROP TABLE ${table}`)
        .run()
        .catch(() => undefined)
  expect(await tablesOf(env.DB)).toEqual([])
  await env.DB.prepare('DROP TABLE d1_migrations').run()
  await applyD1Migrations(
    env.DB,
    env.TEST_MIGRATIONS.filter((m) => m.name < before),
  )
}
