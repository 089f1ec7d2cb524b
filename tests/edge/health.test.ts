import { env, exports } from 'cloudflare:workers'
import { expect, it } from 'vitest'
import { app } from '../../edge/app'

it('answers /healthz with the contract version, no active snapshot yet, and every shard it reads', async () => {
  const response = await exports.default.fetch('http://edge.test/healthz')
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({
    status: 'ok',
    contractVersion: 1,
    activeManifestId: null,
    shards: [1, 2],
  })
})

it('answers 503 naming the shard it cannot read', async () => {
  // SHARD_2 as if bound but never migrated: its tables are not there.
  const shard2 = env.SHARD_2!
  const unmigrated = {
    prepare: (sql: string) => shard2.prepare(sql.replace('subscribers', 'no_such_table')),
    batch: shard2.batch.bind(shard2),
  }
  const response = await app.request('/healthz', {}, { ...env, SHARD_2: unmigrated })
  expect(response.status).toBe(503)
  expect(((await response.json()) as { message: string }).message).toContain('Shard 2 is not readable')
})
