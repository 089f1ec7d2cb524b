import { exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { localDate } from '../../shared/calendar'
import { familyTasks, taskCounts, taskDoneAnswer } from '../../shared/contract'
import { origin } from './support/resident-http'
import { minato, residentInShard, sakura, storeOnTwoShards } from './support/second-shard'
import { shardOf } from './support/shards'
import { accessRows, signAssertion, staffGet } from './support/staff'
import { aTask, offerTask, taskDoneRow } from './support/tasks'

const sk = 'sakura-city'
const mn = 'minato-town'
const today = () => localDate(new Date(), 'Asia/Tokyo')

/** A POST of the staff API with a JSON body, as the CMS sends it. */
const staffPost = (path: string, token: string, body: unknown) =>
  exports.default.fetch(`${origin}/staff${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

beforeAll(async () => {
  await storeOnTwoShards('staff-tasks-0001', {
    sakura: { ...sakura, tasks: [aTask('shussei'), aTask('kenshin', { doneBy: 'staff' })] },
    minato: { ...minato, tasks: [aTask('shussei')] },
  })
  await residentInShard('st-hana', { tenant: sk, channel: 'email' })
  await residentInShard('st-yui', { tenant: mn, channel: 'line' })
  const db = await shardOf(sk)
  await offerTask(db, { subscriber: 'st-hana', tenant: sk, task: 'shussei', on: '2026-11-20' })
  await offerTask(db, { subscriber: 'st-hana', tenant: sk, task: 'shussei', on: '2026-11-27', reminder: 1 })
})

describe("a family's tasks in the staff API", () => {
  it('lists each member with their tasks, and logs the read', async () => {
    const token = await signAssertion({ tenants: [sk], sub: 'nurse-t1' })
    const answer = await staffGet(`/families/t-st-hana/tasks?tenant=${sk}&reason=follow-up`, token)
    expect(answer.status).toBe(200)
    const read = familyTasks.parse(await answer.json())
    expect(read.members.map((m) => [m.member, m.nickname])).toEqual([['st-hana', 'はな']])
    expect(read.members[0]?.tasks).toEqual([
      expect.objectContaining({
        id: 'shussei',
        title: 'shusseiの手続き',
        state: 'offered',
        firstOfferedOn: '2026-11-20',
        reminders: 1,
        doneOn: null,
      }),
      // Its window is open: the next message offers it.
      expect.objectContaining({ id: 'kenshin', state: 'not-offered', doneBy: 'staff' }),
    ])
    expect(JSON.stringify(read)).not.toContain('@example.jp')
    const last = (await accessRows(await shardOf(sk), sk)).at(-1)
    expect([last?.staff_user, last?.action, last?.household_id, last?.filter, last?.reason]).toEqual([
      'nurse-t1',
      'read-household',
      't-st-hana',
      'tasks',
      'follow-up',
    ])
  })

  it('marks a task done for a member of its own town as staff, logged, and keeps the first mark', async () => {
    const token = await signAssertion({ tenants: [sk], sub: 'desk-t2', role: 'desk' })
    const answer = await staffPost(`/families/t-st-hana/tasks/done?tenant=${sk}`, token, {
      member: 'st-hana',
      task: 'kenshin',
    })
    expect(answer.status).toBe(200)
    expect(taskDoneAnswer.parse(await answer.json())).toEqual({
      member: 'st-hana',
      task: expect.objectContaining({ id: 'kenshin', state: 'done', doneOn: today(), doneWho: 'staff' }),
    })
    expect(await taskDoneRow(await shardOf(sk), 'st-hana', 'kenshin')).toEqual({
      tenant: sk,
      doneOn: today(),
      doneBy: 'staff',
    })
    const again = await staffPost(`/families/t-st-hana/tasks/done?tenant=${sk}`, token, {
      member: 'st-hana',
      task: 'kenshin',
    })
    expect(again.status).toBe(200)
    const rows = (await accessRows(await shardOf(sk), sk)).filter((r) => r.action === 'mark-task-done')
    expect(rows.map((r) => [r.staff_user, r.role, r.household_id, r.filter, r.count])).toEqual([
      ['desk-t2', 'desk', 't-st-hana', 'task=kenshin', 1],
      ['desk-t2', 'desk', 't-st-hana', 'task=kenshin', 0],
    ])
  })

  it("refuses another town, another town's family, an unknown member or task, with Japanese first", async () => {
    const token = await signAssertion({ tenants: [sk], sub: 'nurse-t3' })
    const before = (await accessRows(await shardOf(mn), mn)).length
    const mark = (tenant: string, household: string, body: unknown) =>
      staffPost(`/families/${household}/tasks/done?tenant=${tenant}`, token, body)

    const foreign = await mark(mn, 't-st-yui', { member: 'st-yui', task: 'shussei' })
    expect(foreign.status).toBe(403)
    expect(await foreign.text()).toMatch(/^担当外の自治体です \/ /)
    expect((await staffGet(`/families/t-st-yui/tasks?tenant=${mn}`, token)).status).toBe(403)
    expect((await accessRows(await shardOf(mn), mn)).length).toBe(before)

    const crossed = await mark(sk, 't-st-yui', { member: 'st-yui', task: 'shussei' })
    expect(crossed.status).toBe(404)
    expect(await crossed.text()).toMatch(/^この世帯は見つかりません \/ /)
    const notHers = await mark(sk, 't-st-hana', { member: 'st-yui', task: 'shussei' })
    expect(notHers.status).toBe(404)
    expect(await notHers.text()).toMatch(/^この家族にその方はいません \/ /)
    const unknown = await mark(sk, 't-st-hana', { member: 'st-hana', task: 'no-such-task' })
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).toMatch(/^そのやることは、この方に向けて公開されていません \/ /)
    expect((await mark(sk, 't-st-hana', { member: 'st-hana' })).status).toBe(400)

    expect(await taskDoneRow(await shardOf(mn), 'st-yui', 'shussei')).toBeNull()
    expect(await taskDoneRow(await shardOf(sk), 'st-hana', 'no-such-task')).toBeNull()
    const privacy = await signAssertion({ tenants: [sk], role: 'privacy-officer' })
    expect((await staffGet(`/families/t-st-hana/tasks?tenant=${sk}`, privacy)).status).toBe(403)
  })
})

describe("the town's counts per task", () => {
  it('counts offered, done, reminded and done after a reminder, residents once each, this town only', async () => {
    const db = await shardOf(sk)
    const ids = ['c1', 'c2', 'c3', 'c4', 'c5'].map((n) => `st-count-${n}`)
    for (const id of ids) await residentInShard(id, { tenant: sk, channel: 'email' })
    const [c1, c2, c3, c4, c5] = ids as [string, string, string, string, string]
    const offer = (subscriber: string, on: string, reminder = 0, state?: 'failed-permanent') =>
      offerTask(db, { subscriber, tenant: sk, task: 'shussei', on, reminder, ...(state ? { state } : {}) })
    const done = (subscriber: string, on: string, by: string) =>
      db
        .prepare(
          `INSERT INTO task_done (subscriber_id, task_id, tenant_slug, done_on, done_by, created_at)
           VALUES (?1, 'shussei', ?2, ?3, ?4, ?5)`,
        )
        .bind(subscriber, sk, on, by, `${on}T00:00:00.000Z`)
        .run()
    // c1: done before any reminder.
    await offer(c1, '2026-11-01')
    await done(c1, '2026-11-03', 'resident')
    // c2: two reminders, done the day after the first: counted once, after a reminder.
    await offer(c2, '2026-11-01')
    await offer(c2, '2026-11-08', 1)
    await offer(c2, '2026-11-15', 2)
    await done(c2, '2026-11-09', 'resident')
    // c3: reminded, not done.
    await offer(c3, '2026-11-01')
    await offer(c3, '2026-11-08', 1)
    // c4: the only line failed: never offered.
    await offer(c4, '2026-11-01', 0, 'failed-permanent')
    // c5: done at the counter, never offered.
    await done(c5, '2026-11-02', 'staff')
    // st-hana (beforeAll): offered, reminded on 11-27; a reminder that failed does not count for c1.
    await offer(c1, '2026-11-08', 1, 'failed-permanent')
    // Another town's resident with the same task id.
    await offerTask(await shardOf(mn), {
      subscriber: 'st-yui',
      tenant: mn,
      task: 'shussei',
      on: '2026-11-01',
    })

    const token = await signAssertion({ tenants: [sk], sub: 'nurse-t4' })
    const answer = await staffGet(`/tasks/counts?tenant=${sk}`, token)
    expect(answer.status).toBe(200)
    const counts = taskCounts.parse(await answer.json())
    expect(counts.tasks.find((t) => t.id === 'shussei')).toEqual({
      id: 'shussei',
      title: 'shusseiの手続き',
      offered: 4, // c1, c2, c3, st-hana
      done: 3, // c1, c2, c5
      reminded: 3, // c2, c3, st-hana
      doneAfterReminder: 1, // c2
    })
    expect(counts.tasks.find((t) => t.id === 'kenshin')).toMatchObject({ offered: 0, done: 1 })
    // Counts only: no resident named.
    expect(JSON.stringify(counts)).not.toMatch(/st-|はな|example\.jp/)
    const last = (await accessRows(db, sk)).at(-1)
    expect([last?.staff_user, last?.action, last?.household_id, last?.count]).toEqual([
      'nurse-t4',
      'read-task-counts',
      null,
      2,
    ])
    expect((await staffGet(`/tasks/counts?tenant=${mn}`, token)).status).toBe(403)
  })
})
