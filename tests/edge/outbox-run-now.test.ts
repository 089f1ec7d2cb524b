import { env, exports } from 'cloudflare:workers'
import { beforeEach, expect, it } from 'vitest'
import { addDays, localDate } from '../../shared/calendar'
import { emptyDeliveryTables, insertExpecting, rows, storeFixture } from './support/delivery'

// A person trying yorisoi locally should not have to wait for a municipality's send time: the
// outbox page starts today's runs now — once, however often it is pressed.
const origin = 'http://127.0.0.1:8787'
const today = localDate(new Date(), 'Asia/Tokyo')
/** The cookie the printed outbox URL leaves in a browser (the tests' OUTBOX_KEY). */
const cookie = `outbox_key=${env.OUTBOX_KEY}`

function press() {
  return exports.default.fetch(
    new Request(`${origin}/outbox/run-now`, {
      method: 'POST',
      headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    }),
  )
}

beforeEach(async () => {
  await emptyDeliveryTables()
})

it('starts today’s run for every tenant at once, and a second press enqueues nobody again', async () => {
  await storeFixture()
  await insertExpecting('sub-now', { nextSendOn: today, due: addDays(today, 100) })

  const first = await press()
  expect(first.status).toBe(303)
  expect(first.headers.get('location')).toBe(`/outbox?day=${today}&queued=1`)
  const runs = await rows<{ tenant_slug: string; local_date: string; enqueued: number }>(
    'SELECT tenant_slug, local_date, enqueued FROM tenant_runs WHERE enqueued > 0',
  )
  expect(runs).toEqual([{ tenant_slug: 'sakura-city', local_date: today, enqueued: 1 }])

  const second = await press()
  expect(second.headers.get('location')).toBe(`/outbox?day=${today}&queued=0`)
  const page = await (
    await exports.default.fetch(`${origin}/outbox?day=${today}&queued=1`, { headers: { cookie } })
  ).text()
  expect(page).toContain('1 人をキューに入れました')
})

it('refuses a press from another site', async () => {
  const forged = await exports.default.fetch(
    new Request(`${origin}/outbox/run-now`, {
      method: 'POST',
      // Even with the key's cookie (a browser would not send it cross-site: SameSite=Strict).
      headers: {
        cookie,
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: '',
    }),
  )
  expect(forged.status).toBe(403)
  expect(await rows('SELECT * FROM tenant_runs')).toEqual([])
})

it('starts nothing on a mere visit to the address', async () => {
  expect(env.OUTBOX_PAGE).toBe('on')
  const res = await exports.default.fetch(`${origin}/outbox/run-now`, { method: 'GET', headers: { cookie } })
  expect(res.status).toBe(404)
  expect(await rows('SELECT * FROM tenant_runs')).toEqual([])
})
