import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { app } from '../../edge/app'
import { storeTenantSecret } from '../../edge/channels/secrets'
import { followEvent, lineUserId, signedWebhook, textEvent } from './support/line-webhook'
import { dateFromToday, seedFixtureTenants, validRegistration } from './support/resident-http'
import { age, freshIp, subscriberOf, verificationOf } from './support/verification'

const fake = inject('fakeLineUrl')
const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const channelSecret = 'minato-channel-secret'
const withLine = { ...env, TENANT_SECRETS_KEY: secretsKey, LINE_API_BASE_URL: fake }
const origin = 'http://edge.test'

beforeAll(async () => {
  await seedFixtureTenants()
  const now = new Date()
  await storeTenantSecret(env.DB, secretsKey, {
    tenant: 'minato-town',
    name: 'line.channelSecret',
    value: channelSecret,
    now,
  })
  await storeTenantSecret(env.DB, secretsKey, {
    tenant: 'minato-town',
    name: 'line.channelAccessToken',
    value: 'minato-access-token',
    now,
  })
})

const request = (path: string, init: RequestInit = {}, bindings = withLine) =>
  app.request(`${origin}${path}`, { redirect: 'manual', ...init }, bindings)

const form = (path: string, fields: Record<string, string>, ip = freshIp()) =>
  request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin, 'cf-connecting-ip': ip },
    body: new URLSearchParams(fields),
  })

async function registerByLine() {
  const response = await form(
    '/t/minato-town',
    validRegistration({
      channel: 'line',
      address: '',
      language: 'ja',
      noticeVersion: 'v1',
      date: dateFromToday(90),
    }),
  )
  const codePage = response.headers.get('location') ?? ''
  const page = await (await request(codePage)).text()
  const code = page.match(/>(\d{8})</)?.[1] ?? ''
  const v = await verificationOf(codePage)
  return { response, codePage, page, code, subscriberId: v?.subscriberId ?? '' }
}

/** Posts events to the tenant's webhook, signed; returns the replies the fake LINE got for them. */
async function deliver(events: { replyToken: string }[], secret = channelSecret, bindings = withLine) {
  const { body, headers } = await signedWebhook(secret, events)
  const response = await request('/webhooks/line/minato-town', { method: 'POST', body, headers }, bindings)
  const stats = (await (await fetch(`${fake}/__fake/stats`, { method: 'POST', body: 'null' })).json()) as {
    replies: { replyToken: string; texts: string[] }[]
  }
  const tokens = new Set(events.map((e) => e.replyToken))
  return {
    status: response.status,
    replies: stats.replies.filter((r) => tokens.has(r.replyToken)).flatMap((r) => r.texts),
  }
}

describe('LINE linking through the tenant’s official account', () => {
  it('shows the account (link and QR) and an 8-digit code; nothing is sent before the link', async () => {
    const form = await (await request('/t/minato-town')).text()
    expect(form).toContain('value="line"')
    expect(form).not.toContain('id="address"')

    const { response, codePage, page, code, subscriberId } = await registerByLine()
    expect(response.status).toBe(303)
    expect(codePage).toMatch(/^\/v\/1[A-Za-z0-9_-]{22}$/)
    expect(page).toContain('みなと町 子育て')
    expect(page).toContain('href="https://line.me/R/ti/p/%40minato-kosodate"')
    expect(page).toContain(`href="https://line.me/R/oaMessage/%40minato-kosodate/?${code}"`)
    expect(page).toContain('<svg')
    expect(code).toMatch(/^\d{8}$/)
    // The same code on every visit, without it being stored.
    expect(await (await request(codePage)).text()).toContain(`>${code}<`)
    const stored = await verificationOf(codePage)
    expect(stored!.codeHash).not.toContain(code)
    expect(await subscriberOf(subscriberId)).toMatchObject({
      state: 'pending',
      address: '',
      nextSendOn: null,
    })
    const outbox = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM outbox WHERE tenant_slug = 'minato-town'",
    ).first<{ n: number }>()
    expect(outbox!.n).toBe(0)
  })

  it('a follow asks for the code; the code links the user, activates and replies with the manage link', async () => {
    const { code, subscriberId, codePage } = await registerByLine()
    const user = lineUserId()
    const followed = await deliver([followEvent(user)])
    expect(followed.status).toBe(200)
    expect(followed.replies).toHaveLength(1)
    expect(followed.replies[0]).toContain('8けたのコード')
    expect((await subscriberOf(subscriberId))!.state).toBe('pending')

    const linked = await deliver([textEvent(user, ` ${code.slice(0, 4)} ${code.slice(4)} `)])
    expect(linked.replies).toHaveLength(1)
    expect(linked.replies[0]).toContain('登録が確定しました')
    expect(linked.replies[0]).toMatch(/http:\/\/edge\.test\/r\/1[A-Za-z0-9_-]{22}/)
    const active = await subscriberOf(subscriberId)
    expect(active).toMatchObject({ state: 'active', channel: 'line', address: user })
    expect(active!.nextSendOn).not.toBeNull()
    expect((await request(codePage)).status).toBe(404)

    // A chat message from a linked resident is for the desk: acknowledged, not answered with instructions.
    const chat = (await deliver([textEvent(user, 'ありがとう')])).replies
    expect(chat).toHaveLength(1)
    expect(chat[0]).toContain('受付時間')
    expect(chat[0]).not.toContain('8けたのコード')
  })

  it('answers a wrong or expired code kindly and links nothing; forged events change nothing', async () => {
    const { code, subscriberId, codePage } = await registerByLine()
    const user = lineUserId()
    const other = code === '12345678' ? '87654321' : '12345678'
    const wrong = await deliver([textEvent(user, other)])
    expect(wrong.replies[0]).toContain('コードが見つかりませんでした')

    const forged = await deliver([textEvent(user, code)], 'not-the-channel-secret')
    expect(forged.status).toBe(401)
    expect((await subscriberOf(subscriberId))!.state).toBe('pending')

    await age(codePage, { expired: true })
    const expired = await deliver([textEvent(user, code)])
    expect(expired.replies[0]).toContain('期限が切れています')
    expect((await subscriberOf(subscriberId))!.state).toBe('pending')
    const page = await (await request(codePage)).text()
    expect(page).toContain('期限が切れました')

    // A new code from the page works.
    await age(codePage, { sentMinutesAgo: 2 })
    const renewed = await form(`${codePage}/resend`, {})
    expect(renewed.headers.get('location')).toBe(`${codePage}?notice=shown`)
    const fresh = (await (await request(codePage)).text()).match(/>(\d{8})</)?.[1]
    expect(fresh).toMatch(/^\d{8}$/)
    expect(fresh).not.toBe(code)
    expect((await deliver([textEvent(user, code)])).replies[0]).toContain('コードが見つかりませんでした')
    expect((await deliver([textEvent(user, fresh!)])).replies[0]).toContain('登録が確定しました')
    expect((await subscriberOf(subscriberId))!.state).toBe('active')
  })

  it('a LINE account already registered makes no second subscriber and gets its own manage link', async () => {
    const first = await registerByLine()
    const user = lineUserId()
    const linked = await deliver([textEvent(user, first.code)])
    const manage = linked.replies[0]!.match(/\/r\/1[A-Za-z0-9_-]{22}/)![0]

    const second = await registerByLine()
    const again = await deliver([textEvent(user, second.code)])
    expect(again.replies[0]).toContain('すでに登録されています')
    expect(again.replies[0]).toContain(manage)
    expect(await subscriberOf(second.subscriberId)).toBeNull()
    const { n } = (await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM subscribers WHERE channel = 'line' AND address = ?1",
    )
      .bind(user)
      .first<{ n: number }>())!
    expect(n).toBe(1)
  })

  it('limits code tries per LINE user, kindly', async () => {
    const user = lineUserId()
    const replies: string[] = []
    for (let i = 0; i < 16; i++)
      replies.push(...(await deliver([textEvent(user, String(10_000_000 + i))])).replies)
    expect(replies.slice(0, 15).every((r) => r.includes('コードが見つかりませんでした'))).toBe(true)
    expect(replies[15]).toContain('1時間ほどしてから')
  })

  it('a reply LINE does not take is pushed instead, once even when LINE redelivers the event', async () => {
    const { code, subscriberId } = await registerByLine()
    const user = lineUserId()
    const event = textEvent(user, code)
    const pushesTo = async () => {
      const stats = (await (
        await fetch(`${fake}/__fake/stats`, { method: 'POST', body: 'null' })
      ).json()) as {
        pushes: { to: string; texts: string[] }[]
      }
      return stats.pushes.filter((p) => p.to === user).flatMap((p) => p.texts)
    }
    await fetch(`${fake}/__fake/faults`, { method: 'POST', body: JSON.stringify(['server-error']) })
    const linked = await deliver([event])
    expect(linked.replies).toEqual([])
    const pushed = await pushesTo()
    expect(pushed).toHaveLength(1)
    expect(pushed[0]).toContain('登録が確定しました')
    expect(pushed[0]).toMatch(/http:\/\/edge\.test\/r\/1[A-Za-z0-9_-]{22}/)
    expect((await subscriberOf(subscriberId))!.state).toBe('active')

    // LINE redelivers the same event (same id, its reply token now spent): no second push.
    await deliver([event])
    expect(await pushesTo()).toHaveLength(1)
  })

  it('without a channel access token, the reply goes to the local outbox', async () => {
    const { code } = await registerByLine()
    const user = lineUserId()
    await env.DB.prepare("DELETE FROM tenant_secrets WHERE name = 'line.channelAccessToken'").run()
    try {
      const { replies } = await deliver([textEvent(user, code)])
      expect(replies).toEqual([])
      const row = await env.DB.prepare('SELECT channel, text FROM outbox WHERE recipient = ?1')
        .bind(user)
        .first<{ channel: string; text: string }>()
      expect(row).toMatchObject({ channel: 'line' })
      expect(row!.text).toContain('登録が確定しました')
    } finally {
      await storeTenantSecret(env.DB, secretsKey, {
        tenant: 'minato-town',
        name: 'line.channelAccessToken',
        value: 'minato-access-token',
        now: new Date(),
      })
    }
  })

  it('moves a resident to another LINE account only once the new account sends the code', async () => {
    const first = await registerByLine()
    const oldUser = lineUserId()
    const linked = await deliver([textEvent(oldUser, first.code)])
    const manage = linked.replies[0]!.match(/\/r\/1[A-Za-z0-9_-]{22}/)![0]

    const asked = await form(`${manage}/address`, { channel: 'line', address: '' })
    expect(asked.status).toBe(303)
    const codePage = asked.headers.get('location')!
    const code = (await (await request(codePage)).text()).match(/>(\d{8})</)![1]!
    expect(await subscriberOf(first.subscriberId)).toMatchObject({ address: oldUser, state: 'active' })

    const newUser = lineUserId()
    const changed = await deliver([textEvent(newUser, code)])
    expect(changed.replies[0]).toContain('受け取り先をこのLINEに変えました')
    expect(await subscriberOf(first.subscriberId)).toMatchObject({
      channel: 'line',
      address: newUser,
      state: 'active',
    })
  })
})
