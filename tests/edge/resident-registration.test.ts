import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { REGISTRATIONS_PER_HOUR } from '../../edge/registration/rate-limit'
import { localTime } from '../../shared/calendar'
import {
  dateFromToday,
  get,
  linkInOutbox,
  origin,
  post,
  seedFixtureTenants,
  subscriberByAddress,
  validRegistration,
} from './support/resident-http'

beforeAll(seedFixtureTenants)

const count = async (table: string) =>
  (await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first<{ n: number }>())!.n

describe('registration at /t/{tenant}', () => {
  it('shows the form in Japanese first, with the privacy notice and only the channels residents can confirm', async () => {
    const response = await get('/t/sakura-city')
    expect(response.status).toBe(200)
    const page = await response.text()
    expect(page).toContain('<html lang="ja">')
    expect(page.indexOf('ニックネーム')).toBeLessThan(page.indexOf('Nickname'))
    expect(page).toContain('href="https://sakura.example.jp/yorisoi/privacy"')
    expect(page).toContain('2026-04')
    expect(page).toContain('value="email"')
    // The form takes no longer a nickname than the server keeps (20; it said 40).
    expect(page).toMatch(/id="nickname"[^>]*maxlength="20"/)
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
  })

  it('answers 404 for a tenant the snapshot does not have', async () => {
    expect((await get('/t/nowhere')).status).toBe(404)
  })

  it('stores a pending subscriber with timeline and consent, and sends only the confirmation', async () => {
    const fields = validRegistration()
    const response = await post('/t/sakura-city', fields, { ip: '192.0.2.10' })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/t/sakura-city/sent')

    const subscriber = await subscriberByAddress(fields.address!)
    expect(subscriber).toMatchObject({ state: 'pending', nickname: 'はな', nextSendOn: null })
    const consent = await env.DB.prepare(
      'SELECT notice_version AS version, method, ip_hash AS ipHash FROM consents WHERE subscriber_id = ?1',
    )
      .bind(subscriber!.id)
      .first<{ version: string; method: string; ipHash: string }>()
    expect(consent).toMatchObject({ version: '2026-04', method: 'web-form/email' })
    expect(consent!.ipHash).toMatch(/^[0-9a-f]{64}$/)
    expect(consent!.ipHash).not.toContain('192.0.2.10')

    const { results: deliveries } = await env.DB.prepare(
      'SELECT kind FROM deliveries WHERE subscriber_id = ?1',
    )
      .bind(subscriber!.id)
      .all()
    expect(deliveries).toEqual([{ kind: 'confirmation' }])
    const mail = await env.DB.prepare('SELECT subject, text FROM outbox WHERE recipient = ?1')
      .bind(fields.address)
      .first<{ subject: string; text: string }>()
    expect(mail!.subject).not.toMatch(/妊娠|出産|pregnan|baby/i)
    expect(mail!.text).toContain('配信停止: ') // a Japanese reader: Japanese alone
    expect(mail!.text).toContain('03-1234-5678')
  })

  it('keeps only the hash of a link token', async () => {
    const fields = validRegistration()
    await post('/t/sakura-city', fields, { ip: '192.0.2.11' })
    // The shard's number, then the token.
    const segment = (await linkInOutbox(fields.address!, '/c/')).slice(3)
    expect(segment).toMatch(/^1[A-Za-z0-9_-]{22}$/)
    const token = segment.slice(1)
    const stored = await env.DB.prepare('SELECT COUNT(*) AS n FROM access_tokens WHERE token_hash = ?1')
      .bind(token)
      .first<{ n: number }>()
    expect(stored!.n).toBe(0)
  })

  it('confirms from the link: active, and next_send_on at the next send time', async () => {
    const fields = validRegistration({ date: dateFromToday(100) })
    await post('/t/sakura-city', fields, { ip: '192.0.2.12' })
    const link = await linkInOutbox(fields.address!, '/c/')

    // Opening the link (as a mail scanner does) confirms nothing; the button does.
    expect((await get(link)).status).toBe(200)
    expect((await subscriberByAddress(fields.address!))!.state).toBe('pending')

    const confirmed = await post(link, {})
    expect(confirmed.status).toBe(303)
    expect(confirmed.headers.get('location')).toMatch(/^\/r\/1[A-Za-z0-9_-]{22}\?done=confirmed$/)
    const subscriber = await subscriberByAddress(fields.address!)
    const beforeSendTime = localTime(new Date(), 'Asia/Tokyo') < '09:00'
    expect(subscriber).toMatchObject({
      state: 'active',
      nextSendOn: beforeSendTime ? dateFromToday(0) : dateFromToday(1),
    })

    const again = await post(link, {})
    expect(again.status).toBe(404)
    expect(await again.text()).toContain('このリンクは使えません')
  })

  it('the same address registered again after the repeat window: one pending registration with the latest values, one new confirmation', async () => {
    const first = validRegistration({ nickname: 'はな', date: dateFromToday(120) })
    expect((await post('/t/sakura-city', first, { ip: '192.0.2.14' })).status).toBe(303)
    const pending = await subscriberByAddress(first.address!)
    // The first confirmation left 20 minutes ago: past the window in which a second form is a double tap.
    await env.DB.prepare(
      "UPDATE deliveries SET updated_at = ?2 WHERE subscriber_id = ?1 AND kind = 'confirmation'",
    )
      .bind(pending!.id, new Date(Date.now() - 20 * 60_000).toISOString())
      .run()

    const again = validRegistration({ nickname: 'はなこ', date: dateFromToday(100), address: first.address! })
    const response = await post('/t/sakura-city', again, { ip: '192.0.2.14' })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/t/sakura-city/sent')

    const { results: subscribers } = await env.DB.prepare('SELECT id FROM subscribers WHERE address = ?1')
      .bind(first.address)
      .all<{ id: string }>()
    expect(subscribers).toEqual([{ id: pending!.id }])
    const { results: mails } = await env.DB.prepare(
      'SELECT text FROM outbox WHERE recipient = ?1 ORDER BY created_at, rowid',
    )
      .bind(first.address)
      .all<{ text: string }>()
    expect(mails).toHaveLength(2)
    expect(mails[1]!.text).toContain('はなこさん')
    const link = (text: string) => text.match(/\/c\/1[A-Za-z0-9_-]{22}/)?.[0]
    expect(link(mails[1]!.text)).toBe(link(mails[0]!.text))
    const consents = await env.DB.prepare('SELECT COUNT(*) AS n FROM consents WHERE subscriber_id = ?1')
      .bind(pending!.id)
      .first<{ n: number }>()
    expect(consents!.n).toBe(2)

    // Sent once more at once: a double tap of the new form, nothing more.
    expect((await post('/t/sakura-city', again, { ip: '192.0.2.14' })).status).toBe(303)
    const sentCount = await env.DB.prepare('SELECT COUNT(*) AS n FROM outbox WHERE recipient = ?1')
      .bind(first.address)
      .first<{ n: number }>()
    expect(sentCount!.n).toBe(2)

    expect((await post(link(mails[1]!.text)!, {})).status).toBe(303)
    expect(await subscriberByAddress(first.address!)).toMatchObject({ state: 'active', nickname: 'はなこ' })
    const timeline = await env.DB.prepare(
      `SELECT t.due_date AS dueDate FROM timelines t JOIN timeline_members m ON m.timeline_id = t.id
       WHERE m.subscriber_id = ?1`,
    )
      .bind(pending!.id)
      .first<{ dueDate: string }>()
    expect(timeline).toEqual({ dueDate: dateFromToday(100) })
  })

  it('refuses a form posted from another site, and stores nothing', async () => {
    const before = await count('subscribers')
    const fields = validRegistration()
    for (const origin of ['https://evil.example', null]) {
      const response = await post('/t/sakura-city', fields, { origin, ip: '192.0.2.13' })
      expect(response.status).toBe(403)
      expect(await response.text()).toContain('送信できませんでした')
    }
    expect(await count('subscribers')).toBe(before)
  })

  it('limits registrations from one address per hour, kindly', async () => {
    for (let i = 0; i < REGISTRATIONS_PER_HOUR; i++) {
      expect((await post('/t/sakura-city', validRegistration(), { ip: '192.0.2.99' })).status).toBe(303)
    }
    const refused = await post('/t/sakura-city', validRegistration(), { ip: '192.0.2.99' })
    expect(refused.status).toBe(429)
    expect(await refused.text()).toContain('しばらくしてからお試しください')
    // Only the posts are counted: the page still opens on that connection (a class on one Wi-Fi).
    const page = await exports.default.fetch(`${origin}/t/sakura-city`, {
      headers: { 'cf-connecting-ip': '192.0.2.99' },
    })
    expect(page.status).toBe(200)
    expect((await post('/t/sakura-city', validRegistration(), { ip: '192.0.2.100' })).status).toBe(303)
  })
})

describe('registration errors keep what the resident typed', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['an empty nickname', { nickname: '   ' }, 'ニックネームを入力してください'],
    ['a long nickname', { nickname: 'は'.repeat(21) }, '20文字以内'],
    ['no audience', { audience: '' }, 'あなたの立場を選んでください'],
    ['no stage', { stage: 'soon' }, '妊娠中か、お子さんが生まれているか'],
    ['an impossible date', { date: '2026-02-30' }, '日付を選んでください'],
    ['a due date too far ahead', { date: dateFromToday(300) }, '280日以内'],
    ['a due date long past', { date: dateFromToday(-30) }, 'お子さんが生まれていたら、お誕生日で'],
    ['a birth date in the future', { stage: 'birth', date: dateFromToday(3) }, '3年以内'],
    ['a language the tenant does not offer', { language: 'fr' }, '言語を選んでください'],
    ['a channel not offered', { channel: 'line' }, '受け取り方を選んでください'],
    ['a bad email address', { address: 'hana@' }, 'メールアドレスの形が正しくありません'],
    ['no consent', { consent: '' }, 'プライバシーポリシーをお読みのうえ'],
    ['an outdated notice version', { noticeVersion: '2025-01' }, 'プライバシーポリシーが更新されました'],
  ]
  for (const [name, change, message] of cases) {
    it(`shows ${name} and stores nothing`, async () => {
      const before = await count('subscribers')
      const fields = validRegistration({ nickname: 'そら<b>', ...change })
      const response = await post('/t/sakura-city', fields, {
        ip: `192.0.2.${cases.findIndex((c) => c[0] === name) + 20}`,
      })
      expect(response.status).toBe(422)
      const page = await response.text()
      expect(page).toContain(message)
      expect(page).toContain('aria-invalid="true"')
      if (change.nickname === undefined) expect(page).toContain('value="そら&lt;b&gt;"')
      if (change.address === undefined) expect(page).toContain(`value="${fields.address}"`)
      expect(page).toContain(`value="${fields.date}"`)
      expect(await count('subscribers')).toBe(before)
    })
  }
})
