import { env } from 'cloudflare:workers'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { storeWithKaede } from './support/kaede'
import {
  dateFromToday,
  get,
  linkInOutbox,
  post,
  registeredResident,
  validRegistration,
} from './support/resident-http'
import { freshIp, freshMobile, latestCode, registerBySms } from './support/verification'

// Every resident action commits at once or not at all. A real fault injected in D1 (a trigger
// that aborts a statement the action needs) makes it fail; the resident then finds everything as
// it was, and the same link or form works again once the fault is gone.

beforeAll(async () => {
  await storeWithKaede('atomic-0001')
})

/** Writing a subscriber's next send fails. */
const onNextSend = 'BEFORE UPDATE OF next_send_on ON subscribers'
/** Withdrawing a consent fails. */
const onConsentWithdrawn = 'BEFORE UPDATE OF withdrawn_at ON consents'

const dropFault = () => env.DB.prepare('DROP TRIGGER IF EXISTS injected_fault').run()
afterEach(dropFault)

/** Runs `act` while D1 aborts the statements the trigger names; the fault is gone afterwards. */
async function withFault<T>(when: string, act: () => Promise<T>): Promise<T> {
  await env.DB.prepare(
    `CREATE TRIGGER injected_fault ${when} BEGIN SELECT RAISE(ABORT, 'injected fault'); END`,
  ).run()
  try {
    return await act()
  } finally {
    await dropFault()
  }
}

async function one<T>(sql: string, ...values: unknown[]): Promise<T> {
  return (await env.DB.prepare(sql)
    .bind(...values)
    .first<T>()) as T
}

const count = async (sql: string, ...values: unknown[]) => (await one<{ n: number }>(sql, ...values)).n

const timelinesOf = async (subscriberId: string) =>
  (
    await env.DB.prepare(
      `SELECT t.id, t.due_date AS due, t.birth_date AS birth, t.loss_date AS loss
       FROM timelines t JOIN timeline_members m ON m.timeline_id = t.id
       WHERE m.subscriber_id = ?1 ORDER BY t.created_at, t.id`,
    )
      .bind(subscriberId)
      .all<{ id: string; due: string | null; birth: string | null; loss: string | null }>()
  ).results

const row = (address: string) =>
  one<{
    id: string
    state: string
    tenant: string
    channel: string
    nextSendOn: string | null
    pausedUntil: string | null
  }>(
    `SELECT id, state, tenant_slug AS tenant, channel, next_send_on AS nextSendOn, paused_until AS pausedUntil
     FROM subscribers WHERE address = ?1`,
    address,
  )

/** Everything a subscriber's page and messages depend on, to compare before and after a failure. */
async function stateOf(address: string) {
  const subscriber = await row(address)
  if (!subscriber) return null
  return {
    subscriber,
    timelines: await timelinesOf(subscriber.id),
    consents: await count(
      'SELECT COUNT(*) AS n FROM consents WHERE subscriber_id = ?1 AND withdrawn_at IS NULL',
      subscriber.id,
    ),
  }
}

async function invitation(manage: string): Promise<string> {
  const page = await (await post(`${manage}/invite`, {})).text()
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

describe('proving an address commits at once or not at all', () => {
  it('confirming by the email link: a fault leaves the registration pending, and the link still confirms', async () => {
    const fields = validRegistration({ date: dateFromToday(100) })
    expect((await post('/t/sakura-city', fields, { ip: freshIp() })).status).toBe(303)
    const link = await linkInOutbox(fields.address!, '/c/')
    const before = await stateOf(fields.address!)

    expect((await withFault(onNextSend, () => post(link, {}))).status).toBe(500)
    expect(await stateOf(fields.address!)).toEqual(before)
    expect(before!.subscriber).toMatchObject({ state: 'pending', nextSendOn: null })

    const confirmed = await post(link, {})
    expect(confirmed.status).toBe(303)
    expect(confirmed.headers.get('location')).toMatch(/^\/r\/1[A-Za-z0-9_-]{22}\?done=confirmed$/)
    const active = await row(fields.address!)
    expect(active.state).toBe('active')
    expect(active.nextSendOn).not.toBeNull()
    expect((await post(link, {})).status).toBe(404)
  })

  it('two confirmations at once: one confirms, the other finds the link used, and the schedule is written once', async () => {
    const fields = validRegistration({ date: dateFromToday(100) })
    expect((await post('/t/sakura-city', fields, { ip: freshIp() })).status).toBe(303)
    const link = await linkInOutbox(fields.address!, '/c/')
    const answers = await Promise.all([post(link, {}), post(link, {})])
    expect(answers.map((a) => a.status).sort()).toEqual([303, 404])
    expect((await row(fields.address!)).nextSendOn).not.toBeNull()
  })

  it('an invited partner confirming: a fault leaves them pending, and their link still confirms', async () => {
    const primary = await registeredResident({ date: dateFromToday(80) })
    const fields = invitee()
    expect((await post(await invitation(primary.manage), fields, { ip: freshIp() })).status).toBe(303)
    const link = await linkInOutbox(fields.address, '/c/')
    const before = await stateOf(fields.address)

    expect((await withFault(onNextSend, () => post(link, {}))).status).toBe(500)
    expect(await stateOf(fields.address)).toEqual(before)

    expect((await post(link, {})).status).toBe(303)
    expect(await row(fields.address)).toMatchObject({
      state: 'active',
      nextSendOn: (await row(primary.address)).nextSendOn,
    })
  })

  it('registering by SMS: a fault after the right code leaves the registration pending, and the code still works', async () => {
    const { response, codePage, mobile } = await registerBySms()
    expect(response.status).toBe(303)
    const code = await latestCode(mobile.e164)
    const before = await stateOf(mobile.e164)

    expect((await withFault(onNextSend, () => post(codePage, { code }, { ip: freshIp() }))).status).toBe(500)
    expect(await stateOf(mobile.e164)).toEqual(before)
    expect(before!.subscriber).toMatchObject({ state: 'pending', nextSendOn: null })

    const confirmed = await post(codePage, { code }, { ip: freshIp() })
    expect(confirmed.status).toBe(303)
    expect(confirmed.headers.get('location')).toMatch(/\?done=confirmed$/)
    const active = await row(mobile.e164)
    expect(active.state).toBe('active')
    expect(active.nextSendOn).not.toBeNull()
  })

  it('changing the address: a fault keeps the old address receiving, and the code still works', async () => {
    const { address, manage } = await registeredResident()
    const mobile = freshMobile()
    const asked = await post(`${manage}/address`, { channel: 'sms', address: mobile.typed })
    const codePage = asked.headers.get('location')!
    const code = await latestCode(mobile.e164)
    const before = await stateOf(address)

    expect((await withFault(onNextSend, () => post(codePage, { code }, { ip: freshIp() }))).status).toBe(500)
    expect(await stateOf(address)).toEqual(before)

    const done = await post(codePage, { code }, { ip: freshIp() })
    expect(done.headers.get('location')).toBe(`${manage}/address?done=changed`)
    expect(await row(mobile.e164)).toMatchObject({
      channel: 'sms',
      state: 'active',
      nextSendOn: before!.subscriber.nextSendOn,
    })
  })
})

describe('changes from the manage page commit at once or not at all', () => {
  it('the due date: a fault keeps the old date and schedule; sending the form again changes both', async () => {
    const { manage, address } = await registeredResident({ date: dateFromToday(100) })
    const before = await stateOf(address)
    const due = dateFromToday(270)

    expect((await withFault(onNextSend, () => post(`${manage}/due`, { date: due }))).status).toBe(500)
    expect(await stateOf(address)).toEqual(before)

    expect((await post(`${manage}/due`, { date: due })).status).toBe(303)
    const after = await stateOf(address)
    expect(after!.timelines[0]!.due).toBe(due)
    expect(after!.subscriber.nextSendOn).toBe(dateFromToday(18))
  })

  it('the birth, reported by a partner: a fault changes neither member; reporting again reschedules both', async () => {
    const primary = await registeredResident({ date: dateFromToday(10) })
    const fields = invitee()
    await post(await invitation(primary.manage), fields, { ip: freshIp() })
    const partner = (await post(await linkInOutbox(fields.address, '/c/'), {})).headers
      .get('location')!
      .split('?')[0]!
    const before = [await stateOf(primary.address), await stateOf(fields.address)]

    const failed = await withFault(onNextSend, () => post(`${partner}/birth`, { date: dateFromToday(0) }))
    expect(failed.status).toBe(500)
    expect([await stateOf(primary.address), await stateOf(fields.address)]).toEqual(before)

    expect((await post(`${partner}/birth`, { date: dateFromToday(0) })).status).toBe(303)
    const [p, q] = [await stateOf(primary.address), await stateOf(fields.address)]
    expect(p!.timelines[0]!.birth).toBe(dateFromToday(0))
    expect(p!.subscriber.nextSendOn).toBe(q!.subscriber.nextSendOn)
    expect(p!.subscriber.nextSendOn! <= dateFromToday(1)).toBe(true)
  })

  it('a loss with support kept: a fault records nothing; reporting again turns the plan', async () => {
    const { manage, address } = await registeredResident({ date: dateFromToday(60) })
    const before = await stateOf(address)
    const failed = await withFault(onNextSend, () =>
      post(`${manage}/loss`, { date: '', messages: 'support' }),
    )
    expect(failed.status).toBe(500)
    expect(await stateOf(address)).toEqual(before)

    expect((await post(`${manage}/loss`, { date: '', messages: 'support' })).status).toBe(200)
    const after = await stateOf(address)
    expect(after!.timelines[0]!.loss).toBe(dateFromToday(0))
    expect(after!.subscriber.state).toBe('active')
  })

  it('a loss with “stop all”: when stopping fails the loss is not recorded either, and reporting again stops', async () => {
    const { manage, address } = await registeredResident({ date: dateFromToday(60) })
    const before = await stateOf(address)
    const failed = await withFault(onConsentWithdrawn, () =>
      post(`${manage}/loss`, { date: '', messages: 'stop' }),
    )
    expect(failed.status).toBe(500)
    expect(await stateOf(address)).toEqual(before)

    expect((await post(`${manage}/loss`, { date: '', messages: 'stop' })).status).toBe(200)
    const after = await stateOf(address)
    expect(after!.timelines[0]!.loss).toBe(dateFromToday(0))
    expect(after!.subscriber).toMatchObject({ state: 'stopped', nextSendOn: null })
    expect(after!.consents).toBe(0)
  })

  it('a pause: a fault keeps the messages coming as before; pausing again works', async () => {
    const { manage, address } = await registeredResident({ date: dateFromToday(60) })
    const before = await stateOf(address)
    const until = dateFromToday(20)
    expect((await withFault(onNextSend, () => post(`${manage}/pause`, { date: until }))).status).toBe(500)
    expect(await stateOf(address)).toEqual(before)

    expect((await post(`${manage}/pause`, { date: until })).status).toBe(303)
    expect(await row(address)).toMatchObject({ state: 'paused', pausedUntil: until, nextSendOn: until })
  })

  it('resuming: a fault leaves the pause as it was; resuming again brings the next message forward', async () => {
    const { manage, address } = await registeredResident({ date: dateFromToday(60) })
    const until = dateFromToday(20)
    expect((await post(`${manage}/pause`, { date: until })).status).toBe(303)
    const before = await stateOf(address)
    expect((await withFault(onNextSend, () => post(`${manage}/resume`, {}))).status).toBe(500)
    expect(await stateOf(address)).toEqual(before)

    expect((await post(`${manage}/resume`, {})).status).toBe(303)
    const resumed = await row(address)
    expect(resumed.state).toBe('active')
    expect(resumed.nextSendOn! <= dateFromToday(1)).toBe(true)
  })

  it('a new child: a fault adds no timeline; adding again schedules by the earliest', async () => {
    const { manage, address } = await registeredResident({ date: dateFromToday(200) })
    const before = await stateOf(address)
    const failed = await withFault(onNextSend, () =>
      post(`${manage}/timelines`, { stage: 'birth', date: dateFromToday(-20) }),
    )
    expect(failed.status).toBe(500)
    expect(await stateOf(address)).toEqual(before)

    expect((await post(`${manage}/timelines`, { stage: 'birth', date: dateFromToday(-20) })).status).toBe(303)
    const after = await stateOf(address)
    expect(after!.timelines).toHaveLength(2)
    expect(after!.subscriber.nextSendOn! <= dateFromToday(1)).toBe(true)
  })

  it('removing an invitee who follows a child of their own: a fault keeps them on both; removing again reschedules them', async () => {
    const primary = await registeredResident({ date: dateFromToday(200) })
    const fields = invitee()
    await post(await invitation(primary.manage), fields, { ip: freshIp() })
    const own = (await post(await linkInOutbox(fields.address, '/c/'), {})).headers
      .get('location')!
      .split('?')[0]!
    expect((await post(`${own}/timelines`, { stage: 'birth', date: dateFromToday(-20) })).status).toBe(303)
    const partner = await row(fields.address)
    const [shared] = await timelinesOf((await row(primary.address)).id)
    const before = await stateOf(fields.address)
    expect(before!.timelines).toHaveLength(2)

    const remove = () =>
      post(`${primary.manage}/members/remove`, { timeline: shared!.id, member: partner.id })
    expect((await withFault(onNextSend, remove)).status).toBe(500)
    expect(await stateOf(fields.address)).toEqual(before)

    expect((await remove()).status).toBe(303)
    const after = await stateOf(fields.address)
    expect(after!.timelines.map((t) => t.id)).not.toContain(shared!.id)
    expect(after!.timelines).toHaveLength(1)
    expect(after!.subscriber.state).toBe('active')
    expect(after!.subscriber.nextSendOn! <= dateFromToday(1)).toBe(true)
  })

  it('removing an invitee who follows nothing else stops them, or on a fault changes nothing', async () => {
    const primary = await registeredResident()
    const fields = invitee()
    await post(await invitation(primary.manage), fields, { ip: freshIp() })
    expect((await post(await linkInOutbox(fields.address, '/c/'), {})).status).toBe(303)
    const partner = await row(fields.address)
    const [timeline] = await timelinesOf((await row(primary.address)).id)
    const before = await stateOf(fields.address)

    const remove = () =>
      post(`${primary.manage}/members/remove`, { timeline: timeline!.id, member: partner.id })
    expect((await withFault(onNextSend, remove)).status).toBe(500)
    expect(await stateOf(fields.address)).toEqual(before)

    expect((await remove()).status).toBe(303)
    expect(await stateOf(fields.address)).toMatchObject({
      subscriber: { state: 'stopped', nextSendOn: null },
      timelines: [],
    })
  })

  it('a move to another town: a fault leaves the resident where they were; agreeing again moves them', async () => {
    const { manage, address } = await registeredResident({ date: dateFromToday(90) })
    const before = await stateOf(address)
    const agree = () => post(`${manage}/move/kaede-town`, { consent: 'yes', noticeVersion: 'k-2026' })

    expect((await withFault(onNextSend, agree)).status).toBe(500)
    expect(await stateOf(address)).toEqual(before)
    expect(before!.subscriber.tenant).toBe('sakura-city')

    expect((await agree()).status).toBe(303)
    const after = await stateOf(address)
    expect(after!.subscriber.tenant).toBe('kaede-town')
    expect(after!.subscriber.nextSendOn).not.toBeNull()
    expect(after!.consents).toBe(1)
  })
})

describe('"this was not me" commits at once or not at all', () => {
  it('a fault keeps the new address and the manage link; the undo link still works afterwards', async () => {
    const { address, manage } = await registeredResident()
    const next = `next-${crypto.randomUUID().slice(0, 8)}@example.jp`
    expect((await post(`${manage}/address`, { channel: 'email', address: next })).status).toBe(200)
    const proof = await linkInOutbox(next, '/v/')
    expect((await post(proof, {})).status).toBe(303)
    const undo = (await env.DB.prepare(
      "SELECT text FROM outbox WHERE recipient = ?1 AND text LIKE '%/u/%' ORDER BY rowid DESC",
    )
      .bind(address)
      .first<string>('text'))!.match(/http:\/\/edge\.test(\/u\/1[A-Za-z0-9_-]{22})/)![1]!
    const before = await stateOf(next)

    expect((await withFault(onNextSend, () => post(undo, {}))).status).toBe(500)
    expect(await stateOf(next)).toEqual(before)
    expect((await get(manage)).status).toBe(200)

    expect((await post(undo, {})).status).toBe(200)
    expect(await row(address)).toMatchObject({ channel: 'email', state: 'active' })
    expect((await get(manage)).status).toBe(404)
  })
})
