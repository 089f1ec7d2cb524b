import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { app } from '../../edge/app'
import type { Env } from '../../edge/env'
import { contractVersion } from '../../shared/contract'
import { fixtureSnapshot } from '../../shared/contract/fixture'
import { ingestTokens, publish } from './support/ingest-client'

// Each capability under /ingest opens with its own secret: the publishing token the CMS holds
// cannot set a town's provider credentials, decide a flagged delivery or move a town's residents.

type Scope = keyof typeof ingestTokens
const secretOf: Record<Scope, keyof Env> = {
  publishing: 'INGEST_TOKEN',
  secrets: 'SECRETS_TOKEN',
  decisions: 'DECISIONS_TOKEN',
  operations: 'OPERATIONS_TOKEN',
}

const someDelivery = '00000000-0000-4000-8000-000000000000'
const routes: { scope: Scope; method: string; path: string; body?: unknown }[] = [
  { scope: 'publishing', method: 'GET', path: '/manifests/active' },
  { scope: 'publishing', method: 'GET', path: '/activations' },
  { scope: 'publishing', method: 'POST', path: '/rollback', body: { contractVersion, manifestId: 'nope' } },
  {
    scope: 'secrets',
    method: 'PUT',
    path: '/tenants/sakura-city/secrets/resend.apiKey',
    body: { value: 're_x' },
  },
  { scope: 'secrets', method: 'GET', path: '/tenants/sakura-city/secrets' },
  { scope: 'secrets', method: 'POST', path: '/tenants/secrets/rotate', body: {} },
  { scope: 'decisions', method: 'GET', path: '/tenants/sakura-city/flagged' },
  {
    scope: 'decisions',
    method: 'POST',
    path: `/tenants/sakura-city/flagged/${someDelivery}/resolve`,
    body: { decision: 'was-sent' },
  },
  { scope: 'operations', method: 'GET', path: '/shards' },
  { scope: 'operations', method: 'POST', path: '/shards/moves', body: { tenant: 'sakura-city', to: 3 } },
  { scope: 'operations', method: 'POST', path: '/links/rotate', body: {} },
  {
    scope: 'operations',
    method: 'POST',
    path: '/reports/resend',
    body: { from: '2026-11-20', to: '2026-11-20' },
  },
  // The CMS's users hook: an admin's change of someone's roles, for the towns' access logs.
  { scope: 'publishing', method: 'POST', path: '/staff-role-changes', body: {} },
]

const withKey = {
  ...env,
  TENANT_SECRETS_KEY: btoa(String.fromCharCode(...new Uint8Array(32).fill(7))),
} as Env

function call(route: (typeof routes)[number], token: string | null, bindings: Env = withKey) {
  return app.request(
    `http://edge.test/ingest${route.path}`,
    {
      method: route.method,
      headers: {
        'content-type': 'application/json',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      ...(route.body === undefined ? {} : { body: JSON.stringify(route.body) }),
    },
    bindings,
  )
}

beforeEach(async () => {
  await env.DB.prepare('DELETE FROM tenant_secrets').run()
  expect((await publish(await fixtureSnapshot())).status).toBe(201)
})

describe('ingest scopes', () => {
  it('the publishing token cannot set a tenant secret, decide a flagged delivery or move a town', async () => {
    const [set, resolve, move] = await Promise.all(
      [routes[3]!, routes[7]!, routes[9]!].map((route) => call(route, ingestTokens.publishing)),
    )
    expect(set!.status).toBe(401)
    expect(resolve!.status).toBe(401)
    expect(move!.status).toBe(401)
    const { n } = (await env.DB.prepare('SELECT count(*) AS n FROM tenant_secrets').first<{ n: number }>())!
    expect(n).toBe(0)
  })

  it('each token opens its own routes and no other', async () => {
    for (const route of routes) {
      for (const [scope, token] of Object.entries(ingestTokens) as [Scope, string][]) {
        const status = (await call(route, token)).status
        const where = `${route.method} ${route.path} with the ${scope} token`
        if (scope === route.scope) expect(status, where).not.toBe(401)
        else expect(status, where).toBe(401)
      }
    }
  })

  it('an unset token closes its routes with 503 naming the secret, and lets no other token in', async () => {
    for (const route of routes) {
      const secret = secretOf[route.scope]
      const unset = { ...withKey, [secret]: undefined } as Env
      for (const token of [...Object.values(ingestTokens), '', null]) {
        const response = await call(route, token, unset)
        const where = `${route.method} ${route.path} without ${secret}`
        expect(response.status, where).toBe(503)
        const body = (await response.json()) as { error: { code: string; message: string } }
        expect(body.error.code).toBe('token-not-set')
        expect(body.error.message).toMatch(new RegExp(`^.*${secret}.* / .*${secret}`))
      }
    }
  })
})
