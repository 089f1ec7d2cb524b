import { env } from 'cloudflare:workers'
import type { D1Database } from '@cloudflare/workers-types'
import { beforeAll, beforeEach, expect, it } from 'vitest'
import { app } from '../../edge/app'
import type { Env } from '../../edge/env'
import { fixtureSnapshot } from '../../shared/contract/fixture'
import { svixHeaders, twilioSignature } from '../fakes/webhook-signatures'
import { ingestTokens, publish } from './support/ingest-client'
import { followEvent, lineUserId, signedWebhook } from './support/line-webhook'
import { shardNumberOf, shardOf } from './support/shards'

// Minato's residents live in shard 2 (the fixture published through the ingest API puts it there).
// Every webhook for Minato must act there and leave main alone: these fail if a route used env.DB.

const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const bindings = { ...env, TENANT_SECRETS_KEY: secretsKey } as Env
const svixSecret = `whsec_${btoa('minato-resend-signing-secret-32b')}`
const lineSecret = '0123456789abcdef0123456789abcdef'
const karadenToken = 'minato-karaden-callback-token-0123'
const twilio = {
  accountSid: `AC${'0123456789abcdef'.repeat(2)}`,
  authToken: 'minato-auth-token',
  from: '+815012345678',
}

let shard: D1Database

async function setSecret(name: string, value: string) {
  const response = await app.request(
    `http://edge.test/ingest/tenants/minato-town/secrets/${name}`,
    {
      method: 'PUT',
      headers: { authorization: `Bearer ${ingestTokens.secrets}`, 'content-type': 'application/json' },
      body: JSON.stringify({ value }),
    },
    bindings,
  )
  expect(response.status, await response.clone().text()).toBe(200)
}

beforeAll(async () => {
  expect((await publish(await fixtureSnapshot())).status).toBe(201)
  expect(await shardNumberOf('minato-town')).toBe(2)
  shard = await shardOf('minato-town')
  await setSecret('resend.webhookSecret', svixSecret)
  await setSecret('line.channelSecret', lineSecret)
  await setSecret('karaden.callbackToken', karadenToken)
  await setSecret('twilio.credentials', JSON.stringify(twilio))
})

const residentTables = ['outbox', 'deliveries', 'consents', 'suppressions', 'webhook_events', 'subscribers']

beforeEach(async () => {
  for (const db of [env.DB, shard])
    await db.batch([...residentTables, 'delivery_failures'].map((t) => db.prepare(`DELETE FROM ${t}`)))
})

/** An active Minato resident in shard 2, with their consent. */
async function minatoResident(id: string, channel: 'email' | 'sms' | 'line', address: string) {
  const at = '2026-10-01T00:00:00.000Z'
  await shard.batch([
    shard
      .prepare(
        `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
         VALUES (?1, 'minato-town', 'うみ', 'primary', 'ja', ?2, ?3, 'active', '2026-11-23', ?4, ?4)`,
      )
      .bind(id, channel, address, at),
    shard
      .prepare(
        `INSERT INTO consents (subscriber_id, tenant_slug, notice_version, method, given_at)
         VALUES (?1, 'minato-town', 'v1', 'web-form', ?2)`,
      )
      .bind(id, at),
  ])
}

const all = async <T>(db: D1Database, sql: string) => (await db.prepare(sql).all<T>()).results

const subscriber = async (id: string) =>
  shard.prepare('SELECT state, state_reason FROM subscribers WHERE id = ?1').bind(id).first()

/** Main holds nothing about a resident after the webhook: every table above is empty there. */
async function mainUntouched() {
  for (const table of residentTables)
    expect(await all(env.DB, `SELECT * FROM ${table}`), `main's ${table}`).toEqual([])
}

const post = (path: string, body: string, headers: Record<string, string>) =>
  app.request(`http://edge.test${path}`, { method: 'POST', body, headers }, bindings)

it('a Resend bounce for a Minato resident pauses them and suppresses the address in shard 2, nothing in main', async () => {
  await minatoResident('minato-mail', 'email', 'umi@example.jp')
  const body = JSON.stringify({
    type: 'email.bounced',
    created_at: new Date().toISOString(),
    data: { email_id: crypto.randomUUID(), to: ['umi@example.jp'] },
  })
  const headers = await svixHeaders(svixSecret, body)
  expect((await post('/webhooks/resend/minato-town', body, headers)).status).toBe(204)

  expect(await subscriber('minato-mail')).toEqual({ state: 'paused', state_reason: 'suppressed: bounced' })
  expect(await all(shard, 'SELECT tenant_slug, channel, address, reason FROM suppressions')).toEqual([
    { tenant_slug: 'minato-town', channel: 'email', address: 'umi@example.jp', reason: 'bounced' },
  ])
  // The replay guard is in shard 2 too: the same webhook again changes nothing.
  expect(await all(shard, 'SELECT provider, event_id FROM webhook_events')).toEqual([
    { provider: 'resend', event_id: headers['svix-id'] },
  ])
  await shard.prepare("UPDATE subscribers SET state = 'active', state_reason = NULL").run()
  expect((await post('/webhooks/resend/minato-town', body, headers)).status).toBe(204)
  expect(await subscriber('minato-mail')).toEqual({ state: 'active', state_reason: null })
  await mainUntouched()
})

it('a LINE unfollow from a Minato friend pauses them in shard 2, nothing in main', async () => {
  const userId = lineUserId()
  await minatoResident('minato-line', 'line', userId)
  const { body, headers } = await signedWebhook(lineSecret, [
    {
      type: 'unfollow',
      webhookEventId: '01MINATOUNFOLLOW',
      timestamp: Date.now(),
      source: { type: 'user', userId },
    },
  ])
  expect((await post('/webhooks/line/minato-town', body, headers)).status).toBe(200)

  expect(await subscriber('minato-line')).toEqual({ state: 'paused', state_reason: 'suppressed: unfollowed' })
  expect(await all(shard, 'SELECT channel, address, reason FROM suppressions')).toEqual([
    { channel: 'line', address: userId, reason: 'unfollowed' },
  ])
  expect(await all(shard, 'SELECT provider, event_id FROM webhook_events')).toEqual([
    { provider: 'line', event_id: '01MINATOUNFOLLOW' },
  ])
  await mainUntouched()
})

it('a LINE follow from someone not yet linked is answered (asked for the code) into shard 2’s outbox', async () => {
  const userId = lineUserId()
  const { body, headers } = await signedWebhook(lineSecret, [followEvent(userId)])
  expect((await post('/webhooks/line/minato-town', body, headers)).status).toBe(200)

  const replies = await all<{ tenant_slug: string; channel: string; recipient: string }>(
    shard,
    'SELECT tenant_slug, channel, recipient FROM outbox',
  )
  expect(replies).toEqual([{ tenant_slug: 'minato-town', channel: 'line', recipient: userId }])
  await mainUntouched()
})

it('a Twilio STOP from a Minato resident stops them and withdraws their consent in shard 2; START lifts the suppression there', async () => {
  await minatoResident('minato-sms', 'sms', '+819011112222')
  const inbound = async (body: string) => {
    const params = {
      MessageSid: `SM${crypto.randomUUID().replaceAll('-', '')}`,
      AccountSid: twilio.accountSid,
      From: '+819011112222',
      To: twilio.from,
      Body: body,
    }
    const url = 'http://edge.test/webhooks/twilio/minato-town/inbound'
    return post('/webhooks/twilio/minato-town/inbound', new URLSearchParams(params).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': await twilioSignature(twilio.authToken, url, params),
    })
  }
  expect((await inbound('STOP')).status).toBe(200)

  expect(await subscriber('minato-sms')).toEqual({ state: 'stopped', state_reason: 'suppressed: opted-out' })
  expect(await all(shard, 'SELECT channel, address, reason FROM suppressions')).toEqual([
    { channel: 'sms', address: '+819011112222', reason: 'opted-out' },
  ])
  expect(await all(shard, 'SELECT withdrawn_at IS NOT NULL AS withdrawn FROM consents')).toEqual([
    { withdrawn: 1 },
  ])
  await mainUntouched()

  expect((await inbound('START')).status).toBe(200)
  expect(await all(shard, 'SELECT * FROM suppressions')).toEqual([])
})

it('a Karaden report of an undeliverable number fails the Minato delivery and suppresses the number in shard 2', async () => {
  await minatoResident('minato-karaden', 'sms', '+819033334444')
  const messageId = crypto.randomUUID()
  await shard
    .prepare(
      `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, channel, state, idempotency_key,
                               provider_message_id, created_at, updated_at)
       VALUES (?1, 'minato-karaden', 'minato-town', '2026-11-23', 'program', 'sms', 'sent', ?1, ?2, ?3, ?3)`,
    )
    .bind(crypto.randomUUID(), messageId, '2026-11-23T00:00:00.000Z')
    .run()
  const report = JSON.stringify({ id: messageId, object: 'message', status: 'done', sent_result: 'error' })
  expect(
    (
      await post(`/webhooks/karaden/minato-town/${karadenToken}`, report, {
        'content-type': 'application/json',
      })
    ).status,
  ).toBe(200)

  expect(await all(shard, 'SELECT state, error FROM deliveries')).toEqual([
    { state: 'failed-permanent', error: 'karaden: undeliverable (status done, error)' },
  ])
  expect(await all(shard, 'SELECT address, reason FROM suppressions')).toEqual([
    { address: '+819033334444', reason: 'invalid-number' },
  ])
  expect(await subscriber('minato-karaden')).toEqual({
    state: 'paused',
    state_reason: 'suppressed: invalid-number',
  })
  await mainUntouched()
})

it('a webhook for a town while it moves to another shard answers 503 (the provider retries) and writes nothing', async () => {
  await minatoResident('minato-moving', 'line', 'Uminato-moving')
  await env.DB.prepare("UPDATE tenant_shards SET moving_to = 1 WHERE tenant_slug = 'minato-town'").run()
  try {
    const { body, headers } = await signedWebhook(lineSecret, [
      {
        type: 'unfollow',
        webhookEventId: '01MINATOMOVING',
        timestamp: Date.now(),
        source: { type: 'user', userId: 'Uminato-moving' },
      },
    ])
    const response = await post('/webhooks/line/minato-town', body, headers)
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('60')
  } finally {
    await env.DB.prepare("UPDATE tenant_shards SET moving_to = NULL WHERE tenant_slug = 'minato-town'").run()
  }
  expect(await subscriber('minato-moving')).toEqual({ state: 'active', state_reason: null })
  expect(await all(shard, 'SELECT * FROM webhook_events')).toEqual([])
  await mainUntouched()
})
