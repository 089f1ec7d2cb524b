import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { nameKey } from '../../edge/channels/key'
import { messageToken } from '../../edge/resident/link-tokens'
import { hashToken } from '../../edge/resident/tokens'
import { linkSegment } from '../../edge/shards/links'
import type { Announcement } from '../../shared/contract'
import { get, post } from './support/resident-http'
import { minato, residentInShard, sakura, storeOnTwoShards } from './support/second-shard'
import { shardNumberOf, shardOf } from './support/shards'

// The resident's side of a town's announcements: on the manage page they choose whether the town's
// non-urgent notices reach them; the link in an announcement opens its page at /n/{segment}.

const manifestId = 'announcements-resident-0001'

const target = {
  audiences: ['primary', 'partner', 'family'],
  languages: [],
  channels: ['email', 'sms', 'line'],
}
const approval = { by: '田中', at: '2026-11-20T00:00:00.000Z' }

const checkupDay: Announcement = {
  id: 'sakura-checkup-day',
  version: 1,
  urgent: false,
  health: false,
  sendAt: '2026-11-24T00:00:00.000Z',
  texts: [
    {
      language: 'ja',
      title: '12月の乳幼児健診の日が変わります',
      body: '12月の健診は10日（木）に変わります。\n\n持ち物は母子健康手帳です。',
    },
    {
      language: 'vi',
      title: 'Ngày khám sức khỏe tháng 12 thay đổi',
      body: 'Buổi khám tháng 12 chuyển sang ngày 10.\n\nVui lòng mang theo sổ tay mẹ con.',
    },
  ],
  target: target as Announcement['target'],
  url: 'https://sakura.example.jp/kosodate/kenshin',
  approval,
}

const typhoon: Announcement = {
  id: 'minato-typhoon',
  version: 1,
  urgent: true,
  health: false,
  sendAt: '2026-11-25T03:00:00.000Z',
  texts: [
    { language: 'ja', title: '台風10号の接近について', body: '避難所を開設しました。港町公民館です。' },
  ],
  target: target as Announcement['target'],
  approval,
}

beforeAll(async () => {
  await storeOnTwoShards(manifestId, {
    sakura: {
      ...sakura,
      tenant: { ...sakura.tenant, languages: { offered: ['ja', 'en', 'vi'], fallback: ['ja'] } },
      announcements: [checkupDay],
    },
    minato: { ...minato, announcements: [typhoon] },
  })
  expect(await shardNumberOf('minato-town')).toBe(2)
})

/** The last character changed: a token one step from a real one. */
const altered = (path: string) => path.slice(0, -1) + (path.endsWith('A') ? 'B' : 'A')

const townNotices = async (tenant: string, id: string) =>
  (await shardOf(tenant))
    .prepare('SELECT town_notices FROM subscribers WHERE id = ?1')
    .bind(id)
    .first<number>('town_notices')

/** The announcement's delivery to this resident, as the send writes it; returns its page's path. */
async function delivered(tenant: string, subscriberId: string, announcementId: string) {
  const db = await shardOf(tenant)
  const id = await nameKey(`announcement|${tenant}|${announcementId}|${subscriberId}`)
  const token = await messageToken(env.LINK_SECRET!, id)
  const at = '2026-11-24T00:00:05.000Z'
  await db
    .prepare(
      `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, announcement_id, manifest_id,
                               channel, state, idempotency_key, page_token_hash, created_at, updated_at)
       VALUES (?1, ?2, ?3, '2026-11-24', 'announcement', ?4, ?5, 'email', 'sent', ?1, ?6, ?7, ?7)`,
    )
    .bind(id, subscriberId, tenant, announcementId, manifestId, await hashToken(token), at)
    .run()
  const opens = async () =>
    db
      .prepare('SELECT open_count AS count, opened_at AS at FROM deliveries WHERE id = ?1')
      .bind(id)
      .first<{ count: number; at: string | null }>()
  return { path: `/n/${linkSegment(await shardNumberOf(tenant), token)}`, opens }
}

describe('the choice of town notices on the manage page', () => {
  it('shows it on, turns it off and on again, and says so each time', async () => {
    const r = await residentInShard('n-choice', { tenant: 'sakura-city', channel: 'email' })
    const page = await (await get(r.manage)).text()
    expect(page).toContain('町からのお知らせ')
    expect(page).toContain(`action="${r.manage}/town-notices"`)
    expect(page).toMatch(/いまの設定.*<strong>受け取る/)
    expect(page).toContain('災害などの緊急のお知らせは、この設定にかかわらずお届けします。')

    const off = await post(`${r.manage}/town-notices`, { notices: 'off' })
    expect(off.status).toBe(303)
    expect(off.headers.get('location')).toBe(`${r.manage}?done=townNoticesOff`)
    expect(await townNotices('sakura-city', r.id)).toBe(0)
    const after = await (await get(off.headers.get('location')!)).text()
    expect(after).toContain('町からのお知らせを止めました。')
    expect(after).toMatch(/いまの設定.*<strong>受け取らない/)
    expect(after).toContain('name="notices" value="on"')

    const on = await post(`${r.manage}/town-notices`, { notices: 'on' })
    expect(on.headers.get('location')).toBe(`${r.manage}?done=townNoticesOn`)
    expect(await townNotices('sakura-city', r.id)).toBe(1)
    expect(await (await get(`${r.manage}?done=townNoticesOn`)).text()).toContain(
      '町からのお知らせを受け取るようにしました。',
    )
  })

  it('refuses a form from another site or without its origin, and a value it does not know, changing nothing', async () => {
    const r = await residentInShard('n-forged', { tenant: 'sakura-city', channel: 'email' })
    for (const origin of ['https://evil.example', null]) {
      const forged = await post(`${r.manage}/town-notices`, { notices: 'off' }, { origin })
      expect(forged.status, String(origin)).toBe(403)
      expect(await forged.text()).toContain('送信できませんでした')
    }
    const unknown = await post(`${r.manage}/town-notices`, { notices: 'maybe' })
    expect(unknown.status).toBe(422)
    expect(await unknown.text()).toContain('受け取るか、受け取らないかを選んでください')
    expect((await post(`${altered(r.manage)}/town-notices`, { notices: 'off' })).status).toBe(404)
    expect(await townNotices('sakura-city', r.id)).toBe(1)
  })

  it('works the same for a town on shard 2, whose row changes there', async () => {
    const r = await residentInShard('n-minato')
    expect(r.manage).toMatch(/^\/r\/2/)
    expect((await post(`${r.manage}/town-notices`, { notices: 'off' })).status).toBe(303)
    expect(await townNotices('minato-town', r.id)).toBe(0)
  })
})

describe('the announcement page /n/', () => {
  it('shows the notice whole with the town, the date, the link, the desk and the manage line; each open is counted', async () => {
    const r = await residentInShard('n-page', { tenant: 'sakura-city', channel: 'email' })
    const { path, opens } = await delivered('sakura-city', r.id, checkupDay.id)
    expect(path).toMatch(/^\/n\/1[A-Za-z0-9_-]{22}$/)
    const answer = await get(path)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer')
    const page = await answer.text()
    expect(page).toContain('<article lang="ja">')
    expect(page).toContain('<h1>12月の乳幼児健診の日が変わります</h1>')
    expect(page).toContain('<p>12月の健診は10日（木）に変わります。</p>')
    expect(page).toContain('<p>持ち物は母子健康手帳です。</p>')
    expect(page).toContain('さくら市からのお知らせ')
    expect(page).toContain('<time datetime="2026-11-24">2026年11月24日</time>')
    expect(page).toContain('href="https://sakura.example.jp/kosodate/kenshin"')
    expect(page).toContain('href="tel:03-1234-5678"')
    expect(page).not.toContain('日本語の原文')
    expect(page).not.toContain('緊急のお知らせ')
    const manage = page.match(/href="https?:\/\/[^/"]+(\/r\/[^"]+)"/)?.[1]
    expect(manage).toBe(r.manage)
    expect((await get(manage!)).status).toBe(200)

    expect(await opens()).toEqual({ count: 1, at: expect.any(String) })
    const first = (await opens())!.at
    await get(path)
    expect(await opens()).toEqual({ count: 2, at: first })
  })

  it('shows a Vietnamese reader the Vietnamese, with the Japanese beneath', async () => {
    const r = await residentInShard('n-vi', { tenant: 'sakura-city', channel: 'email' })
    await (await shardOf('sakura-city'))
      .prepare("UPDATE subscribers SET language = 'vi' WHERE id = ?1")
      .bind(r.id)
      .run()
    const { path } = await delivered('sakura-city', r.id, checkupDay.id)
    const page = await (await get(path)).text()
    // The page is read in the resident's language, which the town offers.
    expect(page).toContain('<html lang="vi"')
    expect(page).toContain('<p lang="ja">さくら市 子育て世代包括支援センター<br />')
    const vi = page.indexOf('<article lang="vi">')
    const ja = page.indexOf('<article lang="ja">')
    expect(vi).toBeGreaterThan(-1)
    expect(ja).toBeGreaterThan(vi)
    expect(page).toContain('<h1>Ngày khám sức khỏe tháng 12 thay đổi</h1>')
    expect(page).toContain('<p>Vui lòng mang theo sổ tay mẹ con.</p>')
    expect(page).toContain('日本語の原文')
    expect(page).toContain('<h3>12月の乳幼児健診の日が変わります</h3>')
  })

  it('answers a link it never gave out with the dead-link page, counting nothing', async () => {
    const r = await residentInShard('n-dead', { tenant: 'sakura-city', channel: 'email' })
    const { path, opens } = await delivered('sakura-city', r.id, checkupDay.id)
    // A daily message's page token is not an announcement's.
    const programToken = await messageToken(env.LINK_SECRET!, 'some-program-delivery')
    for (const wrong of [altered(path), '/n/1AAAAAAAAAAAAAAAAAAAAAA', '/n/x', `/n/1${programToken}`]) {
      const answer = await get(wrong)
      expect(answer.status, wrong).toBe(404)
      expect(await answer.text()).toContain('このリンクは使えません')
    }
    expect(await opens()).toEqual({ count: 0, at: null })
  })

  it('opens for a town on shard 2: an urgent notice, without the manage line, counted in shard 2', async () => {
    const r = await residentInShard('n-urgent')
    const { path, opens } = await delivered('minato-town', r.id, typhoon.id)
    expect(path).toMatch(/^\/n\/2/)
    const answer = await get(path)
    expect(answer.status).toBe(200)
    const page = await answer.text()
    expect(page).toContain('みなと町からのお知らせ')
    expect(page).toContain('緊急のお知らせ')
    expect(page).toContain('<h1>台風10号の接近について</h1>')
    expect(page).toContain('href="tel:0123-45-6789"')
    expect(page).not.toContain('/r/')
    expect((await opens())!.count).toBe(1)
    expect(
      await env.DB.prepare('SELECT COUNT(*) AS n FROM deliveries WHERE subscriber_id = ?1')
        .bind(r.id)
        .first<number>('n'),
    ).toBe(0)
    // Without the shard's prefix the token names nothing in shard 1.
    expect((await get(`/n/1${path.slice('/n/2'.length)}`)).status).toBe(404)
  })
})
