import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { deliverBatch } from '../../edge/delivery/deliver'
import { nextSendFor } from '../../edge/resident/schedule'
import { loadActiveSnapshot } from '../../edge/snapshot/read'
import { deps, outbox } from './support/consumer'
import { kaede, storeWithKaede } from './support/kaede'
import {
  dateFromToday,
  get,
  linkInOutbox,
  post,
  registeredResident,
  subscriberByAddress,
} from './support/resident-http'
import { freshIp, freshMobile, latestCode } from './support/verification'

beforeAll(async () => {
  await storeWithKaede('household-0001')
})

async function one<T>(sql: string, ...values: unknown[]): Promise<T> {
  return (await env.DB.prepare(sql)
    .bind(...values)
    .first<T>()) as T
}

const timelineIds = async (subscriberId: string) =>
  (
    await env.DB.prepare(
      'SELECT timeline_id AS id FROM timeline_members WHERE subscriber_id = ?1 ORDER BY rowid',
    )
      .bind(subscriberId)
      .all<{ id: string }>()
  ).results.map((r) => r.id)

/** The primary makes an invitation from the manage page; returns the /i/ path shown once. */
async function invitation(manage: string, timeline?: string): Promise<string> {
  const fields: Record<string, string> = timeline ? { timeline } : {}
  const response = await post(`${manage}/invite`, fields)
  expect(response.status).toBe(200)
  const page = await response.text()
  const path = page.match(/http:\/\/edge\.test(\/i\/[0-9]{0,4}[A-Za-z0-9_-]{22})/)?.[1]
  if (!path) throw new Error('no invitation link on the page')
  return path
}

const invitee = (overrides: Record<string, string> = {}) => ({
  nickname: 'たろう',
  audience: 'partner',
  language: 'ja',
  channel: 'email',
  address: `taro-${crypto.randomUUID().slice(0, 8)}@example.jp`,
  consent: 'yes',
  noticeVersion: '2026-04',
  ...overrides,
})

/** Invites, registers and confirms a partner; returns their manage path and address. */
async function joinedPartner(manage: string, overrides: Record<string, string> = {}) {
  const link = await invitation(manage)
  const fields = invitee(overrides)
  const registered = await post(link, fields, { ip: `192.0.2.${Math.floor(Math.random() * 250)}` })
  expect(registered.status).toBe(303)
  const confirmed = await post(await linkInOutbox(fields.address, '/c/'), {})
  return { manage: confirmed.headers.get('location')!.split('?')[0]!, address: fields.address }
}

describe('partner and family invitations', () => {
  it('the invitee registers from the link, confirms, and follows the same timeline with their own wording', async () => {
    const primary = await registeredResident({ date: dateFromToday(100) })
    const primaryId = (await subscriberByAddress(primary.address))!.id
    const link = await invitation(primary.manage)

    const form = await get(link)
    expect(form.status).toBe(200)
    const text = await form.text()
    expect(text).toContain('はなさんから')
    expect(text).not.toContain(primary.address)

    // A refused form keeps what was typed and writes nothing.
    const fields = invitee({ audience: 'primary' })
    const refused = await post(link, { ...fields, consent: '' })
    expect(refused.status).toBe(422)
    const again = await refused.text()
    expect(again).toContain('パートナーかご家族かを選んでください')
    expect(again).toContain(`value="${fields.address}"`)
    expect(await subscriberByAddress(fields.address)).toBeNull()

    const accepted = await post(link, { ...fields, audience: 'family' })
    expect(accepted.status).toBe(303)
    const pending = await subscriberByAddress(fields.address)
    expect(pending).toMatchObject({ state: 'pending', audience: 'family', nextSendOn: null })
    expect(await timelineIds(pending!.id)).toEqual(await timelineIds(primaryId))
    const consent = await one<{ method: string; notice: string }>(
      'SELECT method, notice_version AS notice FROM consents WHERE subscriber_id = ?1',
      pending!.id,
    )
    expect(consent).toEqual({ method: 'invitation/email', notice: '2026-04' })

    // Single use: the link is spent, a second submit writes nothing.
    expect((await get(link)).status).toBe(404)
    const twice = await post(link, invitee())
    expect(twice.status).toBe(404)

    const confirmed = await post(await linkInOutbox(fields.address, '/c/'), {})
    expect(confirmed.status).toBe(303)
    const active = await subscriberByAddress(fields.address)
    expect(active!.state).toBe('active')
    expect(active!.nextSendOn).toBe((await subscriberByAddress(primary.address))!.nextSendOn)
  })

  it('on the day, the invited partner receives the partner’s message for the shared timeline', async () => {
    // Due in 84 days: today is 28w0d (pregnancy/196), the slot the fixture writes for both audiences.
    const primary = await registeredResident({ date: dateFromToday(84) })
    const partner = await joinedPartner(primary.manage, { nickname: 'けん' })
    const ids = [primary.address, partner.address].map(async (a) => (await subscriberByAddress(a))!.id)
    const snapshot = (await loadActiveSnapshot(env.DB))!
    await deliverBatch(deps(snapshot, outbox(), new Date().toISOString()), {
      tenant: 'sakura-city',
      localDate: dateFromToday(0),
      manifestId: snapshot.manifest.id,
      subscriberIds: await Promise.all(ids),
    })
    const message = async (to: string) =>
      (await one<{ text: string }>(
        "SELECT text FROM outbox WHERE recipient = ?1 AND subject NOT LIKE '%ご登録の確認%'",
        to,
      ))!.text
    const partnerText = await message(partner.address)
    expect(partnerText).toContain('パートナーの体調の変化に気づいたら')
    expect(partnerText).not.toContain('8か月の面談の予約はお済みですか')
    expect(await message(primary.address)).toContain('8か月の面談の予約はお済みですか')
  })

  it('a pending invitee who registers again from the town’s form keeps their place: the shared dates and their role stay', async () => {
    const primary = await registeredResident({ date: dateFromToday(100) })
    const primaryId = (await subscriberByAddress(primary.address))!.id
    const fields = invitee()
    expect((await post(await invitation(primary.manage), fields)).status).toBe(303)
    const pending = (await subscriberByAddress(fields.address))!
    // Past the repeat window, the same address through /t/ with other values.
    await env.DB.prepare(
      "UPDATE deliveries SET updated_at = '2000-01-01T00:00:00.000Z' WHERE subscriber_id = ?1",
    )
      .bind(pending.id)
      .run()
    const again = await post(
      '/t/sakura-city',
      { ...fields, nickname: 'じろう', audience: 'primary', stage: 'due', date: dateFromToday(200) },
      { ip: freshIp() },
    )
    expect(again.status).toBe(303)
    expect(
      await one<{ n: number }>('SELECT COUNT(*) AS n FROM subscribers WHERE address = ?1', fields.address),
    ).toEqual({ n: 1 })
    expect(await subscriberByAddress(fields.address)).toMatchObject({
      nickname: 'じろう',
      audience: 'partner',
    })
    expect(await timelineIds(pending.id)).toEqual(await timelineIds(primaryId))
    const [shared] = await timelineIds(primaryId)
    expect(await one<{ due: string }>('SELECT due_date AS due FROM timelines WHERE id = ?1', shared)).toEqual(
      {
        due: dateFromToday(100),
      },
    )
  })

  it('an invitee may choose SMS: a code proves the number, then they follow the same timeline', async () => {
    const primary = await registeredResident({ date: dateFromToday(80) })
    const primaryId = (await subscriberByAddress(primary.address))!.id
    const link = await invitation(primary.manage)
    const mobile = freshMobile()
    const accepted = await post(link, invitee({ channel: 'sms', address: mobile.typed }), { ip: freshIp() })
    expect(accepted.status).toBe(303)
    const codePage = accepted.headers.get('location')!
    expect(codePage).toMatch(/^\/v\/1?[A-Za-z0-9_-]{22}$/)
    const pending = await subscriberByAddress(mobile.e164)
    expect(pending).toMatchObject({ state: 'pending', audience: 'partner' })
    expect(await timelineIds(pending!.id)).toEqual(await timelineIds(primaryId))
    const confirmed = await post(codePage, { code: await latestCode(mobile.e164) })
    expect(confirmed.status).toBe(303)
    expect(await subscriberByAddress(mobile.e164)).toMatchObject({
      state: 'active',
      nextSendOn: (await subscriberByAddress(primary.address))!.nextSendOn,
    })
  })

  it('an invitation lives 14 days and is only the primary’s to make', async () => {
    const primary = await registeredResident()
    const link = await invitation(primary.manage)
    const row = await one<{ created: string; expires: string }>(
      `SELECT created_at AS created, expires_at AS expires FROM access_tokens WHERE purpose = 'invite'
       ORDER BY created_at DESC LIMIT 1`,
    )
    expect(Date.parse(row.expires) - Date.parse(row.created)).toBe(14 * 86_400_000)
    await env.DB.prepare(
      "UPDATE access_tokens SET expires_at = '2000-01-01T00:00:00.000Z' WHERE expires_at = ?1",
    )
      .bind(row.expires)
      .run()
    expect((await get(link)).status).toBe(404)

    const partner = await joinedPartner(primary.manage)
    const page = await (await get(partner.manage)).text()
    expect(page).not.toContain('/invite"')
    expect(page).not.toContain('出産予定日を変える')
    const refused = await post(`${partner.manage}/invite`, {})
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('招待できるのは、登録したご本人だけです')
    expect((await post(`${partner.manage}/due`, { date: dateFromToday(90) })).status).toBe(422)
  })

  it('a partner or family member who registered alone changes their own due date', async () => {
    for (const audience of ['partner', 'family']) {
      const alone = await registeredResident({ audience })
      expect(await (await get(alone.manage)).text()).toContain('出産予定日を変える')
      const due = dateFromToday(90)
      const changed = await post(`${alone.manage}/due`, { date: due })
      expect(changed.status).toBe(303)
      expect(changed.headers.get('location')).toBe(`${alone.manage}?done=due`)
      expect(await (await get(alone.manage)).text()).toContain(`${due}`)
      const id = (await subscriberByAddress(alone.address))!.id
      const [timeline] = await timelineIds(id)
      expect(
        await one<{ due: string }>('SELECT due_date AS due FROM timelines WHERE id = ?1', timeline),
      ).toEqual({
        due,
      })
    }
  })

  it('a joined partner changes the due date only once the primary has stopped', async () => {
    const primary = await registeredResident()
    const partner = await joinedPartner(primary.manage)
    const refused = await post(`${partner.manage}/due`, { date: dateFromToday(100) })
    expect(refused.status).toBe(422)
    expect(await (await get(partner.manage)).text()).not.toContain(dateFromToday(100))
    expect((await post(`${primary.manage}/stop`, {})).status).toBe(200)
    expect(await (await get(partner.manage)).text()).toContain('出産予定日を変える')
    expect((await post(`${partner.manage}/due`, { date: dateFromToday(100) })).status).toBe(303)
  })

  it('members see each other by nickname only, never an address', async () => {
    const primary = await registeredResident()
    const partner = await joinedPartner(primary.manage, { nickname: 'じろう' })
    const primaryPage = await (await get(primary.manage)).text()
    expect(primaryPage).toContain('じろう')
    expect(primaryPage).not.toContain(partner.address)
    const partnerPage = await (await get(partner.manage)).text()
    expect(partnerPage).toContain('はな')
    expect(partnerPage).not.toContain(primary.address)
  })

  it('either may report the birth: the shared timeline changes and every member is rescheduled', async () => {
    const primary = await registeredResident({ date: dateFromToday(10) })
    const partner = await joinedPartner(primary.manage)
    // A stale schedule on both rows: the report must recompute every member's, not only the reporter's.
    await env.DB.prepare("UPDATE subscribers SET next_send_on = '2099-01-01' WHERE address IN (?1, ?2)")
      .bind(primary.address, partner.address)
      .run()
    expect((await post(`${partner.manage}/birth`, { date: dateFromToday(0) })).status).toBe(303)
    const id = (await subscriberByAddress(primary.address))!.id
    const [shared] = await timelineIds(id)
    const timeline = await one<{ birth: string }>(
      'SELECT birth_date AS birth FROM timelines WHERE id = ?1',
      shared,
    )
    expect(timeline.birth).toBe(dateFromToday(0))
    const p = (await subscriberByAddress(primary.address))!.nextSendOn
    const q = (await subscriberByAddress(partner.address))!.nextSendOn
    expect(p).toBe(q)
    // A newborn's messages are daily: today or tomorrow, whatever the clock.
    expect(p! <= dateFromToday(1)).toBe(true)
  })

  it('either may report a loss: the shared timeline turns to loss support for both', async () => {
    const primary = await registeredResident({ date: dateFromToday(60) })
    const partner = await joinedPartner(primary.manage)
    expect((await post(`${partner.manage}/loss`, { date: '', messages: 'support' })).status).toBe(200)
    const id = (await subscriberByAddress(primary.address))!.id
    const [shared] = await timelineIds(id)
    const timeline = await one<{ loss: string }>(
      'SELECT loss_date AS loss FROM timelines WHERE id = ?1',
      shared,
    )
    expect(timeline.loss).toBe(dateFromToday(0))
    expect((await subscriberByAddress(primary.address))!.nextSendOn).toBe(
      (await subscriberByAddress(partner.address))!.nextSendOn,
    )
  })

  it('only the primary removes an invitee, whose messages then stop', async () => {
    const primary = await registeredResident()
    const partner = await joinedPartner(primary.manage)
    const primaryId = (await subscriberByAddress(primary.address))!.id
    const partnerId = (await subscriberByAddress(partner.address))!.id
    const [timeline] = await timelineIds(primaryId)
    const refused = await post(`${partner.manage}/members/remove`, { timeline: timeline!, member: primaryId })
    expect(refused.status).toBe(422)
    expect(await timelineIds(primaryId)).toEqual([timeline])

    const removed = await post(`${primary.manage}/members/remove`, { timeline: timeline!, member: partnerId })
    expect(removed.status).toBe(303)
    expect(await timelineIds(partnerId)).toEqual([])
    expect(await subscriberByAddress(partner.address)).toMatchObject({ state: 'stopped', nextSendOn: null })
    expect(await subscriberByAddress(primary.address)).toMatchObject({ state: 'active' })
    // Someone not on the timeline cannot be removed from it.
    expect(
      (await post(`${primary.manage}/members/remove`, { timeline: timeline!, member: partnerId })).status,
    ).toBe(422)
  })
})

describe('a new child or pregnancy, and the language', () => {
  it('adds a timeline in the registration bounds and schedules by the earliest', async () => {
    const { manage, address } = await registeredResident({ date: dateFromToday(200) })
    const id = (await subscriberByAddress(address))!.id
    const refused = await post(`${manage}/timelines`, { stage: 'birth', date: dateFromToday(5) })
    expect(refused.status).toBe(422)
    const page = await refused.text()
    expect(page).toContain('お誕生日は、今日までの3年以内')
    expect(page).toContain(`value="${dateFromToday(5)}"`)
    expect(await timelineIds(id)).toHaveLength(1)

    const added = await post(`${manage}/timelines`, { stage: 'birth', date: dateFromToday(-20) })
    expect(added.status).toBe(303)
    expect(await timelineIds(id)).toHaveLength(2)
    // A 20-day-old child is in the daily newborn phase: the next send is today or tomorrow.
    expect((await subscriberByAddress(address))!.nextSendOn! <= dateFromToday(1)).toBe(true)
    expect(await (await get(`${manage}?done=timeline`)).text()).toContain(
      `${dateFromToday(-20)} 生まれのお子さん`,
    )
  })

  it('changes the language among those the tenant offers', async () => {
    const { manage, address } = await registeredResident()
    expect((await post(`${manage}/language`, { language: 'en' })).status).toBe(303)
    const row = await one<{ language: string }>(
      'SELECT language FROM subscribers WHERE address = ?1',
      address,
    )
    expect(row.language).toBe('en')
    const refused = await post(`${manage}/language`, { language: 'fr' })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('id="language-error"')
    expect(
      (await one<{ language: string }>('SELECT language FROM subscribers WHERE address = ?1', address))
        .language,
    ).toBe('en')
  })
})

describe('moving to another town', () => {
  it('offers the towns running yorisoi and transfers after consent to the new notice', async () => {
    const { manage, address } = await registeredResident({ date: dateFromToday(90), language: 'en' })
    const id = (await subscriberByAddress(address))!.id
    const pick = await (await get(`${manage}/move`)).text()
    expect(pick).toContain('かえで町')
    expect(pick).toContain('みなと町')
    expect(pick).not.toContain('value="sakura-city"')

    const chosen = await post(`${manage}/move`, { to: 'kaede-town' })
    expect(chosen.status).toBe(303)
    expect(chosen.headers.get('location')).toBe(`${manage}/move/kaede-town`)
    const consentPage = await (await get(`${manage}/move/kaede-town`)).text()
    expect(consentPage).toContain('https://kaede.example.jp/privacy')

    const refused = await post(`${manage}/move/kaede-town`, { noticeVersion: 'k-2026' })
    expect(refused.status).toBe(422)
    expect((await one<{ t: string }>('SELECT tenant_slug AS t FROM subscribers WHERE id = ?1', id)).t).toBe(
      'sakura-city',
    )

    const moved = await post(`${manage}/move/kaede-town`, { consent: 'yes', noticeVersion: 'k-2026' })
    expect(moved.status).toBe(303)
    const row = await one<{ t: string; language: string; next: string }>(
      'SELECT tenant_slug AS t, language, next_send_on AS next FROM subscribers WHERE id = ?1',
      id,
    )
    // Kaede offers Japanese only: the language falls back to it.
    expect(row).toMatchObject({ t: 'kaede-town', language: 'ja' })
    const timelines = (
      await env.DB.prepare(
        `SELECT t.id, t.tenant_slug AS tenant, t.due_date AS dueDate, t.birth_date AS birthDate,
                t.birth_reported_on AS birthReportedOn, t.loss_date AS lossDate, t.loss_reported_on AS lossReportedOn
         FROM timelines t JOIN timeline_members m ON m.timeline_id = t.id WHERE m.subscriber_id = ?1`,
      )
        .bind(id)
        .all<{
          id: string
          tenant: string
          dueDate: string | null
          birthDate: null
          birthReportedOn: null
          lossDate: null
          lossReportedOn: null
        }>()
    ).results
    expect(timelines.map((t) => t.tenant)).toEqual(['kaede-town'])
    expect(row.next).toBe(
      nextSendFor({ state: 'active', pausedUntil: null, timelines }, kaede.tenant, new Date()),
    )
    const consents = (
      await env.DB.prepare(
        'SELECT tenant_slug AS t, notice_version AS v, withdrawn_at AS w, method FROM consents WHERE subscriber_id = ?1 ORDER BY id',
      )
        .bind(id)
        .all<{ t: string; v: string; w: string | null; method: string }>()
    ).results
    expect(consents).toHaveLength(2)
    expect(consents[0]).toMatchObject({ t: 'sakura-city', v: '2026-04' })
    expect(consents[0]!.w).not.toBeNull()
    expect(consents[1]).toMatchObject({ t: 'kaede-town', v: 'k-2026', w: null, method: 'move/web-form' })
    const page = await (await get(`${manage}?done=moved`)).text()
    expect(page).toContain('かえで町')
  })

  it('refuses a town that cannot reach them the way they receive messages', async () => {
    const { manage, address } = await registeredResident()
    const refused = await post(`${manage}/move/minato-town`, { consent: 'yes', noticeVersion: 'v1' })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('いまの受け取り方でお届けしていません')
    expect(
      (await one<{ t: string }>('SELECT tenant_slug AS t FROM subscribers WHERE address = ?1', address)).t,
    ).toBe('sakura-city')
  })

  it('a town without yorisoi: a kind goodbye with the national numbers, and the messages stop', async () => {
    const { manage, address } = await registeredResident()
    const response = await post(`${manage}/move`, { to: 'elsewhere' })
    expect(response.status).toBe(200)
    const page = await response.text()
    expect(page).toContain('これまでありがとうございました')
    expect(page).toContain('#8000')
    expect(page).toContain('119')
    expect(await subscriberByAddress(address)).toMatchObject({ state: 'stopped', nextSendOn: null })
    const refused = await post(`${manage}/move`, { to: 'nowhere-town' })
    expect(refused.status).toBe(422)
  })
})
