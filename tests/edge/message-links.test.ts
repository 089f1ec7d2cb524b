import { env, exports } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { deliveryKey } from '../../edge/channels/key'
import { deliveryLinks } from '../../edge/delivery/links'
import { runTick } from '../../edge/delivery/tick'
import { findToken } from '../../edge/resident/tokens'
import { readLinkSegment } from '../../edge/shards/links'
import { loadSnapshot } from '../../edge/snapshot/read'
import { storeSnapshot } from '../../edge/snapshot/store'
import { prepareSnapshot } from '../../shared/contract'
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'
import { countingAdapter, deliverAll, deps, outbox } from './support/consumer'
import { deliveredMail, messagePath, site } from './support/delivered-mail'
import { capturingQueue, emptyDeliveryTables, insertExpecting, rows } from './support/delivery'
import { shardOf } from './support/shards'

const get = (path: string) => exports.default.fetch(`${site}${path}`, { redirect: 'manual' })

const state = async (id: string) =>
  (await rows<{ state: string }>('SELECT state FROM subscribers WHERE id = ?1', id))[0]?.state

/** The last character changed: a token one step from a real one. */
const altered = (path: string) => path.slice(0, -1) + (path.endsWith('A') ? 'B' : 'A')

beforeEach(emptyDeliveryTables)

describe('the links in a delivered message', () => {
  it('open the message page with the message, the local entry and the resident’s links; the open is recorded', async () => {
    const { manage, stop } = await deliveredMail()
    const path = await messagePath('sub-1')
    // The shard's number (sakura-city: 1), then the token.
    expect(path).toMatch(/^\/m\/1[A-Za-z0-9_-]{27}$/)
    const page = await get(path)
    expect(page.status).toBe(200)
    const body = await page.text()
    expect(body).toContain('<bdi>はな</bdi>さん、今日で妊娠28週0日です。')
    expect(body).toContain('妊娠8か月面談のご案内')
    expect(body).toContain(`${site}${manage}`)
    expect(body).toContain(`${site}${stop}`)
    expect(body).toContain(`href="${site}${manage}/consult"`)
    expect(page.headers.get('referrer-policy')).toBe('no-referrer')
    await get(path)
    const [row] = await rows<{ open_count: number; opened_at: string | null }>(
      'SELECT open_count, opened_at FROM deliveries',
    )
    expect(row!.open_count).toBe(2)
    expect(row!.opened_at).not.toBeNull()
  })

  it('a page link from before the ordering prefix (22 characters, with or without its shard) still opens its page', async () => {
    await deliveredMail()
    const path = await messagePath('sub-1')
    const token = readLinkSegment(path.slice('/m/'.length))!.token
    // The delivery's id begins with its page token's prefix (the date, the town, the resident).
    const [delivery] = await rows<{ id: string }>('SELECT id FROM deliveries')
    expect(delivery!.id.slice(0, 11)).toBe(token.slice(0, 11))
    // The same day as it was delivered before the prefix: its id the bare token's hash.
    const key = await deliveryKey('sub-1', '2026-11-23', 'program')
    const before = await deliveryLinks(site, env.LINK_SECRET!, 'sub-1', key)
    await env.DB.prepare('UPDATE deliveries SET id = ?1').bind(before.pageTokenHash).run()
    const old = new URL(before.links.messageUrl).pathname
    expect(old).toMatch(/^\/m\/1[A-Za-z0-9_-]{22}$/)
    for (const link of [old, `/m/${old.slice('/m/1'.length)}`]) {
      const page = await get(link)
      expect(page.status, link).toBe(200)
      expect(await page.text()).toContain('<bdi>はな</bdi>さん、今日で妊娠28週0日です。')
    }
    // The prefixed token names another id: nothing now.
    expect((await get(path)).status).toBe(404)
  })

  it('open the manage page, and the stop link stops — by its page and by RFC 8058 one-click POST', async () => {
    const { manage, stop } = await deliveredMail('sub-a')
    expect((await get(manage)).status).toBe(200)
    const consult = await get(`${manage}/consult`)
    expect(consult.status).toBe(200)
    const desk = await consult.text()
    expect(desk).toContain('相談を送る')
    expect(desk).toContain('tel:119')
    expect(desk).toContain('#8000')
    expect((await get(stop)).status).toBe(200)
    expect(await state('sub-a')).toBe('active')
    // What a mail provider sends for List-Unsubscribe-Post: no Origin, no cookie, the token alone.
    const oneClick = await exports.default.fetch(`${site}${stop}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(oneClick.status).toBe(200)
    expect(await state('sub-a')).toBe('stopped')
  })
})

describe('a forged or altered token', () => {
  it('gets a kind 404 page and changes nothing', async () => {
    const { manage, stop } = await deliveredMail()
    const message = await messagePath('sub-1')
    for (const path of [
      altered(message),
      altered(stop),
      altered(manage),
      '/m/AAAAAAAAAAAAAAAAAAAAAA',
      '/m/x',
    ]) {
      const answer = await get(path)
      expect(answer.status, path).toBe(404)
      expect(await answer.text()).toContain('このリンクは使えません')
    }
    const oneClick = await exports.default.fetch(`${site}${altered(stop)}`, {
      method: 'POST',
      body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }),
    })
    expect(oneClick.status).toBe(404)
    expect(await state('sub-1')).toBe('active')
    expect(await rows('SELECT open_count FROM deliveries')).toEqual([{ open_count: 0 }])
  })
})

describe('the click redirect', () => {
  it('records the click and leads only to a link of that page', async () => {
    await deliveredMail()
    const path = await messagePath('sub-1')
    const body = await (await get(path)).text()
    const go = [...body.matchAll(/href="(\/m\/[^"]+\/go\/(\d+))"/g)].map((m) => m[1]!)
    expect(go.length).toBeGreaterThanOrEqual(2)
    const entry = await get(`${path}/go/1`)
    expect(entry.status).toBe(302)
    expect(entry.headers.get('location')).toBe('https://sakura.example.jp/kosodate/mensetsu')
    await get(`${path}/go/1`)
    expect(await rows('SELECT link, count FROM delivery_clicks')).toEqual([{ link: 1, count: 2 }])

    for (const wrong of [`${path}/go/${go.length}`, `${path}/go/999`, `${altered(path)}/go/1`]) {
      expect((await get(wrong)).status, wrong).toBe(404)
    }
    expect((await get(`${path}/go/https%3A%2F%2Fevil.example`)).status).toBe(404)
    expect(await rows('SELECT link, count FROM delivery_clicks')).toEqual([{ link: 1, count: 2 }])
  })
})

describe('a resident’s stop link', () => {
  it('is the same every day, while each day’s message page has its own', async () => {
    const day = async (date: string) => {
      const key = await deliveryKey('sub-1', date, 'program')
      return (await deliveryLinks(site, env.LINK_SECRET!, 'sub-1', key)).links
    }
    const [monday, later] = [await day('2026-11-23'), await day('2027-06-01')]
    expect(later.unsubscribeUrl).toBe(monday.unsubscribeUrl)
    expect(later.selfServiceUrl).toBe(monday.selfServiceUrl)
    expect(later.messageUrl).not.toBe(monday.messageUrl)
    const other = await deliveryLinks(
      site,
      env.LINK_SECRET!,
      'sub-2',
      await deliveryKey('sub-2', '2026-11-23', 'program'),
    )
    expect(other.links.unsubscribeUrl).not.toBe(monday.unsubscribeUrl)
  })

  it('never expires: still stops years after the message was sent', async () => {
    const { stop } = await deliveredMail()
    const token = readLinkSegment(stop.slice('/s/'.length))!.token
    expect(await rows('SELECT expires_at FROM access_tokens WHERE purpose = ?1', 'stop')).toEqual([
      { expires_at: null },
    ])
    expect(await findToken(env.DB, token, ['stop'], new Date('2036-01-01T00:00:00Z'))).not.toBeNull()
  })
})

describe('a やさしい日本語 reader’s message page', () => {
  const easyBody = {
    v: 1 as const,
    blocks: [
      {
        t: 'p' as const,
        c: [
          { t: 'ph' as const, name: 'nickname' as const },
          { t: 'text' as const, v: 'さん、' },
          { t: 'ruby' as const, base: '面談', reading: 'めんだん' },
          { t: 'text' as const, v: 'の よやくを しましょう。' },
        ],
      },
    ],
  }

  /** さくら市 offering やさしい日本語, an easy message on `slots`, and a resident reading it who is delivered to. */
  async function deliveredEasy(id: string, slots: string[], due?: string) {
    const [sakura, ...others] = fixtureTenantParts
    const base = fixtureNationalPart.messages.find((m) => m.id === 'msg-pregnancy-196-primary-ja')!
    const easy = slots.map((slot) => ({
      ...base,
      id: `msg-${slot.replace('/', '-')}-primary-ja-x-easy`,
      slot,
      language: 'ja-x-easy' as const,
      shortText: 'きょうの おたより です。{{messageUrl}}',
      body: easyBody,
    }))
    const snapshot = await prepareSnapshot({
      id,
      createdAt: '2026-11-20T00:00:00.000Z',
      parts: [
        { ...fixtureNationalPart, messages: [...fixtureNationalPart.messages, ...easy] },
        {
          ...sakura!,
          tenant: { ...sakura!.tenant, languages: { offered: ['ja', 'ja-x-easy'], fallback: ['ja'] } },
        },
        ...others,
      ],
    })
    await storeSnapshot(env.DB, snapshot, new Date('2026-11-20T00:00:00Z'))
    const loaded = (await loadSnapshot(env.DB, id))!
    await insertExpecting('sub-easy', due ? { due } : {})
    await (await shardOf('sakura-city'))
      .prepare("UPDATE subscribers SET language = 'ja-x-easy' WHERE id = 'sub-easy'")
      .run()
    const queue = capturingQueue()
    await runTick({ db: env.DB, queue, snapshot: loaded, now: new Date('2026-11-23T00:05:00Z') })
    await deliverAll(deps(loaded, countingAdapter(outbox())), queue.sent)
  }

  it('shows kanji readings as ruby, with the plain form for a browser without ruby', async () => {
    await deliveredEasy('easy-0001', ['pregnancy/196'])
    const [mail] = await rows<{ text: string }>(
      'SELECT text FROM outbox WHERE recipient = ?1',
      'sub-easy@example.jp',
    )
    expect(mail!.text).toContain('はなさん、面談（めんだん）の よやくを しましょう。')

    const page = await get(await messagePath('sub-easy'))
    expect(page.status).toBe(200)
    const body = await page.text()
    expect(body).toContain(
      '<bdi>はな</bdi>さん、<ruby>面談<rp>（</rp><rt>めんだん</rt><rp>）</rp></ruby>の よやくを しましょう。',
    )
    expect(body).toMatch(/<article lang="ja-x-easy">/)
  })

  it('shows the readings of its own lines too (the birthday note) as ruby, and 漢字（かんじ） in the mail', async () => {
    // Due 30 days ago and no birth reported: the child track follows the due date and asks for the birthday.
    await deliveredEasy('easy-0002', ['newborn/29', 'newborn/30', 'newborn/31'], '2026-10-24')
    const [mail] = await rows<{ text: string }>(
      'SELECT text FROM outbox WHERE recipient = ?1',
      'sub-easy@example.jp',
    )
    expect(mail!.text).toContain('生まれる予定（よてい）の日から')
    const body = await (await get(await messagePath('sub-easy'))).text()
    expect(body).toContain('生まれる<ruby>予定<rt>よてい</rt></ruby>の日から')
    expect(body).not.toContain('予定（よてい）')
  })
})
