import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { runTick } from '../../edge/delivery/tick'
import { optedOutReason } from '../../edge/resident/suppression'
import { countingAdapter, deliverAll, deps, outbox } from './support/consumer'
import { capturingQueue, rows, storeFixture } from './support/delivery'
import {
  get,
  post,
  registeredResident,
  seedFixtureTenants,
  subscriberByAddress,
} from './support/resident-http'

// A resident who stopped opens their manage link and starts again: a new consent to the privacy
// notice, active with the next send computed, written in one batch.

beforeAll(seedFixtureTenants)

const consentsOf = (id: string) =>
  rows<{ method: string; notice_version: string; withdrawn_at: string | null }>(
    'SELECT method, notice_version, withdrawn_at FROM consents WHERE subscriber_id = ?1 ORDER BY given_at, rowid',
    id,
  )

describe('starting again after a stop', () => {
  it('is offered on the manage page, records a new consent, schedules the next message, and messages flow', async () => {
    const { manage, address } = await registeredResident()
    const { id } = (await subscriberByAddress(address))!
    expect((await post(`${manage}/stop`, {})).status).toBe(200)
    expect(await subscriberByAddress(address)).toMatchObject({ state: 'stopped', nextSendOn: null })

    const page = await (await get(manage)).text()
    expect(page).toContain('もう一度お便りを受け取る')
    expect(page).toContain(`action="${manage}/restart"`)

    const unticked = await post(`${manage}/restart`, { noticeVersion: '2026-04' })
    expect(unticked.status).toBe(422)
    expect(await unticked.text()).toContain('同意')
    expect((await subscriberByAddress(address))!.state).toBe('stopped')

    const restarted = await post(`${manage}/restart`, { consent: 'yes', noticeVersion: '2026-04' })
    expect(restarted.status).toBe(303)
    expect(restarted.headers.get('location')).toBe(`${manage}?done=restarted`)
    const after = (await subscriberByAddress(address))!
    expect(after.state).toBe('active')
    expect(after.nextSendOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const consents = await consentsOf(id)
    expect(consents).toHaveLength(2)
    expect(consents[0]!.withdrawn_at).not.toBeNull()
    expect(consents[1]).toMatchObject({
      method: 'restart/web-form',
      notice_version: '2026-04',
      withdrawn_at: null,
    })
    expect(await (await get(`${manage}?done=restarted`)).text()).toContain('お便りを再開しました')

    // Sent again on the day the schedule names.
    const snapshot = await storeFixture()
    const queue = capturingQueue()
    await runTick({ db: env.DB, queue, snapshot, now: new Date(`${after.nextSendOn}T00:05:00Z`) })
    await deliverAll(deps(snapshot, countingAdapter(outbox())), queue.sent)
    expect(
      await rows('SELECT local_date FROM deliveries WHERE subscriber_id = ?1 AND kind = ?2', id, 'program'),
    ).toEqual([{ local_date: after.nextSendOn }])
  })

  it('is not offered to someone who replied STOP to the SMS: they are told to reply START first', async () => {
    const { manage, address } = await registeredResident()
    const { id } = (await subscriberByAddress(address))!
    await env.DB.prepare(
      `UPDATE subscribers SET state = 'stopped', state_reason = ?2, next_send_on = NULL WHERE id = ?1`,
    )
      .bind(id, optedOutReason)
      .run()
    const page = await (await get(manage)).text()
    expect(page).toContain('START と返信')
    expect(page).not.toContain(`action="${manage}/restart"`)
    const refused = await post(`${manage}/restart`, { consent: 'yes', noticeVersion: '2026-04' })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('START')
    expect((await subscriberByAddress(address))!.state).toBe('stopped')
    expect(await consentsOf(id)).toHaveLength(1)
  })
})
