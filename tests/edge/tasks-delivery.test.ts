import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { type LoadedSnapshot, loadSnapshot } from '../../edge/snapshot/read'
import { storeSnapshot } from '../../edge/snapshot/store'
import { addDays } from '../../shared/calendar'
import { prepareSnapshot, type Task } from '../../shared/contract'
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'
import { benefitTask } from '../support/task-snapshot'
import { programDeliveryId, programLinks } from './support/delivered-mail'
import { emptyDeliveryTables, insertExpecting, rows } from './support/delivery'
import { deliverOn, getPage, postForm, sakuraSurvey, sentText, site, surveyPaths } from './support/surveys'

// さくら市's task for pregnancy month 8 (the resident of insertExpecting is in it on 2026-11-23),
// reminded 7 and 14 days after the first offer.
const benefit: Task = { ...benefitTask, remindAfterDays: [7, 14] }

const questionnaire: Task = {
  ...benefit,
  id: 'sakura-8m-answer',
  doneBy: 'survey',
  surveyId: sakuraSurvey.id,
  url: undefined,
  texts: [{ language: 'ja', title: '8か月のアンケート', line: '妊娠8か月のアンケートにお答えください。' }],
}

const dailyPregnancyMessages = () => {
  const model = fixtureNationalPart.messages.find((m) => m.id === 'msg-pregnancy-196-primary-ja')!
  const taken = new Set(fixtureNationalPart.messages.map((m) => `${m.slot} ${m.audience} ${m.language}`))
  return Array.from({ length: 300 }, (_, i) => `pregnancy/${i + 1}`)
    .filter((slot) => !taken.has(`${slot} primary ja`))
    .map((slot) => ({ ...model, id: `msg-${slot.replace('/', '-')}-primary-ja`, slot }))
}

/** The fixture's content, a message every pregnancy day, with さくら市's tasks (and surveys). */
// Each snapshot a test stores has an id of its own, as every publish does: an isolate keeps a
// loaded snapshot under its id (edge/snapshot/read.ts).
let stored = 0

async function storeTaskSnapshot(
  tasks: Task[],
  surveys = [] as (typeof sakuraSurvey)[],
): Promise<LoadedSnapshot> {
  const [sakura, ...others] = fixtureTenantParts
  const id = `tasks-${String(++stored).padStart(4, '0')}`
  const snapshot = await prepareSnapshot({
    id,
    createdAt: '2026-11-20T00:00:00.000Z',
    parts: [
      {
        ...fixtureNationalPart,
        messages: [...fixtureNationalPart.messages, ...dailyPregnancyMessages()],
        surveys: [],
      },
      { ...sakura!, surveys, tasks },
      ...others,
    ],
  })
  await storeSnapshot(env.DB, snapshot, new Date('2026-11-20T00:00:00Z'))
  return (await loadSnapshot(env.DB, id))!
}

beforeEach(async () => {
  await emptyDeliveryTables()
  await env.DB.batch(
    ['task_offers', 'task_done', 'survey_responses'].map((t) => env.DB.prepare(`DELETE FROM ${t}`)),
  )
})

const taskLine = '妊婦のための支援給付の申請はお済みですか。'
const donePaths = (text: string) =>
  [...text.matchAll(new RegExp(`${site}(/k/[0-9]{0,4}[A-Za-z0-9_-]{27})`, 'g'))].map((m) => m[1]!)
const offers = () =>
  rows<{ local_date: string; reminder: number; task_id: string }>(
    'SELECT local_date, reminder, task_id FROM task_offers ORDER BY local_date',
  )

/** Delivers each day from `from` to `to` (inclusive), skipping `skip`; the days whose message carried the task line. */
async function deliverDays(snapshot: LoadedSnapshot, from: string, to: string, skip: string[] = []) {
  const carried: string[] = []
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (skip.includes(date)) continue
    await deliverOn(snapshot, date)
    if ((await sentText('sub-1@example.jp', date)).includes(taskLine)) carried.push(date)
  }
  return carried
}

describe('the task line in the daily message', () => {
  it('comes on the first send in its window, with its done link and where to do it', async () => {
    const snapshot = await storeTaskSnapshot([benefit])
    await insertExpecting('sub-1')
    await deliverOn(snapshot, '2026-11-23')
    const text = await sentText('sub-1@example.jp', '2026-11-23')
    expect(text).toContain(taskLine)
    expect(text).toContain(benefit.url!)
    expect(donePaths(text)).toHaveLength(1)
    expect(text).not.toContain('まだでしたら')
    expect(
      await rows('SELECT delivery_id, subscriber_id, task_id, task_version, reminder FROM task_offers'),
    ).toEqual([
      {
        delivery_id: await programDeliveryId('sub-1'),
        subscriber_id: 'sub-1',
        task_id: 'sakura-benefit',
        task_version: 1,
        reminder: 0,
      },
    ])
  })

  it('SMS and LINE carry it too (an SMS its sentence and done link, when they fit)', async () => {
    const snapshot = await storeTaskSnapshot([benefit])
    await insertExpecting('sub-sms', { channel: 'sms' })
    await insertExpecting('sub-line', { channel: 'line' })
    await deliverOn(snapshot, '2026-11-23')
    const sms = await sentText('+819012345678', '2026-11-23')
    expect(sms).toMatch(new RegExp(`${taskLine} ${site}/k/1?[A-Za-z0-9_-]{27}`))
    const line = await sentText('Usub-line', '2026-11-23')
    expect(line).toContain(taskLine)
    expect(donePaths(line)).toHaveLength(1)
    expect(line).toContain(`手続きはこちら ${benefit.url}`)
  })

  it('reminds on the first send on or after day 7 and day 14 after the offer, never on other days, at most as listed', async () => {
    const snapshot = await storeTaskSnapshot([benefit])
    await insertExpecting('sub-1')
    expect(await deliverDays(snapshot, '2026-11-23', '2026-12-12')).toEqual([
      '2026-11-23',
      '2026-11-30',
      '2026-12-07',
    ])
    expect(await offers()).toEqual([
      { local_date: '2026-11-23', reminder: 0, task_id: 'sakura-benefit' },
      { local_date: '2026-11-30', reminder: 1, task_id: 'sakura-benefit' },
      { local_date: '2026-12-07', reminder: 2, task_id: 'sakura-benefit' },
    ])
    const reminder = await sentText('sub-1@example.jp', '2026-11-30')
    expect(reminder).toContain(`まだでしたら：${taskLine}`)
  })

  it('a resident with no message on day 7 is reminded on their next one, once', async () => {
    const snapshot = await storeTaskSnapshot([benefit])
    await insertExpecting('sub-1')
    const carried = await deliverDays(snapshot, '2026-11-23', '2026-12-03', ['2026-11-30'])
    expect(carried).toEqual(['2026-11-23', '2026-12-01'])
  })

  it('after "done" is posted through its link, the next message has no task line; opening the link marks nothing', async () => {
    const snapshot = await storeTaskSnapshot([benefit])
    await insertExpecting('sub-1')
    await deliverOn(snapshot, '2026-11-23')
    const [path] = donePaths(await sentText('sub-1@example.jp', '2026-11-23'))
    const page = await getPage(path!)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('妊婦のための支援給付の申請')
    expect(html).toMatch(/<form method="post" action="\/k\/[0-9]*[A-Za-z0-9_-]{27}">/)
    expect(html).toContain('済みました')
    expect(await rows('SELECT * FROM task_done')).toEqual([])

    const done = await postForm(path!, [])
    expect(done.status).toBe(200)
    expect(await done.text()).toContain('お知らせありがとうございました')
    expect(await rows('SELECT subscriber_id, task_id, tenant_slug, done_by FROM task_done')).toEqual([
      { subscriber_id: 'sub-1', task_id: 'sakura-benefit', tenant_slug: 'sakura-city', done_by: 'resident' },
    ])
    // A second tap keeps the first; the page says it is done.
    expect((await postForm(path!, [])).status).toBe(200)
    expect(await rows('SELECT 1 FROM task_done')).toHaveLength(1)
    expect(await (await getPage(path!)).text()).toContain('お知らせありがとうございました')

    expect(await deliverDays(snapshot, '2026-11-24', '2026-12-08')).toEqual([])
  })

  it('the done page is in the resident’s language, the task’s own text in theirs', async () => {
    const snapshot = await storeTaskSnapshot([benefit])
    await insertExpecting('sub-1')
    await env.DB.prepare("UPDATE subscribers SET language = 'en' WHERE id = 'sub-1'").run()
    await deliverOn(snapshot, '2026-11-23')
    const text = await sentText('sub-1@example.jp', '2026-11-23')
    expect(text).toContain('Have you applied for the pregnancy benefit?')
    const [path] = donePaths(text)
    const html = await (await getPage(path!)).text()
    expect(html).toContain('<html lang="en"')
    expect(html).toContain('<h1 lang="en">Apply for the pregnancy benefit</h1>')
    // The Japanese beneath the reader's language.
    expect(html).toContain('<span lang="en">It is done</span> <span class="ja" lang="ja">/ 済みました</span>')
  })

  it('an invalid done link is a clear 404, in both languages', async () => {
    await storeTaskSnapshot([benefit])
    const missing = await getPage(`/k/1${'A'.repeat(22)}`)
    expect(missing.status).toBe(404)
    const html = await missing.text()
    expect(html).toContain('このリンクは使えません')
    expect(html).toContain('This link cannot be used')
    expect((await postForm(`/k/1${'A'.repeat(22)}`, [])).status).toBe(404)
    expect((await getPage('/k/nonsense')).status).toBe(404)
  })

  it('the message page shows the same task line, with the same done link', async () => {
    const snapshot = await storeTaskSnapshot([benefit])
    await insertExpecting('sub-1')
    await deliverDays(snapshot, '2026-11-23', '2026-11-30')
    for (const [date, reminder] of [
      ['2026-11-23', false],
      ['2026-11-30', true],
    ] as const) {
      const url = new URL((await programLinks('sub-1', date)).links.messageUrl)
      const body = await (await getPage(url.pathname)).text()
      expect(body).toContain(reminder ? `まだでしたら：${taskLine}` : taskLine)
      const [done] = donePaths(await sentText('sub-1@example.jp', date))
      expect(body).toContain(`href="${site}${done}"`)
      expect(body).toContain(`href="${benefit.url}"`)
    }
    // A day without a task line shows none.
    const url = new URL((await programLinks('sub-1', '2026-11-24')).links.messageUrl)
    expect(await (await getPage(url.pathname)).text()).not.toContain(taskLine)
  })

  it('a failed delivery’s offer does not count: the next message offers it again', async () => {
    const snapshot = await storeTaskSnapshot([benefit])
    await insertExpecting('sub-1')
    await deliverOn(snapshot, '2026-11-23')
    await env.DB.prepare(
      "UPDATE deliveries SET state = 'failed-permanent' WHERE local_date = '2026-11-23'",
    ).run()
    await deliverOn(snapshot, '2026-11-24')
    expect(await sentText('sub-1@example.jp', '2026-11-24')).toContain(taskLine)
    expect((await offers()).map((o) => [o.local_date, o.reminder])).toEqual([
      ['2026-11-23', 0],
      ['2026-11-24', 0],
    ])
    // Its reminder counts from the offer that reached them.
    expect(await deliverDays(snapshot, '2026-11-25', '2026-12-01')).toEqual(['2026-12-01'])
  })

  it('a resident whose audience the task does not list never gets it', async () => {
    const snapshot = await storeTaskSnapshot([{ ...benefit, audiences: ['partner'] }])
    await insertExpecting('sub-1')
    expect(await deliverDays(snapshot, '2026-11-23', '2026-11-30')).toEqual([])
    expect(await offers()).toEqual([])
  })

  it('a partner never gets a task for the mother', async () => {
    const snapshot = await storeTaskSnapshot([benefit])
    await insertExpecting('sub-1')
    await env.DB.prepare("UPDATE subscribers SET audience = 'partner' WHERE id = 'sub-1'").run()
    await deliverOn(snapshot, '2026-11-23')
    expect(await sentText('sub-1@example.jp', '2026-11-23')).not.toContain(taskLine)
    expect(await offers()).toEqual([])
  })

  it('the offer adds exactly one row to the delivery, within the six-row budget', async () => {
    const written = async (tasks: Task[]) => {
      await emptyDeliveryTables()
      await env.DB.batch(['task_offers', 'task_done'].map((t) => env.DB.prepare(`DELETE FROM ${t}`)))
      const snapshot = await storeTaskSnapshot(tasks)
      await insertExpecting('sub-1')
      const before = await rowCount()
      await deliverOn(snapshot, '2026-11-23')
      return (await rowCount()) - before
    }
    const without = await written([])
    const withTask = await written([benefit])
    expect(withTask - without).toBe(1)
    // The fake provider's outbox row is the provider's, not the delivery path's.
    expect(withTask - 1).toBeLessThanOrEqual(6)
  })
})

describe('a task its survey marks done', () => {
  it('rides in one line with the survey link, and is done when the survey is answered', async () => {
    const snapshot = await storeTaskSnapshot([questionnaire], [sakuraSurvey])
    await insertExpecting('sub-1')
    await deliverOn(snapshot, '2026-11-23')
    const text = await sentText('sub-1@example.jp', '2026-11-23')
    expect(text).toContain('妊娠8か月のアンケートにお答えください。')
    // Not two lines for one survey: the survey's own line gives way, one survey link.
    expect(text).not.toContain('アンケート「妊娠8か月のアンケート」にご協力ください。')
    const paths = surveyPaths(text)
    expect(paths).toHaveLength(1)
    expect(donePaths(text)).toEqual([])
    expect(
      await rows('SELECT survey_id, survey_reminder AS reminder FROM deliveries WHERE survey_id IS NOT NULL'),
    ).toEqual([{ survey_id: 'sakura-8m', reminder: 0 }])

    const answered = await postForm(paths[0]!, [
      ['q_feeling', '4'],
      ['q_interview', 'no'],
    ])
    expect(answered.status).toBe(200)
    expect(await rows('SELECT task_id, done_by FROM task_done')).toEqual([
      { task_id: 'sakura-8m-answer', done_by: 'survey' },
    ])
    for (let date = '2026-11-24'; date <= '2026-12-08'; date = addDays(date, 1)) {
      await deliverOn(snapshot, date)
      expect(await sentText('sub-1@example.jp', date)).not.toContain(
        '妊娠8か月のアンケートにお答えください。',
      )
    }
  })

  it('a survey answered before the task was ever offered: the task is never offered', async () => {
    // The survey alone first; the task is published once it is answered.
    const snapshot = await storeTaskSnapshot([], [sakuraSurvey])
    await insertExpecting('sub-1')
    await deliverOn(snapshot, '2026-11-23')
    const [path] = surveyPaths(await sentText('sub-1@example.jp', '2026-11-23'))
    await postForm(path!, [
      ['q_feeling', '4'],
      ['q_interview', 'no'],
    ])
    await env.DB.batch(
      ['manifest_parts', 'active_manifest', 'manifests'].map((t) => env.DB.prepare(`DELETE FROM ${t}`)),
    )
    const withTask = await storeTaskSnapshot([questionnaire], [sakuraSurvey])
    await deliverOn(withTask, '2026-11-24')
    expect(await sentText('sub-1@example.jp', '2026-11-24')).not.toContain(
      '妊娠8か月のアンケートにお答えください。',
    )
    expect(await offers()).toEqual([])
  })
})

/** Rows in every table of the shard (main holds sakura-city's residents in these tests). */
async function rowCount(): Promise<number> {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations'",
  ).all<{ name: string }>()
  const counts = await env.DB.batch<{ n: number }>(
    results.map(({ name }) => env.DB.prepare(`SELECT count(*) AS n FROM ${name}`)),
  )
  return counts.reduce((sum, c) => sum + (c.results[0]?.n ?? 0), 0)
}
