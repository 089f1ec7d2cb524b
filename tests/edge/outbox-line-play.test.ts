import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { app } from '../../edge/app'
import type { Env } from '../../edge/env'
import { allShards } from '../../edge/shards/databases'
import { emptyDeliveryTables } from './support/delivery'
import { dateFromToday, seedFixtureTenants, validRegistration } from './support/resident-http'
import { freshIp, subscriberOf, verificationOf } from './support/verification'

// A newcomer under npm start who registers by LINE gets an 8-digit code and has no LINE account
// that reaches this machine: the outbox page plays what LINE would post (a follow, then the code)
// through the Worker's own webhook handling, and LINE's replies land in the outbox.
const origin = 'http://127.0.0.1:8787'
const cookie = `outbox_key=${env.OUTBOX_KEY}`
const local = env as Env

function request(path: string, init: RequestInit = {}, bindings: Env = local) {
  return app.request(`${origin}${path}`, { redirect: 'manual', ...init }, bindings)
}

/** The play form as the outbox page posts it (our own origin, the key's cookie). */
function play(
  fields: Record<string, string>,
  options: { bindings?: Env; headers?: Record<string, string> } = {},
) {
  return request(
    '/outbox/line-play',
    {
      method: 'POST',
      headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
      body: new URLSearchParams(fields),
    },
    options.bindings,
  )
}

async function registerByLine() {
  const response = await request('/t/minato-town', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin, 'cf-connecting-ip': freshIp() },
    body: new URLSearchParams(
      validRegistration({
        channel: 'line',
        address: '',
        noticeVersion: 'v1',
        date: dateFromToday(90),
      }),
    ),
  })
  const codePage = response.headers.get('location') ?? ''
  const code = (await (await request(codePage)).text()).match(/>(\d{8})</)?.[1] ?? ''
  expect(code).toMatch(/^\d{8}$/)
  const subscriberId = (await verificationOf(codePage))?.subscriberId ?? ''
  return { code, subscriberId }
}

/** The town's LINE messages in the outbox, in whichever shard keeps them. */
async function lineReplies() {
  const texts: string[] = []
  for (const { db } of allShards(env)) {
    const { results } = await db
      .prepare("SELECT text FROM outbox WHERE tenant_slug = 'minato-town' AND channel = 'line'")
      .all<{ text: string }>()
    texts.push(...results.map((r) => r.text))
  }
  return texts
}

beforeEach(async () => {
  await emptyDeliveryTables()
  await seedFixtureTenants()
})

describe('playing a LINE follow and code reply from the outbox page', () => {
  it('offers the form, clearly local only, with the towns that offer LINE', async () => {
    const page = await (await request('/outbox', { headers: { cookie } })).text()
    expect(page).toContain('LINE の友だち追加とコード送信を再生（ローカル専用）')
    expect(page).toContain('Play a LINE follow and code reply (local only)')
    expect(page).toContain('<option value="minato-town"')
    expect(page).not.toContain('<option value="sakura-city"')
  })

  it('confirms the pending LINE registration, and the reply with the manage link is in the outbox', async () => {
    const { code, subscriberId } = await registerByLine()
    expect((await subscriberOf(subscriberId))?.state).toBe('pending')

    const played = await play({ tenant: 'minato-town', code: `${code.slice(0, 4)} ${code.slice(4)}` })
    expect(played.status).toBe(303)
    expect(played.headers.get('location')).toBe('/outbox?line=linked#line-play')

    const resident = await subscriberOf(subscriberId)
    expect(resident).toMatchObject({ state: 'active', channel: 'line' })
    expect(resident?.address).toMatch(/^U[0-9a-f]{32}$/)
    const replies = await lineReplies()
    expect(replies).toHaveLength(2)
    expect(replies.some((t) => t.includes('8けたのコード'))).toBe(true)
    const confirmation = replies.find((t) => t.includes('登録が確定しました'))
    const manage = confirmation?.match(/http:\/\/127\.0\.0\.1:8787(\/r\/[A-Za-z0-9_-]+)/)?.[1]
    expect(manage).toBeDefined()

    const page = await (await request('/outbox?line=linked', { headers: { cookie } })).text()
    expect(page).toContain('登録が確定しました。下の最新のメッセージ')
    expect(page).toContain('the registration is confirmed')
    expect(page).toContain('登録が確定しました')
    const managePage = await request(manage!)
    expect(managePage.status).toBe(200)
  })

  it('says a code that confirms nothing did not, and LINE’s answer is in the outbox', async () => {
    const { code, subscriberId } = await registerByLine()
    const wrong = code === '12345678' ? '87654321' : '12345678'
    const played = await play({ tenant: 'minato-town', code: wrong })
    expect(played.headers.get('location')).toBe('/outbox?line=not-linked#line-play')
    expect((await subscriberOf(subscriberId))?.state).toBe('pending')
    expect((await lineReplies()).some((t) => t.includes('コードが見つかりませんでした'))).toBe(true)
    const page = await (await request('/outbox?line=not-linked', { headers: { cookie } })).text()
    expect(page).toContain('このコードでは登録が確定しませんでした')
  })

  it('refuses a code that is not 8 digits, or a town without LINE, in both languages, keeping what was typed', async () => {
    const short = await play({ tenant: 'minato-town', code: '1234' })
    expect(short.status).toBe(422)
    const page = await short.text()
    expect(page).toContain('8 けたの数字を入れてください')
    expect(page).toContain('Enter the 8 digits')
    expect(page).toContain('value="1234"')

    const noLine = await play({ tenant: 'sakura-city', code: '12345678' })
    expect(noLine.status).toBe(422)
    expect(await noLine.text()).toContain('Choose a town that offers LINE')
    expect(await lineReplies()).toEqual([])
  })
})

describe('the LINE play refuses', () => {
  it('without the outbox key', async () => {
    const { code, subscriberId } = await registerByLine()
    const refused = await play({ tenant: 'minato-town', code }, { headers: { cookie: '' } })
    expect(refused.status).toBe(401)
    const guessed = await play({ tenant: 'minato-town', code }, { headers: { cookie: 'outbox_key=guess' } })
    expect(guessed.status).toBe(401)
    expect((await subscriberOf(subscriberId))?.state).toBe('pending')
    expect(await lineReplies()).toEqual([])
  })

  it('a press from another site, even with the key’s cookie', async () => {
    const { code, subscriberId } = await registerByLine()
    const forged = await play(
      { tenant: 'minato-town', code },
      { headers: { origin: 'https://evil.example' } },
    )
    expect(forged.status).toBe(403)
    expect((await subscriberOf(subscriberId))?.state).toBe('pending')
  })

  it('with the outbox off', async () => {
    const { code, subscriberId } = await registerByLine()
    const off = await play({ tenant: 'minato-town', code }, { bindings: { ...local, OUTBOX_PAGE: 'off' } })
    expect(off.status).toBe(404)
    expect((await subscriberOf(subscriberId))?.state).toBe('pending')
    expect(await lineReplies()).toEqual([])
  })

  it('in production (an https PUBLIC_ORIGIN), even with the outbox on and its key', async () => {
    const { code, subscriberId } = await registerByLine()
    const production = { ...local, PUBLIC_ORIGIN: 'https://yorisoi.example.jp' }
    const refused = await play({ tenant: 'minato-town', code }, { bindings: production })
    expect(refused.status).toBe(404)
    expect((await subscriberOf(subscriberId))?.state).toBe('pending')
    expect(await lineReplies()).toEqual([])
    const page = await (await request('/outbox', { headers: { cookie } }, production)).text()
    expect(page).not.toContain('line-play')
  })
})
