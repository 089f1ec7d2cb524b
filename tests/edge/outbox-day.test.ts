import { env, exports } from 'cloudflare:workers'
import type { D1Database } from '@cloudflare/workers-types'
import { beforeEach, expect, it } from 'vitest'
import { addDays, localDate } from '../../shared/calendar'
import { emptyDeliveryTables, insertExpecting, rows, storeFixture } from './support/delivery'
import { shardOf } from './support/shards'

// A newcomer running yorisoi locally picks a day, runs it through the real tick, and is told per
// town how many residents were due and queued — and, when none, why.
const origin = 'http://127.0.0.1:8787'
const today = localDate(new Date(), 'Asia/Tokyo')
const day = addDays(today, 3)
const cookie = `outbox_key=${env.OUTBOX_KEY}`

function press(date: string) {
  return exports.default.fetch(
    new Request(`${origin}/outbox/run-now`, {
      method: 'POST',
      headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: `day=${date}`,
      redirect: 'manual',
    }),
  )
}

async function follow(response: Response): Promise<string> {
  expect(response.status).toBe(303)
  const location = response.headers.get('location')!
  return (await exports.default.fetch(`${origin}${location}`, { headers: { cookie } })).text()
}

beforeEach(async () => {
  await emptyDeliveryTables()
})

const runsIn = async (db: D1Database) =>
  (
    await db
      .prepare('SELECT tenant_slug, local_date, enqueued FROM tenant_runs ORDER BY tenant_slug')
      .all<{ tenant_slug: string; local_date: string; enqueued: number }>()
  ).results

it('runs a chosen date and says per town how many were queued, and why a town queued none — each town in its shard', async () => {
  await storeFixture({ shards: true })
  await insertExpecting('sub-day', { nextSendOn: day, due: addDays(day, 84) })
  await insertExpecting('sub-later', { tenant: 'minato-town', nextSendOn: addDays(day, 5) })

  const page = await follow(await press(day))
  expect(await runsIn(env.DB)).toEqual([{ tenant_slug: 'sakura-city', local_date: day, enqueued: 1 }])
  expect(await runsIn(await shardOf('minato-town'))).toEqual([
    { tenant_slug: 'minato-town', local_date: day, enqueued: 0 },
  ])
  expect(page).toContain(`value="${day}"`)
  expect(page).toMatch(/さくら市[\s\S]*1 人をキューに入れました/)
  expect(page).toMatch(/みなと町[\s\S]*この日に配信対象の人はいません/)
  expect(page).toContain(`次に対象になる日: ${addDays(day, 5)}`)
  expect(page).toContain(`Next due: ${addDays(day, 5)}`)
})

it('names paused and stopped residents as the reason a town queued none', async () => {
  await storeFixture()
  await insertExpecting('sub-paused', { nextSendOn: day })
  await env.DB.prepare("UPDATE subscribers SET state = 'paused' WHERE id = 'sub-paused'").run()

  const page = await follow(await press(day))
  expect(page).toMatch(/さくら市[\s\S]*一時停止中 1 人/)
  expect(page).toContain('1 paused')
})

it('queues nobody twice when the same date is pressed again', async () => {
  await storeFixture()
  await insertExpecting('sub-twice', { nextSendOn: day, due: addDays(day, 84) })

  await follow(await press(day))
  const again = await follow(await press(day))
  expect(
    await rows('SELECT tenant_slug, enqueued FROM tenant_runs WHERE local_date = ?1', day),
  ).toContainEqual({ tenant_slug: 'sakura-city', enqueued: 1 })
  expect(again).toContain('今回キューに入れた人: 0 人')
  expect(again).toContain('実行済み')
})

it('refuses a date that is not a date', async () => {
  await storeFixture()
  const response = await press('2026-02-30')
  expect(response.status).toBe(400)
  expect(await rows('SELECT * FROM tenant_runs')).toEqual([])
})

// This Worker has no PUBLIC_ORIGIN, so the consumer flags the message instead of storing it (as in
// delivery-queue.test.ts): what matters here is that the real consumer takes the chosen day.
it('hands the chosen day to the real consumer: one delivery for that day in each town’s shard, next_send_on moved on', async () => {
  await storeFixture({ shards: true })
  await insertExpecting('sub-lands', { nextSendOn: day, due: addDays(day, 84) })
  await insertExpecting('sub-minato', {
    tenant: 'minato-town',
    channel: 'line',
    nextSendOn: day,
    due: addDays(day, 84),
  })
  await follow(await press(day))
  const minato = await shardOf('minato-town')
  const settled = (db: D1Database) =>
    db
      .prepare("SELECT subscriber_id, local_date FROM deliveries WHERE state <> 'sending'")
      .all<{ subscriber_id: string; local_date: string }>()
  let done: { subscriber_id: string; local_date: string }[] = []
  for (let i = 0; i < 80 && done.length < 2; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    done = [...(await settled(env.DB)).results, ...(await settled(minato)).results]
  }
  expect(done).toEqual([
    { subscriber_id: 'sub-lands', local_date: day },
    { subscriber_id: 'sub-minato', local_date: day },
  ])
  for (const [db, id] of [
    [env.DB, 'sub-lands'],
    [minato, 'sub-minato'],
  ] as const) {
    const next = await db
      .prepare('SELECT next_send_on FROM subscribers WHERE id = ?1')
      .bind(id)
      .first<string>('next_send_on')
    expect(next! > day, id).toBe(true)
  }
}, 30_000)
