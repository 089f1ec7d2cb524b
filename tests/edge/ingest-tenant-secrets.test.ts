import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, inject, it } from 'vitest'
import { app } from '../../edge/app'
import { adapterFor } from '../../edge/channels/registry'
import { readTenantSecret, rotateTenantSecrets } from '../../edge/channels/secrets'
import { sendTransactional } from '../../edge/channels/transactional'
import type { Env } from '../../edge/env'
import { fixtureSnapshot } from '../../shared/contract/fixture'
import { ingestTokens, publish } from './support/ingest-client'

const newKey = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const secretsKey = newKey()
const withKey = { ...env, TENANT_SECRETS_KEY: secretsKey } as Env
const twilio = { accountSid: `AC${'0123456789abcdef'.repeat(2)}`, authToken: 'tok', from: '+815012345678' }

function secrets(
  path: string,
  init: { method?: string; value?: unknown; token?: string | null; bindings?: Env } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const token = init.token === undefined ? ingestTokens.secrets : init.token
  if (token !== null) headers.authorization = `Bearer ${token}`
  return Promise.resolve(
    app.request(
      `http://edge.test/ingest/tenants/${path}`,
      {
        method: init.method ?? (init.value === undefined ? 'GET' : 'PUT'),
        headers,
        ...(init.value === undefined ? {} : { body: JSON.stringify({ value: init.value }) }),
      },
      init.bindings ?? withKey,
    ),
  )
}

const stored = () => env.DB.prepare('SELECT count(*) AS n FROM tenant_secrets').first<{ n: number }>()

beforeEach(async () => {
  await env.DB.prepare('DELETE FROM tenant_secrets').run()
  expect((await publish(await fixtureSnapshot())).status).toBe(201)
})

describe('tenant secrets through the ingest API', () => {
  it('a stored Resend key switches the tenant’s email from the outbox to Resend; deleting it switches back', async () => {
    expect((await adapterFor(withKey, 'sakura-city', 'email')).name).toBe('outbox')
    const set = await secrets('sakura-city/secrets/resend.apiKey', { value: 're_live_key_1' })
    expect(set.status).toBe(200)
    expect(await readTenantSecret(env.DB, secretsKey, 'sakura-city', 'resend.apiKey')).toBe('re_live_key_1')
    expect((await adapterFor(withKey, 'sakura-city', 'email')).name).toBe('resend')
    // Another tenant's email is untouched.
    expect((await adapterFor(withKey, 'minato-town', 'email')).name).toBe('outbox')

    const removed = await secrets('sakura-city/secrets/resend.apiKey', { method: 'DELETE' })
    expect(await removed.json()).toMatchObject({ deleted: true })
    expect((await adapterFor(withKey, 'sakura-city', 'email')).name).toBe('outbox')
    const again = await secrets('sakura-city/secrets/resend.apiKey', { method: 'DELETE' })
    expect(await again.json()).toMatchObject({ deleted: false })
  })

  it('stores JSON credentials canonically and the SMS channel picks Twilio', async () => {
    const set = await secrets('sakura-city/secrets/twilio.credentials', {
      value: JSON.stringify({ ...twilio, extra: 'dropped' }),
    })
    expect(set.status).toBe(200)
    expect(
      JSON.parse((await readTenantSecret(env.DB, secretsKey, 'sakura-city', 'twilio.credentials'))!),
    ).toEqual(twilio)
    expect((await adapterFor(withKey, 'sakura-city', 'sms')).name).toBe('twilio')
  })

  it('lists names and times, never values', async () => {
    await secrets('sakura-city/secrets/resend.apiKey', { value: 're_secret_value' })
    await secrets('sakura-city/secrets/line.channelSecret', { value: 'ab'.repeat(16) })
    const response = await secrets('sakura-city/secrets')
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text).not.toContain('re_secret_value')
    expect(text).not.toContain('ab'.repeat(16))
    const body = JSON.parse(text) as { secrets: { name: string; updatedAt: string }[] }
    expect(body.secrets.map((s) => s.name)).toEqual(['line.channelSecret', 'resend.apiKey'])
    expect(Object.keys(body.secrets[0]!).sort()).toEqual(['name', 'updatedAt'])
  })

  it('refuses a wrong or missing token with 401 and writes nothing', async () => {
    for (const token of [null, 'test-ingest-tokeN']) {
      const response = await secrets('sakura-city/secrets/resend.apiKey', { value: 're_x', token })
      expect(response.status).toBe(401)
      expect((await secrets('sakura-city/secrets', { token })).status).toBe(401)
    }
    expect((await stored())!.n).toBe(0)
  })

  it('refuses an unknown name, a value of the wrong shape and an unknown tenant, in Japanese then English', async () => {
    const unknownName = await secrets('sakura-city/secrets/sendgrid.apiKey', { value: 'x' })
    expect(unknownName.status).toBe(400)
    const unknownBody = (await unknownName.json()) as {
      error: { message: string; details: { message: string }[] }
    }
    expect(unknownBody.error.message).toMatch(/^リクエスト.+ \/ The request/)
    expect(unknownBody.error.details[0]!.message).toMatch(/^不明なシークレット名.+ \/ Unknown secret name/)

    const badTwilio = await secrets('sakura-city/secrets/twilio.credentials', {
      value: JSON.stringify({ accountSid: 'nope', authToken: 'tok' }),
    })
    expect(badTwilio.status).toBe(400)
    const paths = ((await badTwilio.json()) as { error: { details: { path: string }[] } }).error.details.map(
      (d) => d.path,
    )
    expect(paths).toEqual(expect.arrayContaining(['value.accountSid', 'value.from']))

    const notJson = await secrets('sakura-city/secrets/karaden.credentials', { value: '{tenantId:' })
    expect(notJson.status).toBe(400)
    // A webhook secret pasted as the API key is caught.
    expect((await secrets('sakura-city/secrets/resend.apiKey', { value: 'whsec_abc' })).status).toBe(400)

    const nowhere = await secrets('nowhere-town/secrets/resend.apiKey', { value: 're_x' })
    expect(nowhere.status).toBe(404)
    expect(((await nowhere.json()) as { error: { code: string } }).error.code).toBe('unknown-tenant')
    expect((await stored())!.n).toBe(0)
  })

  it('answers 503 when the edge has no TENANT_SECRETS_KEY', async () => {
    const response = await secrets('sakura-city/secrets/resend.apiKey', {
      value: 're_x',
      bindings: env as Env,
    })
    expect(response.status).toBe(503)
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /^エッジに TENANT_SECRETS_KEY.+ \/ TENANT_SECRETS_KEY is not set/,
    )
    expect((await stored())!.n).toBe(0)
  })
})

describe('rotating TENANT_SECRETS_KEY', () => {
  const oldKey = secretsKey
  const nextKey = newKey()
  const rotating = { ...env, TENANT_SECRETS_KEY: nextKey, TENANT_SECRETS_KEY_PREVIOUS: oldKey } as Env
  const rotated = { ...env, TENANT_SECRETS_KEY: nextKey } as Env
  const twilioSend = (bindings: Env, to: string) =>
    sendTransactional(
      { ...bindings, TWILIO_API_BASE_URL: inject('fakeTwilioUrl') },
      {
        idempotencyKey: crypto.randomUUID(),
        tenant: 'sakura-city',
        channel: 'sms',
        to,
        text: '認証コード 123456',
      },
    )
  const rotate = (body?: unknown, bindings: Env = rotating) =>
    app.request(
      'http://edge.test/ingest/tenants/secrets/rotate',
      {
        method: 'POST',
        headers: { authorization: `Bearer ${ingestTokens.secrets}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      },
      bindings,
    )

  it('keeps sending with secrets written under the old key, re-encrypts them page by page, then the new key alone opens them', async () => {
    // Written under the old key, as before the rotation began.
    await secrets('sakura-city/secrets/twilio.credentials', { value: JSON.stringify(twilio) })
    await secrets('sakura-city/secrets/resend.apiKey', { value: 're_sakura' })
    await secrets('minato-town/secrets/resend.apiKey', { value: 're_minato' })

    // The new key is deployed with the old one as PREVIOUS: sends go on, new writes use the new key.
    const during = await twilioSend(rotating, '+819011112222')
    expect(during).toMatchObject({ outcome: 'sent', providerMessageId: expect.stringMatching(/^SM/) })
    expect(
      (
        await secrets('minato-town/secrets/line.channelSecret', {
          value: 'cd'.repeat(16),
          bindings: rotating,
        })
      ).status,
    ).toBe(200)

    // One page of one secret, then the endpoint the CLI calls for the rest.
    const first = await rotateTenantSecrets(env.DB, { current: nextKey, previous: oldKey }, { limit: 1 })
    expect(first).toEqual({
      rotated: 1,
      unreadable: [],
      next: { tenant: 'minato-town', name: 'resend.apiKey' },
      remaining: 2,
    })
    expect((await twilioSend(rotating, '+819011112222')).outcome).toBe('sent')
    const rest = await rotate({ after: first.next })
    expect(rest.status).toBe(200)
    expect(await rest.json()).toEqual({ rotated: 2, unreadable: [], next: null, remaining: 0 })
    // Nothing left: a second run changes nothing.
    expect(await (await rotate()).json()).toEqual({ rotated: 0, unreadable: [], next: null, remaining: 0 })

    // TENANT_SECRETS_KEY_PREVIOUS removed: every secret opens with the new key alone.
    expect((await twilioSend(rotated, '+819011112222')).outcome).toBe('sent')
    expect(await readTenantSecret(env.DB, nextKey, 'sakura-city', 'resend.apiKey')).toBe('re_sakura')
    expect(await readTenantSecret(env.DB, nextKey, 'minato-town', 'resend.apiKey')).toBe('re_minato')
    expect(await readTenantSecret(env.DB, nextKey, 'minato-town', 'line.channelSecret')).toBe('cd'.repeat(16))
    // And the old key opens none of them any more.
    await expect(readTenantSecret(env.DB, oldKey, 'sakura-city', 'resend.apiKey')).rejects.toThrow(
      /復号できません/,
    )
  })

  it('a wrong key says so in Japanese then English and sends nothing; rotation leaves what neither key opens and names it', async () => {
    await secrets('sakura-city/secrets/twilio.credentials', { value: JSON.stringify(twilio) })
    const wrong = { ...env, TENANT_SECRETS_KEY: newKey() } as Env
    const refused = await twilioSend(wrong, '+819011113333')
    expect(refused.outcome).toBe('failed-transient')
    expect(refused.error).toBe(
      "sakura-city のシークレット twilio.credentials を TENANT_SECRETS_KEY で復号できません。鍵を確かめ、鍵の切り替え中なら前の鍵を TENANT_SECRETS_KEY_PREVIOUS に置いてください / sakura-city's secret twilio.credentials does not decrypt under TENANT_SECRETS_KEY; check the key, and while rotating put the old one in TENANT_SECRETS_KEY_PREVIOUS",
    )
    await expect(adapterFor(wrong, 'sakura-city', 'sms')).rejects.toThrow(
      /TENANT_SECRETS_KEY で復号できません/,
    )

    const wrongPrevious = { ...wrong, TENANT_SECRETS_KEY_PREVIOUS: newKey() } as Env
    const answer = await rotate(undefined, wrongPrevious)
    expect(await answer.json()).toEqual({
      rotated: 0,
      unreadable: [{ tenant: 'sakura-city', name: 'twilio.credentials' }],
      next: null,
      remaining: 1,
    })
    // Left as it was: the right key still opens it.
    expect((await twilioSend(withKey, '+819011113333')).outcome).toBe('sent')

    const malformed = await rotate(undefined, { ...env, TENANT_SECRETS_KEY: 'c2hvcnQ=' } as Env)
    expect(malformed.status).toBe(503)
    expect(
      ((await malformed.json()) as { error: { details: { message: string }[] } }).error.details[0]!.message,
    ).toBe(
      'TENANT_SECRETS_KEY は base64 で書いた32バイトの鍵です（openssl rand -base64 32） / TENANT_SECRETS_KEY must be a 32-byte key, base64-encoded (openssl rand -base64 32)',
    )
    expect((await rotate({ after: { tenant: '' } })).status).toBe(400)
    expect((await rotate(undefined, env as Env)).status).toBe(503)
  })
})
