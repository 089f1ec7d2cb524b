import { env } from 'cloudflare:workers'
import type { D1Database } from '@cloudflare/workers-types'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { householdStays, householdTables } from '../../edge/manage/household-rows'
import { messageToken, standingToken, surveyToken } from '../../edge/resident/link-tokens'
import { hashToken } from '../../edge/resident/tokens'
import { tableHome } from '../../edge/shards/tables'
import { validConsultation } from './support/consultation'
import {
  dateFromToday,
  get,
  linkInOutbox,
  post,
  registeredResident,
  subscriberByAddress,
} from './support/resident-http'
import { minato, rowsOf, sakura, storeOnTwoShards } from './support/second-shard'
import { shardOf } from './support/shards'
import { sakuraSurvey } from './support/surveys'

// A family in さくら市 (shard 1) moves to みなと町 (shard 2). A timeline lives in one database, so
// the household goes whole: everything of theirs ends up in shard 2, shard 1 keeps only forwards,
// and every link they were sent still opens.

const manifestId = 'household-move-0001'

beforeAll(async () => {
  await storeOnTwoShards(manifestId, {
    sakura: { ...sakura, surveys: [sakuraSurvey] },
    // みなと町 sends by email too here, so an email household may move there.
    minato: {
      ...minato,
      tenant: {
        ...minato.tenant,
        channels: {
          ...minato.tenant.channels,
          email: { senderName: 'みなと町 子育て', fromAddress: 'yorisoi@minato.example.jp' },
        },
      },
    },
  })
})

const main = env.DB
const shard2 = () => shardOf('minato-town')

/** The primary invites, the partner registers by email and confirms; returns the partner's manage path and id. */
async function joinedPartner(manage: string) {
  const page = await (await post(`${manage}/invite`, {})).text()
  const link = page.match(/http:\/\/edge\.test(\/i\/[0-9]{0,4}[A-Za-z0-9_-]{22})"/)?.[1]
  if (!link) throw new Error('no invitation link on the page')
  const address = `ken-${crypto.randomUUID().slice(0, 8)}@example.jp`
  const fields = {
    nickname: 'けん',
    audience: 'partner',
    language: 'ja',
    channel: 'email',
    address,
    consent: 'yes',
    noticeVersion: '2026-04',
  }
  expect((await post(link, fields, { ip: '192.0.2.10' })).status).toBe(303)
  const confirmed = await post(await linkInOutbox(address, '/c/'), {})
  expect(confirmed.status).toBe(303)
  return {
    manage: confirmed.headers.get('location')!.split('?')[0]!,
    id: (await subscriberByAddress(address))!.id,
  }
}

/**
 * A survey line the primary was sent (its delivery, in the shard they live in), answered through its
 * link — the message page's token — and the link such a line had before it took that token.
 */
async function answeredSurvey(db: D1Database, subscriberId: string): Promise<string[]> {
  const deliveryId = crypto.randomUUID()
  const token = await messageToken(env.LINK_SECRET!, deliveryId)
  const old = await surveyToken(env.LINK_SECRET!, deliveryId)
  const at = new Date().toISOString()
  await db.batch([
    db
      .prepare(
        `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, manifest_id, channel, state,
                                 idempotency_key, page_token_hash, survey_id, survey_version, survey_reminder,
                                 created_at, updated_at)
         VALUES (?1, ?2, 'sakura-city', ?3, 'program', ?4, 'email', 'sent', ?1, ?5, 'sakura-8m', 1, 0, ?6, ?6)`,
      )
      .bind(deliveryId, subscriberId, dateFromToday(-1), manifestId, await hashToken(token), at),
    db
      .prepare('INSERT INTO survey_links (token_hash, delivery_id) VALUES (?1, ?2)')
      .bind(await hashToken(old), deliveryId),
  ])
  const answered = await post(`/q/${token}`, { q_feeling: '3', q_interview: 'no' })
  expect(answered.status).toBe(200)
  return [`/q/${token}`, `/q/${old}`]
}

/** A household of two in さくら市, with a consultation and a survey answer. */
async function household() {
  const primary = await registeredResident({ date: dateFromToday(100) })
  const primaryId = (await subscriberByAddress(primary.address))!.id
  const partner = await joinedPartner(primary.manage)
  expect((await post(`${primary.manage}/consult`, validConsultation())).status).toBe(303)
  const survey = await answeredSurvey(main, primaryId)
  const timeline = await main
    .prepare('SELECT timeline_id AS id FROM timeline_members WHERE subscriber_id = ?1')
    .bind(primaryId)
    .first<string>('id')
  const stop = `/s/${await standingToken(env.LINK_SECRET!, primaryId, 'stop')}`
  return { primary, primaryId, partner, survey, stop, ids: [primaryId, partner.id], timelines: [timeline!] }
}

const agree = (manage: string, to = 'minato-town', noticeVersion = 'v1') =>
  post(`${manage}/move/${to}`, { consent: 'yes', noticeVersion })

describe('moving to a town on another shard', () => {
  it('takes the whole household to shard 2, leaves only forwards in shard 1, and every old link still opens', async () => {
    const h = await household()
    const before = await rowsOf(main, h.ids, h.timelines)
    expect(before).toMatchObject({ subscribers: 2, timelines: 1, timeline_members: 2, consultations: 1 })

    const pick = await (await get(`${h.primary.manage}/move`)).text()
    expect(pick).toContain('みなと町')
    const moved = await agree(h.primary.manage)
    expect(moved.status).toBe(303)
    expect(moved.headers.get('location')).toBe(`${h.primary.manage}?done=moved`)

    // Everything is in shard 2, nothing of theirs in shard 1: the same rows, plus the new consent.
    const db = await shard2()
    expect(await rowsOf(main, h.ids, h.timelines)).toEqual({})
    expect(await rowsOf(db, h.ids, h.timelines)).toEqual({ ...before, consents: before.consents! + 1 })
    const forwards = await main
      .prepare('SELECT shard, COUNT(*) AS n FROM link_forwards GROUP BY shard')
      .all<{ shard: number; n: number }>()
    expect(forwards.results).toEqual([{ shard: 2, n: expect.any(Number) }])

    const people = await db
      .prepare(
        `SELECT id, tenant_slug AS tenant, state, state_reason AS reason, next_send_on AS next
         FROM subscribers WHERE id IN (?1, ?2) ORDER BY created_at`,
      )
      .bind(h.primaryId, h.partner.id)
      .all<{ id: string; tenant: string; state: string; reason: string | null; next: string | null }>()
    expect(people.results).toEqual([
      {
        id: h.primaryId,
        tenant: 'minato-town',
        state: 'active',
        reason: 'moved-in',
        next: expect.any(String),
      },
      { id: h.partner.id, tenant: 'minato-town', state: 'stopped', reason: 'household-moved', next: null },
    ])
    const consents = await db
      .prepare(
        `SELECT subscriber_id AS id, tenant_slug AS tenant, method, withdrawn_at IS NULL AS standing
         FROM consents WHERE subscriber_id IN (?1, ?2) ORDER BY given_at`,
      )
      .bind(h.primaryId, h.partner.id)
      .all()
    expect(consents.results).toEqual([
      { id: h.primaryId, tenant: 'sakura-city', method: 'web-form/email', standing: 0 },
      { id: h.partner.id, tenant: 'sakura-city', method: 'invitation/email', standing: 0 },
      { id: h.primaryId, tenant: 'minato-town', method: 'move/web-form', standing: 1 },
    ])

    // Members stay together: the primary's page, opened from the old link, still names the partner.
    const page = await get(`${h.primary.manage}?done=moved`)
    expect(page.status).toBe(200)
    const text = await page.text()
    expect(text).toContain('みなと町')
    expect(text).toContain('けん')
    // The partner's old link opens too; they start again once they agree to みなと町's notice.
    const theirs = await (await get(h.partner.manage)).text()
    expect(theirs).toContain('ご家族の引っ越しにあわせて')
    expect(theirs).toContain('https://minato.example.jp/privacy')
    const restarted = await post(`${h.partner.manage}/restart`, { consent: 'yes', noticeVersion: 'v1' })
    expect(restarted.status).toBe(303)
    const partner = await db
      .prepare('SELECT state, tenant_slug AS tenant FROM subscribers WHERE id = ?1')
      .bind(h.partner.id)
      .first()
    expect(partner).toEqual({ state: 'active', tenant: 'minato-town' })

    // The stop link in every message sent before, and the survey link, open in shard 2.
    expect((await get(h.stop)).status).toBe(200)
    for (const survey of h.survey)
      expect(await (await get(survey)).text(), survey).toContain('すでにお答えいただいています')
    expect(await rowsOf(main, h.ids, h.timelines)).toEqual({})
  })

  it('moving back takes them home again: their links still open, and no forward sends them in a circle', async () => {
    const h = await household()
    expect((await agree(h.primary.manage)).status).toBe(303)
    const there = await rowsOf(await shard2(), h.ids, h.timelines)
    expect((await agree(h.primary.manage, 'sakura-city', '2026-04')).status).toBe(303)

    expect(await rowsOf(await shard2(), h.ids, h.timelines)).toEqual({})
    expect(await rowsOf(main, h.ids, h.timelines)).toEqual({ ...there, consents: there.consents! + 1 })
    const stopHash = await hashToken(h.stop.slice(3))
    expect(
      await main.prepare('SELECT shard FROM link_forwards WHERE token_hash = ?1').bind(stopHash).first(),
    ).toBeNull()
    expect(
      await (await shard2())
        .prepare('SELECT shard FROM link_forwards WHERE token_hash = ?1')
        .bind(stopHash)
        .first(),
    ).toEqual({ shard: 1 })
    const page = await get(h.primary.manage)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('さくら市')
    expect((await get(`/s/2${h.stop.slice(3)}`)).status).toBe(200)
    expect((await get(h.stop)).status).toBe(200)
  })
})

describe('a move that fails half-way loses nothing', () => {
  const faults: D1Database[] = []
  afterEach(async () => {
    for (const db of faults.splice(0)) await db.prepare('DROP TRIGGER IF EXISTS injected_fault').run()
  })
  const fault = async (db: D1Database, when: string) => {
    await db
      .prepare(`CREATE TRIGGER injected_fault ${when} BEGIN SELECT RAISE(ABORT, 'injected fault'); END`)
      .run()
    faults.push(db)
  }
  const lift = (db: D1Database) => db.prepare('DROP TRIGGER IF EXISTS injected_fault').run()

  it('when the new shard refuses, nothing is written there and the household stays home', async () => {
    const h = await household()
    const before = await rowsOf(main, h.ids, h.timelines)
    await fault(await shard2(), 'BEFORE INSERT ON consents')
    expect((await agree(h.primary.manage)).status).toBe(500)
    expect(await rowsOf(await shard2(), h.ids, h.timelines)).toEqual({})
    expect(await rowsOf(main, h.ids, h.timelines)).toEqual(before)
    expect(await (await get(h.primary.manage)).text()).toContain('さくら市')
  })

  it('when the old shard refuses, the household stays home whole, and agreeing again moves it once', async () => {
    const h = await household()
    const before = await rowsOf(main, h.ids, h.timelines)
    await fault(main, 'BEFORE DELETE ON subscribers')
    expect((await agree(h.primary.manage)).status).toBe(500)
    expect(await rowsOf(main, h.ids, h.timelines)).toEqual(before)
    // No forward was left: their links open at home, where they still are.
    const stopHash = await hashToken(h.stop.slice(3))
    expect(
      await main.prepare('SELECT shard FROM link_forwards WHERE token_hash = ?1').bind(stopHash).first(),
    ).toBeNull()
    const page = await (await get(h.primary.manage)).text()
    expect(page).toContain('さくら市')

    await lift(main)
    expect((await agree(h.primary.manage)).status).toBe(303)
    expect(await rowsOf(main, h.ids, h.timelines)).toEqual({})
    expect(await rowsOf(await shard2(), h.ids, h.timelines)).toEqual({
      ...before,
      consents: before.consents! + 1,
    })
  })
})

it('every shard table either moves with a household or says why it stays', () => {
  const moving = householdTables.map((t) => t.table)
  const staying = Object.keys(householdStays)
  const shardTables = Object.entries(tableHome)
    .filter(([, home]) => home === 'shard')
    .map(([table]) => table)
  expect([...moving, ...staying].sort()).toEqual(shardTables.sort())
})
