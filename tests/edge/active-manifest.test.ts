import { env } from 'cloudflare:workers'
import { expect, it } from 'vitest'
import { activateManifest, readActiveManifest } from '../../edge/snapshot/active'
import { fixtureSnapshot } from '../../shared/contract/fixture'

// Records a manifest and its verified parts the way ingest will; optionally one more part that
// is still arriving (not verified).
async function recordManifest(id: string, options: { withPartStillArriving?: boolean } = {}) {
  const { manifest } = await fixtureSnapshot()
  const at = '2026-11-23T00:00:00.000Z'
  const arriving = { kind: 'tenant' as const, hash: 'f'.repeat(64), size: 10, tenant: 'late-town' }
  const parts = options.withPartStillArriving ? [...manifest.parts, arriving] : manifest.parts
  const statements = [
    env.DB.prepare(
      'INSERT INTO manifests (id, contract_version, created_at, received_at, body) VALUES (?1, 1, ?2, ?2, ?3)',
    ).bind(id, at, JSON.stringify({ ...manifest, id })),
  ]
  for (const part of parts) {
    statements.push(
      env.DB.prepare(
        `INSERT INTO snapshot_parts (hash, kind, tenant_slug, size, chunk_count, received_at, verified_at)
         VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6)
         ON CONFLICT (hash) DO NOTHING`,
      ).bind(
        part.hash,
        part.kind,
        part.kind === 'tenant' ? part.tenant : null,
        part.size,
        at,
        part === arriving ? null : at,
      ),
      env.DB.prepare('INSERT INTO manifest_parts (manifest_id, part_hash) VALUES (?1, ?2)').bind(
        id,
        part.hash,
      ),
    )
  }
  await env.DB.batch(statements)
}

it('makes a manifest active and remembers the one it replaced (the rollback target)', async () => {
  await recordManifest('m-1')
  await recordManifest('m-2')

  const first = await activateManifest(env.DB, 'm-1', new Date('2026-11-23T01:00:00Z'))
  expect(first).toEqual({
    activated: true,
    manifestId: 'm-1',
    previousManifestId: null,
    activatedAt: '2026-11-23T01:00:00.000Z',
  })

  const second = await activateManifest(env.DB, 'm-2', new Date('2026-11-23T02:00:00Z'))
  expect(second).toMatchObject({ activated: true, previousManifestId: 'm-1' })
  expect(await readActiveManifest(env.DB)).toEqual({
    manifestId: 'm-2',
    activatedAt: '2026-11-23T02:00:00.000Z',
    previousManifestId: 'm-1',
  })

  expect(await activateManifest(env.DB, 'm-1', new Date('2026-11-23T03:00:00Z'))).toMatchObject({
    activated: true,
    previousManifestId: 'm-2',
  })
  const { results } = await env.DB.prepare('SELECT manifest_id FROM active_manifest').all()
  expect(results).toEqual([{ manifest_id: 'm-1' }])
})

it('leaves the active manifest alone when a part of the new one has not been verified', async () => {
  await recordManifest('m-good')
  await activateManifest(env.DB, 'm-good', new Date('2026-11-23T01:00:00Z'))
  await recordManifest('m-partial', { withPartStillArriving: true })

  expect(await activateManifest(env.DB, 'm-partial', new Date())).toEqual({
    activated: false,
    reason: 'missing-parts',
  })
  expect((await readActiveManifest(env.DB))?.manifestId).toBe('m-good')
})

it('leaves the active manifest alone for a manifest it never received', async () => {
  expect(await activateManifest(env.DB, 'm-unknown', new Date())).toEqual({
    activated: false,
    reason: 'unknown-manifest',
  })
})

it('flips in one statement, recorded in the history in the same transaction, so no reader sees half of it', async () => {
  await recordManifest('m-single')
  const seen: string[] = []
  let batches = 0
  const db = new Proxy(env.DB, {
    get(target, property) {
      const value = Reflect.get(target, property)
      if (property === 'prepare') {
        return (sql: string) => {
          seen.push(sql)
          return value.call(target, sql)
        }
      }
      if (property === 'batch') batches++
      if (property === 'exec') throw new Error(`unexpected ${String(property)}`)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  await activateManifest(db, 'm-single', new Date(), undefined, {
    action: 'publish',
    actor: { id: '7', name: 'admin@example.jp' },
  })
  expect(seen.filter((sql) => /(INSERT INTO|UPDATE) active_manifest/.test(sql))).toHaveLength(1)
  expect(batches).toBe(1)
  const history = await env.DB.prepare(
    "SELECT manifest_id, action, actor_id, actor_name FROM manifest_activations WHERE manifest_id = 'm-single'",
  ).all()
  expect(history.results).toEqual([
    { manifest_id: 'm-single', action: 'publish', actor_id: '7', actor_name: 'admin@example.jp' },
  ])
})

it('records nothing in the history when the switch does not happen', async () => {
  await recordManifest('m-unswitched')
  await env.DB.prepare('INSERT INTO manifest_parts (manifest_id, part_hash) VALUES (?1, ?2)')
    .bind('m-unswitched', 'f'.repeat(64))
    .run()
  expect((await activateManifest(env.DB, 'm-unswitched', new Date())).activated).toBe(false)
  const { results } = await env.DB.prepare(
    "SELECT id FROM manifest_activations WHERE manifest_id = 'm-unswitched'",
  ).all()
  expect(results).toEqual([])
})

it('leaves the active manifest alone when a part never arrived at all', async () => {
  await recordManifest('m-before')
  await activateManifest(env.DB, 'm-before', new Date())
  await recordManifest('m-missing')
  await env.DB.prepare('INSERT INTO manifest_parts (manifest_id, part_hash) VALUES (?1, ?2)')
    .bind('m-missing', 'e'.repeat(64))
    .run()

  expect(await activateManifest(env.DB, 'm-missing', new Date())).toEqual({
    activated: false,
    reason: 'missing-parts',
  })
  expect((await readActiveManifest(env.DB))?.manifestId).toBe('m-before')
})
