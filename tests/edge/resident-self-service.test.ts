import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { settleDay } from '../../edge/delivery/record'
import { planDay } from '../../shared/program'
import { deleteMyData } from './support/deletion'
import {
  dateFromToday,
  get,
  linkInOutbox,
  post,
  registeredResident,
  seedFixtureTenants,
  subscriberByAddress,
} from './support/resident-http'

beforeAll(seedFixtureTenants)

const timelineOf = (subscriberId: string) =>
  env.DB.prepare(
    `SELECT t.id, t.due_date AS due, t.birth_date AS birth, t.loss_date AS loss, t.loss_reported_on AS lossReported
     FROM timelines t JOIN timeline_members m ON m.timeline_id = t.id WHERE m.subscriber_id = ?1`,
  )
    .bind(subscriberId)
    .first<{
      id: string
      due: string | null
      birth: string | null
      loss: string | null
      lossReported: string | null
    }>()

describe('self-service from the manage link', () => {
  it('shows the registration without the address', async () => {
    const { manage, address } = await registeredResident()
    const page = await (await get(`${manage}?done=confirmed`)).text()
    expect(page).toContain('登録が確定しました')
    expect(page).toContain('value="はな"')
    expect(page).not.toContain(address)
  })

  it('changes the nickname, and refuses an empty one keeping what was typed', async () => {
    const { manage, address } = await registeredResident()
    expect((await post(`${manage}/nickname`, { nickname: 'そら' })).status).toBe(303)
    expect((await subscriberByAddress(address))!.nickname).toBe('そら')
    const refused = await post(`${manage}/nickname`, { nickname: '\u0007' })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('使えない文字')
    expect((await subscriberByAddress(address))!.nickname).toBe('そら')
  })

  it('changes the due date and moves next_send_on with it', async () => {
    const { manage, address } = await registeredResident({ date: dateFromToday(100) })
    const subscriber = await subscriberByAddress(address)
    const due = dateFromToday(270)
    expect((await post(`${manage}/due`, { date: due })).status).toBe(303)
    expect((await timelineOf(subscriber!.id))!.due).toBe(due)
    // Due in 270 days is gestational day 10 today; the program starts on day 28, 18 days from now.
    expect((await subscriberByAddress(address))!.nextSendOn).toBe(dateFromToday(18))
    const refused = await post(`${manage}/due`, { date: dateFromToday(400) })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain(`value="${dateFromToday(400)}"`)
    expect((await timelineOf(subscriber!.id))!.due).toBe(due)
  })

  it('reports the birth; a birth in the future is refused', async () => {
    const { manage, address } = await registeredResident({ date: dateFromToday(10) })
    const id = (await subscriberByAddress(address))!.id
    expect((await post(`${manage}/birth`, { date: dateFromToday(2) })).status).toBe(422)
    expect((await post(`${manage}/birth`, { date: dateFromToday(0) })).status).toBe(303)
    expect((await timelineOf(id))!.birth).toBe(dateFromToday(0))
    expect(await (await get(`${manage}?done=birth`)).text()).toContain('ご出産おめでとうございます')
  })

  it('pauses until a date (next send on or after it) and resumes', async () => {
    const { manage, address } = await registeredResident({ date: dateFromToday(60) })
    const until = dateFromToday(20)
    expect((await post(`${manage}/pause`, { date: until })).status).toBe(303)
    const paused = await subscriberByAddress(address)
    expect(paused).toMatchObject({ state: 'paused', pausedUntil: until, nextSendOn: until })
    expect((await post(`${manage}/pause`, { date: dateFromToday(0) })).status).toBe(422)
    expect((await post(`${manage}/resume`, {})).status).toBe(303)
    const resumed = await subscriberByAddress(address)
    expect(resumed!.state).toBe('active')
    expect(resumed!.nextSendOn! <= dateFromToday(1)).toBe(true)
  })

  it('says when a recent message could not be delivered, until one arrives again', async () => {
    const { manage, address } = await registeredResident()
    const { id } = (await subscriberByAddress(address))!
    // What the delivery consumer records at the end of a day: a failed day, then a message that arrived.
    const settle = (failed: { subscriberId: string; error: string }[], succeeded: string[]) =>
      settleDay(env.DB, {
        tenant: 'sakura-city',
        localDate: dateFromToday(0),
        advances: [],
        failed,
        succeeded,
        counts: { sent: 0, failed: 0, flagged: 0 },
        now: new Date(),
      })
    expect(await (await get(manage)).text()).not.toContain('お届けできませんでした')
    await settle([{ subscriberId: id, error: 'resend 500 internal_server_error' }], [])
    const page = await (await get(manage)).text()
    const ja = page.indexOf(`${dateFromToday(0)} のお便りをお届けできませんでした`)
    expect(ja).toBeGreaterThan(-1)
    expect(page.indexOf(`We could not deliver your message of ${dateFromToday(0)}`)).toBeGreaterThan(ja)
    expect(page).toContain(`<a href="${manage}/address">`)
    expect(page).not.toContain('internal_server_error')
    await settle([], [id])
    expect(await (await get(manage)).text()).not.toContain('お届けできませんでした')
  })

  it('stops at once from the manage page', async () => {
    const { manage, address } = await registeredResident()
    const response = await post(`${manage}/stop`, {})
    expect(await response.text()).toContain('お便りを止めました')
    expect(await subscriberByAddress(address)).toMatchObject({ state: 'stopped', nextSendOn: null })
  })

  it('deletes the data once confirmed from the address, timeline and consent included', async () => {
    const { manage, address } = await registeredResident()
    const id = (await subscriberByAddress(address))!.id
    const timeline = await timelineOf(id)
    expect(await deleteMyData(manage)).toBe('confirmed')
    expect(await subscriberByAddress(address)).toBeNull()
    for (const [table, column, value] of [
      ['timelines', 'id', timeline!.id],
      ['consents', 'subscriber_id', id],
      ['access_tokens', 'subscriber_id', id],
      ['deliveries', 'subscriber_id', id],
    ] as const) {
      const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?1`)
        .bind(value)
        .first<{ n: number }>()
      expect([table, row!.n]).toEqual([table, 0])
    }
    expect((await get(manage)).status).toBe(404)
  })

  it('a loss stops the pregnancy messages at once: from today the plan has only loss slots', async () => {
    const { manage, address } = await registeredResident({ date: dateFromToday(60) })
    const id = (await subscriberByAddress(address))!.id
    const page = await (await get(`${manage}/loss`)).text()
    expect(page).toContain('#8000')
    expect(page).toContain('#7119') // 東京都
    const response = await post(`${manage}/loss`, { date: '', messages: 'support' })
    const received = await response.text()
    expect(received).toContain('お知らせを受け取りました')
    expect(received).toContain('03-1234-5678')
    expect(received.indexOf('119')).toBeGreaterThan(-1)

    const timeline = await timelineOf(id)
    expect(timeline).toMatchObject({ loss: dateFromToday(0), lossReported: dateFromToday(0) })
    const facts = {
      from: dateFromToday(0),
      due: timeline!.due!,
      loss: { date: timeline!.loss!, reportedOn: timeline!.lossReported! },
    }
    for (let day = 0; day < 30; day++) {
      for (const slot of planDay([facts], dateFromToday(day))?.slots ?? []) expect(slot.track).toBe('loss')
    }
    const next = (await subscriberByAddress(address))!.nextSendOn
    expect(planDay([facts], next!)?.slots.map((s) => s.track)).toEqual(['loss'])
  })

  it('a loss with "stop all" stops the subscription too', async () => {
    const { manage, address } = await registeredResident({ date: dateFromToday(60) })
    await post(`${manage}/loss`, { date: '', messages: 'stop' })
    expect(await subscriberByAddress(address)).toMatchObject({ state: 'stopped', nextSendOn: null })
  })

  it('refuses self-service posts from another site', async () => {
    const { manage, address } = await registeredResident()
    expect((await post(`${manage}/stop`, {}, { origin: 'https://evil.example' })).status).toBe(403)
    expect((await subscriberByAddress(address))!.state).toBe('active')
  })

  it('answers an unknown or malformed token with a kind page', async () => {
    for (const path of ['/r/AAAAAAAAAAAAAAAAAAAAAA', '/r/x', '/s/AAAAAAAAAAAAAAAAAAAAAA', '/c/nope']) {
      const response = await get(path)
      expect(response.status).toBe(404)
      expect(await response.text()).toContain('このリンクは使えません')
    }
  })
})

describe('stop links', () => {
  it('take an RFC 8058 one-click POST from a mail provider (no Origin) and stop at once', async () => {
    const { address } = await registeredResident()
    const stop = await linkInOutbox(address, '/s/')
    expect((await get(stop)).status).toBe(200)
    expect((await subscriberByAddress(address))!.state).toBe('active')
    const response = await post(stop, { 'List-Unsubscribe': 'One-Click' }, { origin: null })
    expect(response.status).toBe(200)
    expect(await subscriberByAddress(address)).toMatchObject({ state: 'stopped', nextSendOn: null })
    const consent = await env.DB.prepare(
      'SELECT withdrawn_at AS w FROM consents WHERE subscriber_id = (SELECT id FROM subscribers WHERE address = ?1)',
    )
      .bind(address)
      .first<{ w: string | null }>()
    expect(consent!.w).not.toBeNull()
    // Stop links never expire and stay good after use.
    expect((await post(stop, { 'List-Unsubscribe': 'One-Click' }, { origin: null })).status).toBe(200)
  })
})
