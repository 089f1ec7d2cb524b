import { env } from 'cloudflare:workers'
import { beforeEach, expect, it } from 'vitest'
import { app } from '../../edge/app'
import { storeTenantSecret } from '../../edge/channels/secrets'
import { lineSignature, svixHeaders } from '../fakes/webhook-signatures'
import { emptyDeliveryTables, insertExpecting, rows } from './support/delivery'

const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const bindings = { ...env, TENANT_SECRETS_KEY: secretsKey }
const svixSecret = `whsec_${btoa('a-resend-signing-secret-32-bytes')}`
const lineSecret = 'line-channel-secret'

beforeEach(async () => {
  await emptyDeliveryTables()
  await env.DB.prepare('DELETE FROM tenant_secrets').run()
  const now = new Date()
  await storeTenantSecret(env.DB, secretsKey, {
    tenant: 'sakura-city',
    name: 'resend.webhookSecret',
    value: svixSecret,
    now,
  })
  await storeTenantSecret(env.DB, secretsKey, {
    tenant: 'minato-town',
    name: 'line.channelSecret',
    value: lineSecret,
    now,
  })
})

const bounce = (to: string, type = 'email.bounced') =>
  JSON.stringify({
    type,
    created_at: new Date().toISOString(),
    data: { email_id: crypto.randomUUID(), to: [to] },
  })

const post = (path: string, body: string, headers: Record<string, string>) =>
  app.request(path, { method: 'POST', body, headers }, bindings)

const subscriberState = async (id: string) =>
  (
    await rows<{ state: string; state_reason: string | null }>(
      'SELECT state, state_reason FROM subscribers WHERE id = ?1',
      id,
    )
  )[0]

it('pauses the subscriber at once when Resend reports a bounce or a complaint, signed with Svix', async () => {
  await insertExpecting('sub-bounce')
  await insertExpecting('sub-complaint')
  const body = bounce('sub-bounce@example.jp')
  expect((await post('/webhooks/resend/sakura-city', body, await svixHeaders(svixSecret, body))).status).toBe(
    204,
  )
  const complaint = bounce('sub-complaint@example.jp', 'email.complained')
  await post('/webhooks/resend/sakura-city', complaint, await svixHeaders(svixSecret, complaint))

  expect(await subscriberState('sub-bounce')).toEqual({
    state: 'paused',
    state_reason: 'suppressed: bounced',
  })
  expect(await subscriberState('sub-complaint')).toEqual({
    state: 'paused',
    state_reason: 'suppressed: complained',
  })
  expect(await rows('SELECT channel, address, reason FROM suppressions ORDER BY reason')).toEqual([
    { channel: 'email', address: 'sub-bounce@example.jp', reason: 'bounced' },
    { channel: 'email', address: 'sub-complaint@example.jp', reason: 'complained' },
  ])
})

it('answers 401 and changes nothing for an unsigned, wrongly signed, altered or stale Resend webhook', async () => {
  await insertExpecting('sub-safe')
  const body = bounce('sub-safe@example.jp')
  const good = await svixHeaders(svixSecret, body)
  const attempts = [
    { 'content-type': 'application/json' },
    await svixHeaders(`whsec_${btoa('another-secret-entirely-32-bytes')}`, body),
    await svixHeaders(svixSecret, body, new Date(Date.now() - 10 * 60_000)),
  ]
  for (const headers of attempts)
    expect((await post('/webhooks/resend/sakura-city', body, headers)).status).toBe(401)
  expect(
    (await post('/webhooks/resend/sakura-city', body.replace('bounced', 'delivered'), good)).status,
  ).toBe(401)
  expect((await post('/webhooks/resend/minato-town', body, good)).status).toBe(401)
  expect(await subscriberState('sub-safe')).toEqual({ state: 'active', state_reason: null })
  expect(await rows('SELECT * FROM suppressions')).toEqual([])
})

it('pauses a LINE subscriber who unfollows, and refuses an event without the right x-line-signature', async () => {
  await insertExpecting('sub-line', { tenant: 'minato-town', channel: 'line' })
  const body = JSON.stringify({
    destination: 'U0',
    events: [
      {
        type: 'unfollow',
        webhookEventId: '01H',
        timestamp: Date.now(),
        source: { type: 'user', userId: 'Usub-line' },
      },
    ],
  })
  const forged = await lineSignature('not-the-secret', body)
  expect((await post('/webhooks/line/minato-town', body, { 'x-line-signature': forged })).status).toBe(401)
  expect((await post('/webhooks/line/minato-town', body, {})).status).toBe(401)
  expect(await subscriberState('sub-line')).toEqual({ state: 'active', state_reason: null })

  const signed = await lineSignature(lineSecret, body)
  expect((await post('/webhooks/line/minato-town', body, { 'x-line-signature': signed })).status).toBe(200)
  expect(await subscriberState('sub-line')).toEqual({
    state: 'paused',
    state_reason: 'suppressed: unfollowed',
  })
})

it('acts once on a replayed Resend webhook (same svix-id, still within the tolerance): acknowledged, nothing redone', async () => {
  await insertExpecting('sub-replay')
  const body = bounce('sub-replay@example.jp')
  const headers = await svixHeaders(svixSecret, body)
  expect((await post('/webhooks/resend/sakura-city', body, headers)).status).toBe(204)
  expect(await subscriberState('sub-replay')).toMatchObject({ state: 'paused' })
  // The town resumes the resident after fixing the address; a replay must not pause them again.
  await env.DB.prepare('DELETE FROM suppressions').run()
  await env.DB.prepare(
    "UPDATE subscribers SET state = 'active', state_reason = NULL WHERE id = 'sub-replay'",
  ).run()
  expect((await post('/webhooks/resend/sakura-city', body, headers)).status).toBe(204)
  expect(await rows('SELECT address FROM suppressions')).toEqual([])
  expect(await subscriberState('sub-replay')).toEqual({ state: 'active', state_reason: null })
})

it('acts once on a replayed LINE event (same webhookEventId)', async () => {
  await insertExpecting('sub-line-replay', { tenant: 'minato-town', channel: 'line' })
  const body = JSON.stringify({
    destination: 'U0',
    events: [
      {
        type: 'unfollow',
        webhookEventId: '01REPLAY',
        timestamp: Date.now(),
        source: { type: 'user', userId: 'Usub-line-replay' },
      },
    ],
  })
  const headers = { 'x-line-signature': await lineSignature(lineSecret, body) }
  expect((await post('/webhooks/line/minato-town', body, headers)).status).toBe(200)
  await env.DB.prepare('DELETE FROM suppressions').run()
  await env.DB.prepare(
    "UPDATE subscribers SET state = 'active', state_reason = NULL WHERE id = 'sub-line-replay'",
  ).run()
  expect((await post('/webhooks/line/minato-town', body, headers)).status).toBe(200)
  expect(await rows('SELECT address FROM suppressions')).toEqual([])
  expect(await subscriberState('sub-line-replay')).toEqual({ state: 'active', state_reason: null })
})
