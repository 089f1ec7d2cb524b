import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { app } from '../../edge/app'
import { outboxAdapter } from '../../edge/channels/outbox'
import type { Env } from '../../edge/env'
import { emptyDeliveryTables, insertExpecting, rows, storeFixture } from './support/delivery'

// The outbox holds confirmation links, manage links and SMS codes: even where it is on, reading it
// or running today's deliveries needs the outbox key, which `npm start` prints in the outbox URL.
const origin = 'http://127.0.0.1:8787'
const key = 'test-outbox-key-0123456789'
const on: Env = { ...env, OUTBOX_PAGE: 'on', OUTBOX_KEY: key }

function request(path: string, init: RequestInit = {}, bindings: Env = on) {
  return app.request(`${origin}${path}`, { redirect: 'manual', ...init }, bindings)
}

/** Opens the printed URL and returns the cookie the browser would keep. */
async function openPrintedUrl(): Promise<string> {
  const opened = await request(`/outbox?key=${encodeURIComponent(key)}`)
  expect(opened.status).toBe(303)
  expect(opened.headers.get('location')).toBe('/outbox')
  const cookie = opened.headers.get('set-cookie') ?? ''
  expect(cookie).toMatch(/HttpOnly/i)
  expect(cookie).toMatch(/SameSite=Strict/i)
  expect(cookie).toMatch(/Path=\/outbox/)
  return cookie.split(';')[0]!
}

let messageId = ''

beforeEach(async () => {
  await emptyDeliveryTables()
  const [sent] = await outboxAdapter(env.DB).send([
    {
      idempotencyKey: `code/${crypto.randomUUID()}`,
      tenant: 'sakura-city',
      channel: 'sms',
      to: '+819012345678',
      text: '確認コード 482913 / code 482913',
    },
  ])
  messageId = sent!.providerMessageId!
})

describe('/outbox without its key', () => {
  it.each([
    ['no key', '/outbox'],
    ['a wrong key', '/outbox?key=guess'],
    ['a message, no key', '/outbox/MESSAGE'],
    ['a message, a wrong key', '/outbox/MESSAGE?key=guess'],
  ])('shows nothing for %s, and says in both languages how to open it', async (_, path) => {
    const response = await request(path.replace('MESSAGE', messageId))
    expect(response.status).toBe(401)
    const page = await response.text()
    expect(page).not.toContain('482913')
    expect(page).toContain('送信箱の鍵')
    expect(page).toContain('outbox key')
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  it('refuses a cookie with a wrong key', async () => {
    const response = await request('/outbox', { headers: { cookie: 'outbox_key=guess' } })
    expect(response.status).toBe(401)
  })

  it('runs nothing for a client that forges a same-site Origin but has no key', async () => {
    await storeFixture()
    await insertExpecting('sub-forged', { nextSendOn: '2026-11-23' })
    const forged = await request('/outbox/run-now', {
      method: 'POST',
      headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    })
    expect(forged.status).toBe(401)
    expect(await rows('SELECT * FROM tenant_runs')).toEqual([])
  })

  it('is closed, saying so, where OUTBOX_KEY is not set', async () => {
    const { OUTBOX_KEY: _, ...keyless } = on
    const response = await request(`/outbox?key=${key}`, {}, keyless as Env)
    expect(response.status).toBe(403)
    const page = await response.text()
    expect(page).toContain('OUTBOX_KEY')
    expect(page).not.toContain('482913')
  })

  it('does not exist where OUTBOX_PAGE is not "on", key or not', async () => {
    expect((await request(`/outbox?key=${key}`, {}, { ...on, OUTBOX_PAGE: 'off' })).status).toBe(404)
    expect((await request(`/outbox?key=${key}`, {}, { ...on, OUTBOX_PAGE: undefined })).status).toBe(404)
  })
})

describe('/outbox opened with the printed URL', () => {
  it('keeps the key in a cookie, drops it from the address, and every page and the button work', async () => {
    const cookie = await openPrintedUrl()
    const list = await request('/outbox', { headers: { cookie } })
    expect(list.status).toBe(200)
    const page = await list.text()
    expect(page).toContain(`href="/outbox/${messageId}"`)
    expect(page).not.toContain(key)

    const message = await request(`/outbox/${messageId}`, { headers: { cookie } })
    expect(message.status).toBe(200)
    expect(await message.text()).toContain('482913')

    const pressed = await request('/outbox/run-now', {
      method: 'POST',
      headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    })
    expect(pressed.status).toBe(303)
    expect(pressed.headers.get('location')).toMatch(/^\/outbox\?day=/)
  })

  it('keeps other parameters when it drops the key from the address', async () => {
    const opened = await request(`/outbox/${messageId}?key=${key}`)
    expect(opened.status).toBe(303)
    expect(opened.headers.get('location')).toBe(`/outbox/${messageId}`)
  })

  it('still refuses a press from another site, key or not', async () => {
    const cookie = await openPrintedUrl()
    const forged = await request('/outbox/run-now', {
      method: 'POST',
      headers: {
        cookie,
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: '',
    })
    expect(forged.status).toBe(403)
  })
})
