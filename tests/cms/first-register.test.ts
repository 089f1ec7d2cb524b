import { randomBytes } from 'node:crypto'
import { getPayload, handleEndpoints, type Payload, type SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest'
import { buildCmsConfig } from '../../cms/config/build'
import { dropDatabase, ensureDatabase, withDatabase } from '../../cms/db/admin'
import { closePayload } from '../../cms/db/closePayload'

// Whoever POSTs /api/users/first-register first on an empty CMS becomes its first user, with the
// roles they ask for. In production nobody may: the first admin is made by `npx yorisoi create-admin`.

type Started = {
  payload: Payload
  firstRegister: (body: unknown) => Promise<Answer>
  stop: () => Promise<void>
}
type Answer = { status: number; body: { errors?: { message: string }[] } }

/** A CMS on a fresh, empty copy of the template; its config built as NODE_ENV says. */
async function startWith(nodeEnv: 'production' | 'development'): Promise<Started> {
  const adminUrl = inject('postgresAdminUrl')
  const database = `t_${randomBytes(6).toString('hex')}`
  await ensureDatabase(adminUrl, database, inject('templateDatabase'))
  // Only while the config is built: with NODE_ENV=production Payload would also run the
  // migrations on connect, which a template with a pushed schema does not take.
  vi.stubEnv('NODE_ENV', nodeEnv)
  // Production needs the admin's https address (cms/config/adminOrigin.ts).
  vi.stubEnv('PAYLOAD_PUBLIC_SERVER_URL', 'https://admin.example.jp')
  let config: SanitizedConfig
  try {
    config = await buildCmsConfig({
      databaseUrl: withDatabase(adminUrl, database),
      secret: 'first-register-test-secret',
      push: false,
      logLevel: 'silent',
    })
  } finally {
    vi.unstubAllEnvs()
  }
  // Two in one file: Payload caches one instance per key.
  const payload = await getPayload({ config, key: nodeEnv })
  // As support/rest.ts does, with this file's Payload instance.
  const firstRegister = async (body: unknown): Promise<Answer> => {
    const request = new Request('http://localhost/api/users/first-register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const response = await handleEndpoints({ config, request, payloadInstanceCacheKey: nodeEnv })
    return { status: response.status, body: await response.json() }
  }
  return {
    payload,
    firstRegister,
    stop: async () => {
      await closePayload(payload)
      await dropDatabase(adminUrl, database)
    },
  }
}

const outsider = { email: 'outsider@example.jp', password: 'outsider-password-123', roles: ['admin'] }

describe('first-register in production', () => {
  let cms: Started
  beforeAll(async () => {
    cms = await startWith('production')
  })
  afterAll(() => cms?.stop())

  it('is refused, in Japanese and English, and creates nobody', async () => {
    const response = await cms.firstRegister(outsider)
    expect(response.status).toBe(403)
    expect(response.body.errors?.[0]?.message).toMatch(/^本番環境.+create-admin.* \/ .*create-admin/)
    expect(await cms.payload.count({ collection: 'users' })).toEqual({ totalDocs: 0 })
  })

  it("says so on the admin's create-first-user screen", () => {
    const screen = cms.payload.config.i18n.translations as Record<
      string,
      { authentication?: Record<string, string> }
    >
    for (const language of ['ja', 'en']) {
      expect(screen[language]?.authentication?.beginCreateFirstUser).toMatch(/npx yorisoi create-admin/)
    }
  })
})

describe('first-register outside production', () => {
  let cms: Started
  beforeAll(async () => {
    cms = await startWith('development')
  })
  afterAll(() => cms?.stop())

  it('still creates the first user, as npm start and the tests expect', async () => {
    const response = await cms.firstRegister(outsider)
    expect(response.status).toBe(200)
    expect(await cms.payload.count({ collection: 'users' })).toEqual({ totalDocs: 1 })
  })
})
