import { beforeAll, describe, expect, it } from 'vitest'
import { localDate } from '../../shared/calendar'
import { get, post } from './support/resident-http'
import { residentInShard, sakura, storeOnTwoShards } from './support/second-shard'
import { shardOf } from './support/shards'
import { aTask, offerTask, taskDoneRow } from './support/tasks'

// The manage page's 「やること」: what the messages offered, a button to say it is done, then done.

const town = 'sakura-city'
const today = () => localDate(new Date(), 'Asia/Tokyo')

beforeAll(async () => {
  await storeOnTwoShards('tasks-manage-0001', {
    sakura: {
      ...sakura,
      tasks: [
        aTask('shussei'),
        aTask('kenshin', { doneBy: 'staff', url: undefined }),
        aTask('mada'),
        aTask('partner-only', { audiences: ['partner'] }),
      ],
    },
  })
})

describe('the manage page lists the tasks a message offered', () => {
  it('shows an offered task with its page and 「済みました」, and the POST marks it done', async () => {
    const hana = await residentInShard('tm-hana', { tenant: town, channel: 'email' })
    const db = await shardOf(town)
    await offerTask(db, { subscriber: hana.id, tenant: town, task: 'shussei', on: '2026-11-20' })
    await offerTask(db, { subscriber: hana.id, tenant: town, task: 'kenshin', on: '2026-11-21' })
    await offerTask(db, { subscriber: hana.id, tenant: town, task: 'partner-only', on: '2026-11-22' })

    const page = await (await get(hana.manage)).text()
    const section = page.slice(page.indexOf('id="tasks-title"'))
    expect(section).toContain('やること')
    expect(section).toContain('<strong lang="ja">shusseiの手続き</strong>')
    expect(section).toContain('shusseiの手続きはお済みですか。')
    expect(section).toContain('href="https://sakura.example.jp/shussei"')
    expect(section).toContain(`action="${hana.manage}/tasks/done"`)
    expect(section).toContain('済みました')
    // Marked by the town: no button, a word on how it gets done.
    const kenshin = section.slice(section.indexOf('data-task="kenshin"'))
    expect(kenshin.slice(0, kenshin.indexOf('</li>'))).not.toContain('<form')
    expect(kenshin).toContain('窓口で手続きが済むと、町が記録します。')
    // Not offered yet (its window is open, the next message offers it), and another audience's: not listed.
    expect(section).not.toContain('madaの手続き')
    expect(section).not.toContain('partner-only')

    const done = await post(`${hana.manage}/tasks/done`, { task: 'shussei' })
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe(`${hana.manage}?done=task`)
    expect(await taskDoneRow(db, hana.id, 'shussei')).toEqual({
      tenant: town,
      doneOn: today(),
      doneBy: 'resident',
    })

    const after = await (await get(`${hana.manage}?done=task`)).text()
    expect(after).toContain('済みにしました。')
    const listed = after.slice(after.indexOf('data-task="shussei"'))
    expect(listed.slice(0, listed.indexOf('</li>'))).toContain('data-done')
    expect(listed).toContain(`済み（${today()}）`)
    expect(after).not.toContain(`<input type="hidden" name="task" value="shussei" />`)
  })

  it('refuses a task not offered, one the town marks, an unknown one, and a post from another site', async () => {
    const sora = await residentInShard('tm-sora', { tenant: town, channel: 'email' })
    const db = await shardOf(town)
    await offerTask(db, { subscriber: sora.id, tenant: town, task: 'kenshin', on: '2026-11-21' })
    await offerTask(db, { subscriber: sora.id, tenant: town, task: 'shussei', on: '2026-11-22' })
    for (const task of ['mada', 'kenshin', 'nothing-such', ''])
      expect((await post(`${sora.manage}/tasks/done`, { task })).status).toBe(404)
    const forged = await post(
      `${sora.manage}/tasks/done`,
      { task: 'shussei' },
      { origin: 'https://evil.example' },
    )
    expect(forged.status).toBe(403)
    for (const task of ['mada', 'kenshin', 'shussei']) expect(await taskDoneRow(db, sora.id, task)).toBeNull()
  })

  it("a failed delivery's line never reached them: nothing is listed", async () => {
    const yui = await residentInShard('tm-yui', { tenant: town, channel: 'email' })
    await offerTask(await shardOf(town), {
      subscriber: yui.id,
      tenant: town,
      task: 'shussei',
      on: '2026-11-20',
      state: 'failed-permanent',
    })
    expect(await (await get(yui.manage)).text()).not.toContain('id="tasks-title"')
  })

  it("reads the task in the resident's language, marked with its own lang", async () => {
    const emma = await residentInShard('tm-emma', { tenant: town, channel: 'email' })
    const db = await shardOf(town)
    await db.prepare("UPDATE subscribers SET language = 'en' WHERE id = ?1").bind(emma.id).run()
    await offerTask(db, { subscriber: emma.id, tenant: town, task: 'shussei', on: '2026-11-20' })
    const page = await (await get(emma.manage)).text()
    expect(page).toContain('<strong lang="en">The shussei form</strong>')
    expect(page).toContain('<p lang="en">Have you done the shussei form?</p>')
    expect(page).not.toContain('shusseiの手続きはお済みですか。')
  })
})
