import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { app } from '../../edge/app'
import { adapterFor } from '../../edge/channels/registry'
import { readTenantSecret } from '../../edge/channels/secrets'
import type { Env } from '../../edge/env'
import { fixtureSnapshot } from '../../shared/contract/fixture'
import { ingestToken, publish } from './support/ingest-client'

const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const withKey = { ...env, TENANT_SECRETS_KEY: secretsKey } as Env
const twilio = { accountSid: `AC${'0123456789abcdef'.repeat(2)}`, authToken: 'tok', from: '+815012345678' }

function secrets(
  path: string,
  init: { method?: string; value?: unknown; token?: string | null; bindings?: Env } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const token = init.token === undefined ? ingestToken : init.token
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
