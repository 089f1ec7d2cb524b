import { createScheduledController } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import type { D1Database } from '@cloudflare/workers-types'
import { beforeAll, beforeEach, expect, inject, it } from 'vitest'
import { storeTenantSecret } from '../../edge/channels/secrets'
import worker from '../../edge/index'
import { storeSnapshot } from '../../edge/snapshot/store'
import { fixtureSnapshot } from '../../shared/contract/fixture'
import { shardNumberOf, shardOf } from './support/shards'

const fake = inject('fakeResendUrl')
const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const withResend = { ...env, TENANT_SECRETS_KEY: secretsKey, RESEND_BASE_URL: fake }
const control = async (path: string) =>
  (await (await fetch(`${fake}/__fake/${path}`, { method: 'POST', body: 'null' })).json()) as {
    deliveries: Record<string, number>
  }

// Placed as the ingest places them: sakura-city on shard 1 (main), minato-town on shard 2.
beforeAll(async () => {
  await storeSnapshot(env.DB, await fixtureSnapshot(), new Date(), env)
  for (const tenant of ['sakura-city', 'minato-town'])
    await storeTenantSecret(env.DB, secretsKey, {
      tenant,
      name: 'resend.apiKey',
      value: 're_test',
      now: new Date(),
    })
})

beforeEach(async () => {
  await control('reset')
  await env.DB.prepare('UPDATE tenant_shards SET moving_to = NULL').run()
})

/** A consultation whose first forward failed, due for a retry now, written in the tenant's shard. */
async function waitingConsultation(db: D1Database, tenant: string, id: string) {
  const at = new Date(Date.now() - 60_000).toISOString()
  await db.batch([
    db
      .prepare(
        `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
         VALUES (?1, ?2, 'はな', 'primary', 'ja', 'email', ?1 || '@example.jp', 'active', '2099-01-01', ?3, ?3)`,
      )
      .bind(`s-${id}`, tenant, at),
    db
      .prepare(
        `INSERT INTO consultations (id, subscriber_id, tenant_slug, category, text, contact_by, urgent, created_at)
         VALUES (?1, ?2, ?3, 'body', 'おなかの張りが気になります', 'none', 0, ?4)`,
      )
      .bind(id, `s-${id}`, tenant, at),
    db
      .prepare(
        `INSERT INTO consultation_forwards (consultation_id, tenant_slug, state, attempts, next_attempt_at, last_error, updated_at)
         VALUES (?1, ?2, 'pending', 1, ?3, 'resend 500', ?3)`,
      )
      .bind(id, tenant, at),
  ])
}

const forwardState = (db: D1Database, id: string) =>
  db
    .prepare('SELECT state FROM consultation_forwards WHERE consultation_id = ?1')
    .bind(id)
    .first<string>('state')

const tick = () =>
  worker.scheduled(createScheduledController({ cron: '*/5 * * * *', scheduledTime: Date.now() }), withResend)

it('a town on shard 2: the cron tick forwards its waiting consultation from shard 2, once, and shard 1’s too', async () => {
  expect(await shardNumberOf('minato-town')).toBe(2)
  const shard = await shardOf('minato-town')
  await waitingConsultation(shard, 'minato-town', 'c-minato')
  await waitingConsultation(env.DB, 'sakura-city', 'c-sakura')

  await tick()
  expect(await forwardState(shard, 'c-minato')).toBe('sent')
  expect(await forwardState(env.DB, 'c-sakura')).toBe('sent')
  expect(await forwardState(env.DB, 'c-minato')).toBeNull()
  await tick()
  expect((await control('stats')).deliveries).toEqual({
    'consultation-c-minato': 1,
    'consultation-c-sakura': 1,
  })
})

it('a town whose residents are moving waits: its consultation is forwarded after the move', async () => {
  const shard = await shardOf('minato-town')
  await waitingConsultation(shard, 'minato-town', 'c-minato-moving')
  await env.DB.prepare("UPDATE tenant_shards SET moving_to = 1 WHERE tenant_slug = 'minato-town'").run()
  await tick()
  expect(await forwardState(shard, 'c-minato-moving')).toBe('pending')
  expect((await control('stats')).deliveries).toEqual({})

  await env.DB.prepare('UPDATE tenant_shards SET moving_to = NULL').run()
  await tick()
  expect(await forwardState(shard, 'c-minato-moving')).toBe('sent')
  expect((await control('stats')).deliveries).toEqual({ 'consultation-c-minato-moving': 1 })
})
