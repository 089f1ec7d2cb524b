import { env, exports } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { runTick } from '../../edge/delivery/tick'
import { countingAdapter, deliverAll, deps, outbox } from './support/consumer'
import { programLinks } from './support/delivered-mail'
import { capturingQueue, emptyDeliveryTables, insertExpecting, rows, storeFixture } from './support/delivery'

// A message page lives MESSAGE_PAGE_DAYS whatever the resident reports afterwards: it shows what
// was sent, composed from the delivery's own record, not from the timeline as it is now.

const site = 'https://yorisoi.example.jp'
const get = (path: string) => exports.default.fetch(`${site}${path}`, { redirect: 'manual' })
const post = (path: string, fields: Record<string, string>) =>
  exports.default.fetch(`${site}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  })

/** Delivers 2026-11-23 (pregnancy/196, 28w0d) to one expecting resident; their page and manage link. */
async function delivered(id: string) {
  const snapshot = await storeFixture()
  await insertExpecting(id)
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
  await deliverAll(deps(snapshot, countingAdapter(outbox())), queue.sent)
  const { links } = await programLinks(id)
  return { page: new URL(links.messageUrl).pathname, manage: new URL(links.selfServiceUrl).pathname }
}

const mainOf = (body: string) => body.slice(body.indexOf('<main>'), body.indexOf('</main>'))

beforeEach(emptyDeliveryTables)

describe('a message page after the birth is reported', () => {
  it('still answers 200 with the same message when the birth is reported on the manage page', async () => {
    const { page, manage } = await delivered('sub-born')
    const before = await get(page)
    expect(before.status).toBe(200)
    const text = mainOf(await before.text())
    expect(text).toContain('<bdi>はな</bdi>さん、今日で妊娠28週0日です。')
    const report = await post(`${manage}/birth`, { date: '2026-11-20', timeline: 't-sub-born' })
    expect(report.status).toBe(303)
    expect(await rows('SELECT birth_date FROM timelines')).toEqual([{ birth_date: '2026-11-20' }])
    const after = await get(page)
    expect(after.status).toBe(200)
    expect(mainOf(await after.text())).toBe(text)
  })

  it('still answers 200 with the same message when the birth is reported later the same day', async () => {
    const { page } = await delivered('sub-same-day')
    const text = mainOf(await (await get(page)).text())
    await env.DB.prepare(
      `UPDATE timelines SET birth_date = '2026-11-22', birth_reported_on = '2026-11-23' WHERE id = 't-sub-same-day'`,
    ).run()
    const after = await get(page)
    expect(after.status).toBe(200)
    expect(mainOf(await after.text())).toBe(text)
  })
})

describe('a message page after a loss is reported', () => {
  it('no longer shows a cheerful message of that pregnancy: a gentle page instead, and its links lead nowhere', async () => {
    const { page } = await delivered('sub-loss')
    expect((await get(`${page}/go/1`)).status).toBe(302)
    await env.DB.prepare(
      `UPDATE timelines SET loss_date = '2026-11-25', loss_reported_on = '2026-11-26' WHERE id = 't-sub-loss'`,
    ).run()
    const after = await get(page)
    expect(after.status).toBe(200)
    const body = await after.text()
    expect(body).toContain('このお便りは、いまは表示していません')
    expect(body).not.toContain('妊娠28週0日')
    expect((await get(`${page}/go/1`)).status).toBe(404)
  })
})
