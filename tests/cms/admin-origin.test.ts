import { randomBytes } from 'node:crypto'
import { getPayload, handleEndpoints, type Payload, type SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest'
import { adminOrigin } from '../../cms/config/adminOrigin'
import { buildCmsConfig } from '../../cms/config/build'
import { dropDatabase, ensureDatabase, withDatabase } from '../../cms/db/admin'
import { closePayload } from '../../cms/db/closePayload'

// A logged-in staff member's browser carries the admin's login cookie. Payload accepts that cookie
// from any site while its CSRF list is empty — which it is without PAYLOAD_PUBLIC_SERVER_URL.

describe('the admin origin a production CMS needs', () => {
  it('refuses to start in production without an https PAYLOAD_PUBLIC_SERVER_URL, saying why in Japanese and English', () => {
    for (const url of [undefined, '', 'http://admin.example.jp', 'http://127.0.0.1.example.jp'])
      expect(() => adminOrigin({ NODE_ENV: 'production', PAYLOAD_PUBLIC_SERVER_URL: url })).toThrow(
        /^PAYLOAD_PUBLIC_SERVER_URL に管理画面の https .+ \/ Set PAYLOAD_PUBLIC_SERVER_URL/,
      )
  })

  it('lets only the admin (and origins the operator lists) send the cookie; over https it is Secure', () => {
    expect(
      adminOrigin({
        NODE_ENV: 'production',
        PAYLOAD_PUBLIC_SERVER_URL: 'https://admin.example.jp/',
        YORISOI_ADMIN_ORIGINS: 'https://preview.example.jp, ',
      }),
    ).toEqual({
      serverURL: 'https://admin.example.jp',
      csrf: ['https://admin.example.jp', 'https://preview.example.jp'],
      secureCookie: true,
    })
    // A production build on this machine (the system tests): http on the loopback, cookie not Secure.
    expect(
      adminOrigin({ NODE_ENV: 'production', PAYLOAD_PUBLIC_SERVER_URL: 'http://127.0.0.1:3005' }),
    ).toEqual({
      serverURL: 'http://127.0.0.1:3005',
      csrf: ['http://127.0.0.1:3005'],
      secureCookie: false,
    })
    // npm start and the tests: no address, nothing refused.
    expect(adminOrigin({ NODE_ENV: 'development' })).toEqual({ serverURL: '', csrf: [], secureCookie: false })
  })
})

describe('a production CMS served at https://admin.example.jp', () => {
  const key = 'admin-origin'
  let config: SanitizedConfig
  let payload: Payload
  let database: string
  const staff = { email: 'hoken@example.jp', password: 'hoken-password-123' }

  beforeAll(async () => {
    database = `t_${randomBytes(6).toString('hex')}`
    await ensureDatabase(inject('postgresAdminUrl'), database, inject('templateDatabase'))
    // Only while the config is built (as first-register.test.ts does): Payload would otherwise run
    // the production migrations on a template whose schema was pushed.
    vi.stubEnv('NODE_ENV', 'production')
    vi.stubEnv('PAYLOAD_PUBLIC_SERVER_URL', 'https://admin.example.jp')
    try {
      config = await buildCmsConfig({
        databaseUrl: withDatabase(inject('postgresAdminUrl'), database),
        secret: 'admin-origin-test-secret',
        push: false,
        logLevel: 'silent',
      })
    } finally {
      vi.unstubAllEnvs()
    }
    payload = await getPayload({ config, key })
    await payload.create({ collection: 'users', data: { ...staff, roles: ['admin'] }, overrideAccess: true })
  })
  afterAll(async () => {
    if (payload) await closePayload(payload)
    await dropDatabase(inject('postgresAdminUrl'), database)
  })

  const call = (path: string, init: RequestInit) =>
    handleEndpoints({
      config,
      request: new Request(`http://localhost${path}`, init),
      payloadInstanceCacheKey: key,
    })

  async function loginCookie(): Promise<{ header: string; token: string }> {
    const response = await call('/api/users/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://admin.example.jp' },
      body: JSON.stringify(staff),
    })
    expect(response.status).toBe(200)
    const header = response.headers.get('set-cookie') ?? ''
    const token = /payload-token=([^;]+)/.exec(header)?.[1]
    if (!token) throw new Error(`no login cookie in ${header}`)
    return { header, token }
  }

  const me = async (token: string, origin: string) => {
    const response = await call('/api/users/me', {
      headers: { cookie: `payload-token=${token}`, origin },
    })
    return ((await response.json()) as { user: { email: string } | null }).user?.email ?? null
  }

  it('sets the login cookie Secure', async () => {
    const { header } = await loginCookie()
    expect(header).toMatch(/;\s*Secure/i)
  })

  it('answers a request carrying the cookie from another site as if nobody were logged in', async () => {
    const { token } = await loginCookie()
    expect(await me(token, 'https://evil.example')).toBeNull()
    expect(await me(token, 'https://admin.example.jp')).toBe(staff.email)
  })
})
