import type { D1Database } from '@cloudflare/workers-types'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  type Announcement,
  announcement,
  announcementPreview,
  announcementStatus,
} from '../../shared/contract'
import { kaede } from './support/kaede'
import { minato, sakura, storeOnTwoShards } from './support/second-shard'
import { shardNumberOf, shardOf } from './support/shards'
import { accessRows, signAssertion, staffGet } from './support/staff'
import { staffPost, tokyoDay } from './support/staff-families'

const sk = 'sakura-city'
const mn = 'minato-town'
// A third town, sharing さくら市's shard, in Honolulu's time.
const kd = 'kaede-town'
const at = new Date().toISOString()
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

const notice = (id: string, over: Record<string, unknown> = {}): Announcement =>
  announcement.parse({
    id,
    version: 1,
    urgent: false,
    sendAt: inDays(-1),
    texts: [{ language: 'ja', title: '健診のお知らせ', body: '12月の健診日です。' }],
    target: {},
    approval: { by: 'desk-2', at: inDays(-2) },
    ...over,
  })

interface Resident {
  channel?: 'email' | 'sms' | 'line'
  state?: string
  townNotices?: boolean
  due?: string
  birth?: string
  loss?: string
  endedOn?: string
}

/** A subscriber following one timeline of their own, written straight into the town's shard. */
async function resident(tenant: string, id: string, r: Resident = {}) {
  const db = await shardOf(tenant)
  const channel = r.channel ?? 'email'
  await db.batch([
    db
      .prepare(
        `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, town_notices,
                                  created_at, updated_at)
         VALUES (?1, ?2, 'はな', 'primary', 'ja', ?3, ?1, ?4, ?5, ?6, ?6)`,
      )
      .bind(id, tenant, channel, r.state ?? 'active', r.townNotices === false ? 0 : 1, at),
    db
      .prepare(
        `INSERT INTO timelines (id, tenant_slug, due_date, birth_date, birth_reported_on, loss_date, loss_reported_on,
                                ended_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?5, ?6, ?7, ?7)`,
      )
      .bind(`t-${id}`, tenant, r.due ?? null, r.birth ?? null, r.loss ?? null, r.endedOn ?? null, at),
    db
      .prepare('INSERT INTO timeline_members (timeline_id, subscriber_id) VALUES (?1, ?2)')
      .bind(`t-${id}`, id),
  ])
}

/** An announcement delivery of the subscriber in `state`, opened when told. */
function delivery(
  db: D1Database,
  a: { id: string; subscriber: string; announcement: string; state: string; opened?: boolean },
) {
  return db
    .prepare(
      `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, announcement_id, channel, idempotency_key,
                               state, opened_at, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, 'announcement', ?5, 'email', ?1, ?6, ?7, ?8, ?8)`,
    )
    .bind(a.id, a.subscriber, sk, tokyoDay(), a.announcement, a.state, a.opened ? at : null, at)
}

function run(db: D1Database, id: string, state: string, recipients: number) {
  return db
    .prepare(
      `INSERT INTO announcement_runs (tenant_slug, announcement_id, version, state, recipients, started_at, finished_at,
                                      cancelled_at, updated_at)
       VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8)`,
    )
    .bind(
      sk,
      id,
      state,
      recipients,
      state === 'cancelled' ? null : inDays(-1),
      state === 'sent' ? at : null,
      state === 'cancelled' ? inDays(-30) : null,
      at,
    )
}

const runRow = async (tenant: string, id: string) =>
  (await shardOf(tenant))
    .prepare(
      'SELECT version, state, cancelled_at, cancelled_by FROM announcement_runs WHERE tenant_slug = ?1 AND announcement_id = ?2',
    )
    .bind(tenant, id)
    .first<{ version: number; state: string; cancelled_at: string | null; cancelled_by: string | null }>()

const eightMonths = { window: { unit: 'pregnancy-month', from: 8, to: 8 } }
// Gestational day 200: 妊娠8か月 (days 196–223) on today's date in Tokyo.
const due8 = tokyoDay(80)

beforeAll(async () => {
  await storeOnTwoShards('staff-announcements-0001', {
    sakura: {
      ...sakura,
      announcements: [
        notice('ann-checkup', { version: 2, sendAt: inDays(10) }),
        notice('ann-typhoon', { urgent: true, sendAt: inDays(-1) }),
        notice('ann-fair', { sendAt: inDays(-3) }),
      ],
    },
    minato: { ...minato, announcements: [notice('mn-checkup', { sendAt: inDays(5) })] },
    others: [kaede],
  })
  await resident(sk, 'sk-email', { due: due8 })
  await resident(sk, 'sk-sms', { due: due8, channel: 'sms' })
  await resident(sk, 'sk-line', { due: due8, channel: 'line' })
  await resident(sk, 'sk-stopped', { due: due8, state: 'stopped' })
  await resident(sk, 'sk-paused', { due: due8, state: 'paused' })
  await resident(sk, 'sk-pending', { due: due8, state: 'pending' })
  await resident(sk, 'sk-opted-out', { due: due8, townNotices: false })
  await resident(sk, 'sk-bereaved', { due: due8, loss: tokyoDay(-3) })
  await resident(sk, 'sk-ended', { due: due8, endedOn: tokyoDay(-1) })
  // Gestational day 130: 妊娠5か月.
  await resident(sk, 'sk-five', { due: tokyoDay(150) })
  // 75 days old: 月齢2か月.
  await resident(sk, 'sk-child', { birth: tokyoDay(-75) })
  await resident(mn, 'mn-eight', { due: due8, channel: 'line' })
  await resident(kd, 'kd-eight', { due: due8, channel: 'sms' })

  const db = await shardOf(sk)
  await db.batch([
    run(db, 'ann-typhoon', 'sending', 8),
    run(db, 'ann-fair', 'sent', 2),
    run(db, 'ann-old', 'cancelled', 0),
    delivery(db, {
      id: 'd1',
      subscriber: 'sk-email',
      announcement: 'ann-typhoon',
      state: 'sent',
      opened: true,
    }),
    delivery(db, { id: 'd2', subscriber: 'sk-sms', announcement: 'ann-typhoon', state: 'sent' }),
    delivery(db, { id: 'd3', subscriber: 'sk-line', announcement: 'ann-typhoon', state: 'failed-permanent' }),
    delivery(db, {
      id: 'd4',
      subscriber: 'sk-opted-out',
      announcement: 'ann-typhoon',
      state: 'failed-transient',
    }),
    delivery(db, { id: 'd5', subscriber: 'sk-bereaved', announcement: 'ann-typhoon', state: 'flagged' }),
    delivery(db, { id: 'd6', subscriber: 'sk-five', announcement: 'ann-typhoon', state: 'claimed' }),
    delivery(db, { id: 'd7', subscriber: 'sk-child', announcement: 'ann-typhoon', state: 'unknown' }),
    delivery(db, { id: 'd8', subscriber: 'sk-email', announcement: 'ann-fair', state: 'sent', opened: true }),
    delivery(db, { id: 'd9', subscriber: 'sk-sms', announcement: 'ann-fair', state: 'sent' }),
  ])
})

const preview = async (tenant: string, body: unknown, token?: string) => {
  const answer = await staffPost(
    `/announcements/preview?tenant=${tenant}`,
    token ?? (await signAssertion({ tenants: [tenant] })),
    body,
  )
  expect(answer.status).toBe(200)
  return announcementPreview.parse(await answer.json())
}

describe('staff announcements: preview', () => {
  it('counts exactly the residents reached at 妊娠8か月, by channel and stage, none stopped, paused, bereaved or opted out', async () => {
    expect(await preview(sk, { target: eightMonths })).toEqual({
      total: 3,
      byChannel: { email: 1, sms: 1, line: 1 },
      byStage: [{ stage: 'pregnancy', month: 8, count: 3 }],
    })
    expect(await preview(sk, { target: { ...eightMonths, channels: ['sms', 'line'] } })).toMatchObject({
      total: 2,
      byChannel: { email: 0, sms: 1, line: 1 },
    })
  })

  it('counts the opted-out and the bereaved for an urgent notice, at their own stage', async () => {
    expect(await preview(sk, { target: eightMonths, urgent: true })).toMatchObject({ total: 4 })
    expect(await preview(sk, { target: {}, urgent: true })).toEqual({
      total: 7,
      byChannel: { email: 5, sms: 1, line: 1 },
      byStage: [
        { stage: 'pregnancy', month: 5, count: 1 },
        { stage: 'pregnancy', month: 8, count: 4 },
        { stage: 'child', month: 2, count: 1 },
        { stage: 'loss', count: 1 },
      ],
    })
  })

  it("counts only the asked town's residents, in its own shard, and logs the count", async () => {
    expect([await shardNumberOf(sk), await shardNumberOf(mn), await shardNumberOf(kd)]).toEqual([1, 2, 1])
    expect(await preview(kd, { target: eightMonths })).toMatchObject({ total: 1, byChannel: { sms: 1 } })
    const desk = await signAssertion({ tenants: [mn], role: 'desk', sub: 'desk-mn' })
    expect(await preview(mn, { target: eightMonths }, desk)).toEqual({
      total: 1,
      byChannel: { email: 0, sms: 0, line: 1 },
      byStage: [{ stage: 'pregnancy', month: 8, count: 1 }],
    })
    const last = (await accessRows(await shardOf(mn), mn)).at(-1)
    expect([last?.staff_user, last?.action, last?.count, last?.household_id]).toEqual([
      'desk-mn',
      'preview-announcement',
      1,
      null,
    ])
  })
})

describe('staff announcements: status', () => {
  it('lists every announcement of the town, published or only run, with its deliveries counted', async () => {
    const answer = await staffGet(`/announcements?tenant=${sk}`, await signAssertion())
    expect(answer.status).toBe(200)
    const list = announcementStatus.array().parse(await answer.json())
    expect(list.map((s) => s.id)).toEqual(['ann-checkup', 'ann-typhoon', 'ann-fair', 'ann-old'])
    const byId = new Map(list.map((s) => [s.id, s]))
    expect(byId.get('ann-checkup')).toMatchObject({
      state: 'scheduled',
      recipients: 0,
      sent: 0,
      startedAt: null,
    })
    // 8 found by the walk, 7 deliveries written: the one not yet written is pending.
    expect(byId.get('ann-typhoon')).toMatchObject({
      state: 'sending',
      recipients: 8,
      sent: 2,
      failed: 2,
      flagged: 1,
      pending: 3,
      opened: 1,
    })
    expect(byId.get('ann-fair')).toMatchObject({
      state: 'sent',
      recipients: 2,
      sent: 2,
      pending: 0,
      opened: 1,
    })
    expect(byId.get('ann-old')).toMatchObject({ state: 'cancelled', recipients: 0 })
    expect(JSON.stringify(list)).not.toContain('sk-')
  })

  it('reads one, and answers 404 in both languages for one the town does not have', async () => {
    const token = await signAssertion()
    const one = await staffGet(`/announcements/ann-fair?tenant=${sk}`, token)
    expect(announcementStatus.parse(await one.json())).toMatchObject({ id: 'ann-fair', state: 'sent' })
    const missing = await staffGet(`/announcements/mn-checkup?tenant=${sk}`, token)
    expect(missing.status).toBe(404)
    expect(await missing.text()).toBe('このお知らせは見つかりません / No such announcement in this town')
  })
})

const cancel = async (id: string, sub = 'nurse-c', body: unknown = {}) =>
  staffPost(`/announcements/${id}/cancel?tenant=${sk}`, await signAssertion({ sub }), body)

describe('staff announcements: cancel', () => {
  it('cancels one not started, once: a cancelled run with the published version, and a second cancel changes nothing', async () => {
    const first = await cancel('ann-checkup')
    expect(first.status).toBe(200)
    const status = announcementStatus.parse(await first.json())
    expect(status).toMatchObject({ id: 'ann-checkup', state: 'cancelled', recipients: 0 })
    expect(status.cancelledAt).not.toBeNull()
    expect(await runRow(sk, 'ann-checkup')).toMatchObject({
      version: 2,
      state: 'cancelled',
      cancelled_by: 'nurse-c',
    })

    const again = await cancel('ann-checkup', 'nurse-d')
    expect(again.status).toBe(200)
    expect(announcementStatus.parse(await again.json())).toEqual(status)
    expect(await runRow(sk, 'ann-checkup')).toMatchObject({ cancelled_by: 'nurse-c' })
  })

  it('cancels one while it is sending: what was sent stays counted', async () => {
    const answer = await cancel('ann-typhoon')
    expect(answer.status).toBe(200)
    expect(announcementStatus.parse(await answer.json())).toMatchObject({
      state: 'cancelled',
      recipients: 7,
      sent: 2,
      failed: 2,
      flagged: 1,
      pending: 2,
    })
    expect((await runRow(sk, 'ann-typhoon'))?.state).toBe('cancelled')
  })

  it('refuses to cancel one already sent (409, in both languages), and it stays sent', async () => {
    const answer = await cancel('ann-fair')
    expect(answer.status).toBe(409)
    expect(await answer.text()).toMatch(/取り消せません \/ .*can no longer be cancelled/)
    expect((await runRow(sk, 'ann-fair'))?.state).toBe('sent')
  })

  it('cancels one the snapshot does not know yet as version 0, without a body too', async () => {
    const answer = await staffPost(
      `/announcements/ann-draft/cancel?tenant=${sk}`,
      await signAssertion(),
      undefined,
    )
    expect(answer.status).toBe(200)
    expect(await runRow(sk, 'ann-draft')).toMatchObject({ version: 0, state: 'cancelled' })
  })

  it('writes one access-log row per cancel: the announcement id, never a resident', async () => {
    const rows = (await accessRows(await shardOf(sk), sk)).filter((r) => r.action === 'cancel-announcement')
    expect(rows.map((r) => [r.staff_user, r.role, r.household_id, r.filter, r.count, r.reason])).toEqual([
      ['nurse-c', 'nurse', null, 'announcement=ann-checkup', 1, null],
      ['nurse-d', 'nurse', null, 'announcement=ann-checkup', 0, null],
      ['nurse-c', 'nurse', null, 'announcement=ann-typhoon', 1, null],
      ['nurse-c', 'nurse', null, 'announcement=ann-fair', 0, null],
      ['staff-nurse-1', 'nurse', null, 'announcement=ann-draft', 1, null],
    ])
  })
})

describe('staff announcements: refusals', () => {
  it('refuses a privacy officer and another town with 403, reading, writing and logging nothing', async () => {
    const officer = await signAssertion({ role: 'privacy-officer', sub: 'po-1' })
    const stranger = await signAssertion({ tenants: [sk], sub: 'nurse-x' })
    const before = (await accessRows(await shardOf(mn), mn)).length
    for (const [token, tenant] of [
      [officer, sk],
      [stranger, mn],
    ] as const) {
      const answers = [
        await staffPost(`/announcements/preview?tenant=${tenant}`, token, { target: {} }),
        await staffGet(`/announcements?tenant=${tenant}`, token),
        await staffGet(`/announcements/mn-checkup?tenant=${tenant}`, token),
        await staffPost(`/announcements/mn-checkup/cancel?tenant=${tenant}`, token, {}),
      ]
      expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403])
      for (const a of answers) expect(await a.text()).toContain(' / ')
    }
    expect(await runRow(mn, 'mn-checkup')).toBeNull()
    expect((await accessRows(await shardOf(mn), mn)).length).toBe(before)
    expect((await accessRows(await shardOf(sk), sk)).some((r) => r.staff_user === 'po-1')).toBe(false)
  })

  it('answers 400 in both languages for a body that is not a preview or a cancel', async () => {
    const token = await signAssertion()
    for (const body of [{ target: { audiences: [] } }, { target: { channels: ['fax'] } }, 'nonsense', null]) {
      const answer = await staffPost(`/announcements/preview?tenant=${sk}`, token, body)
      expect(answer.status).toBe(400)
      expect(await answer.text()).toMatch(/^入力が正しくありません \/ The input is not valid/)
    }
    const long = await staffPost(`/announcements/ann-fair/cancel?tenant=${sk}`, token, {
      reason: 'x'.repeat(201),
    })
    expect(long.status).toBe(400)
    expect((await staffPost(`/announcements/preview?tenant=bad slug`, token, { target: {} })).status).toBe(
      400,
    )
  })

  it('answers 401 to an expired assertion, logging nothing', async () => {
    const before = (await accessRows(await shardOf(sk), sk)).length
    const expired = await signAssertion({ issuedAgo: 90, lifetime: 60 })
    expect((await staffPost(`/announcements/preview?tenant=${sk}`, expired, { target: {} })).status).toBe(401)
    expect((await staffPost(`/announcements/ann-fair/cancel?tenant=${sk}`, expired, {})).status).toBe(401)
    expect((await accessRows(await shardOf(sk), sk)).length).toBe(before)
  })
})
