import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { app } from '../../edge/app'
import { storeTenantSecret } from '../../edge/channels/secrets'
import type { Env } from '../../edge/env'
import { deskForwardCounts } from '../../edge/reports/desk-forward-counts'
import { flaggedDeliveryCounts } from '../../edge/reports/flagged-counts'
import { residentWithManageLink, validConsultation } from './support/consultation'
import {
  consumeAsTheQueue,
  emptyDeliveryTables,
  insertExpecting,
  rows,
  storeFixture,
} from './support/delivery'
import { validRegistration } from './support/resident-http'

// Where real providers send (an https PUBLIC_ORIGIN), a tenant or channel without its provider's
// credentials must not fall back to the local outbox and call the message sent: a person is told.
const site = 'https://yorisoi.example.jp'
const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const production: Env = { ...env, PUBLIC_ORIGIN: site, TENANT_SECRETS_KEY: secretsKey }

function post(path: string, fields: Record<string, string>) {
  return app.fetch(
    new Request(`${site}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site },
      body: new URLSearchParams(fields),
      redirect: 'manual',
    }),
    production,
  )
}

beforeEach(async () => {
  await emptyDeliveryTables()
  await env.DB.batch([
    env.DB.prepare('DELETE FROM tenant_secrets'),
    env.DB.prepare('DELETE FROM consultations'),
  ])
})

describe('a daily message on a channel without credentials, where real providers send', () => {
  it('is flagged for a person with the missing secret named, not sent to the outbox, and counted for the dashboard', async () => {
    const snapshot = await storeFixture()
    await insertExpecting('sub-no-key', { nextSendOn: '2026-11-23' })
    const batch = {
      tenant: 'sakura-city',
      localDate: '2026-11-23',
      manifestId: snapshot.manifest.id,
      subscriberIds: ['sub-no-key'],
    }
    expect(await consumeAsTheQueue(production, snapshot, [batch])).toEqual([])

    const [delivery] = await rows<{ state: string; error: string }>(
      "SELECT state, error FROM deliveries WHERE subscriber_id = 'sub-no-key'",
    )
    expect(delivery?.state).toBe('flagged')
    expect(delivery?.error).toMatch(/^needs-review: /)
    expect(delivery?.error).toContain('resend.apiKey')
    expect(await rows('SELECT * FROM outbox')).toEqual([])
    // No failed day: the resident did nothing wrong, and is not paused for it.
    expect(await rows('SELECT * FROM delivery_failures')).toEqual([])
    expect(
      await flaggedDeliveryCounts(env.DB, { from: '2026-11-23', to: '2026-11-23', tenants: ['sakura-city'] }),
    ).toEqual([{ date: '2026-11-23', tenant: 'sakura-city', open: 1, resolved: 0, deadLetters: 0 }])
  })

  it('still goes to the outbox locally (an http origin), as before', async () => {
    const snapshot = await storeFixture()
    await insertExpecting('sub-local', { nextSendOn: '2026-11-23' })
    const local = { ...production, PUBLIC_ORIGIN: 'http://127.0.0.1:8787' }
    const batch = {
      tenant: 'sakura-city',
      localDate: '2026-11-23',
      manifestId: snapshot.manifest.id,
      subscriberIds: ['sub-local'],
    }
    expect(await consumeAsTheQueue(local, snapshot, [batch])).toEqual([])
    expect(await rows("SELECT state FROM deliveries WHERE subscriber_id = 'sub-local'")).toEqual([
      { state: 'sent' },
    ])
    expect(await rows('SELECT recipient FROM outbox')).toEqual([{ recipient: 'sub-local@example.jp' }])
  })
})

describe('a consultation forward to the desk without email credentials, where real providers send', () => {
  it('is marked failed for a person at once (urgent ones too), never forwarded to the outbox, and counted for the dashboard', async () => {
    await storeFixture()
    const { manage } = await residentWithManageLink('c-no-key')
    const sent = await post(
      `${manage}/consult`,
      validConsultation({ text: '出血が止まりません。どうしたらいいですか。' }),
    )
    expect(sent.status).toBe(303)
    const id = sent.headers.get('location')!.split('/').pop()!

    const [forward] = await rows<{ state: string; last_error: string }>(
      'SELECT state, last_error FROM consultation_forwards WHERE consultation_id = ?1',
      id,
    )
    expect(forward?.state).toBe('failed')
    expect(forward?.last_error).toMatch(/^needs-review: /)
    expect(forward?.last_error).toContain('resend.apiKey')
    expect(await rows('SELECT * FROM outbox')).toEqual([])
    const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10)
    const counts = await deskForwardCounts(env.DB, {
      from: today,
      to: today,
      timeZones: new Map([['sakura-city', 'Asia/Tokyo']]),
    })
    expect(counts).toEqual([{ date: today, tenant: 'sakura-city', pending: 0, failed: 1 }])
  })
})

describe('registration, where real providers send', () => {
  it('offers no channel whose provider credentials are missing', async () => {
    await storeFixture()
    const page = await (await app.request(`${site}/t/sakura-city`, {}, production)).text()
    expect(page).toContain('このまちのウェブ登録はまだ準備中です')
    expect(page).not.toContain('name="channel"')

    await storeTenantSecret(env.DB, secretsKey, {
      tenant: 'sakura-city',
      name: 'resend.apiKey',
      value: 're_test',
      now: new Date(),
    })
    const withEmail = await (await app.request(`${site}/t/sakura-city`, {}, production)).text()
    expect(withEmail).toContain('value="email"')
    expect(withEmail).not.toContain('value="sms"')
  })

  it('refuses a posted channel without credentials with a bilingual error, storing nobody', async () => {
    await storeFixture()
    await storeTenantSecret(env.DB, secretsKey, {
      tenant: 'sakura-city',
      name: 'resend.apiKey',
      value: 're_test',
      now: new Date(),
    })
    const refused = await post(
      '/t/sakura-city',
      validRegistration({ channel: 'sms', address: '090-1234-5678' }),
    )
    expect(refused.status).toBe(422)
    const page = await refused.text()
    expect(page).toContain('受け取り方を選んでください')
    expect(page).toContain('Choose how to receive messages')
    expect(await rows('SELECT id FROM subscribers')).toEqual([])
    expect(await rows('SELECT * FROM outbox')).toEqual([])
  })
})
