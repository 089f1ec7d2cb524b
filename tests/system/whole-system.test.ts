import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { type LocalWorker, startLocalWorker } from '../../dev/local-worker'
import { lexical, messageData } from '../cms/support/content'
import { launchBrowser, phone } from '../support/browser'
import { executeLocalD1 } from '../support/local-d1'
import { api, signIn, writeForReview } from './support/admin-api'

// Every real part in one story: the admin built for production on Postgres (globalSetup), the
// Worker in workerd with local D1 and Queues (wrangler dev), and a phone-sized chromium.
//
// The clock: the Worker reads the wall clock (new Date()) everywhere except in the cron handler,
// which takes the tick's time from the controller (controller.scheduledTime). Miniflare's own
// trigger, `/cdn-cgi/local/scheduled?cron=…&time=<ms>`, sets that time (wrangler's older
// `/__scheduled` from --test-scheduled ignores `time` and always passes Date.now()), so the test
// runs the real scheduled handler for two chosen days without a test-only clock in the product:
// the test's day is tomorrow in Tokyo, whatever the hour now (a resident who registers today is
// due tomorrow at the latest), and the next day is the day after. Registration and stopping
// happen now, on the wall clock.
const { adminUrl, edgePort, ingestToken, password } = inject('system')
const tenantSlug = 'mizuhoshi-city'

function tokyoDate(days: number): string {
  return new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)
}
const testDay = tokyoDate(1)
const nextDay = tokyoDate(2)
// On the test's day both residents are 28w0d (slot pregnancy/196), in the 8th month of pregnancy,
// when Mizuhoshi's local entry about the 8-month interview is offered; the next day is 28w1d.
const dueDate = tokyoDate(1 + 84)
const localEntry = '妊娠8か月頃のアンケートと面談'
// The editor's placeholders, filled per resident and day at the edge.
const greeting = '{{nickname}}さん、今日で{{pregnancyWeekLabel}}です。'
const todaysText = '28週になりました。今日から、赤ちゃんが動く回数を数えてみましょう。'
const tomorrowsText = '28週1日です。眠りやすい姿勢を探してみましょう。'
const stopper = { nickname: 'はな', address: 'hana.system@example.jp' }
const stayer = { nickname: 'みお', address: 'mio.system@example.jp' }

describe('the whole system: written, approved, published, registered, delivered, stopped', () => {
  let worker: LocalWorker
  let persistTo: string
  let browser: Browser
  let page: Page
  // What wrangler printed (the cron's run reports, the consumer's errors), shown when a wait fails.
  const workerOutput: string[] = []

  beforeAll(async () => {
    persistTo = mkdtempSync(join(tmpdir(), 'yorisoi-system-'))
    worker = await startLocalWorker({
      persistTo,
      port: edgePort,
      onOutput: (line) => workerOutput.push(line),
      vars: {
        INGEST_TOKEN: ingestToken,
        IP_HASH_SALT: 'system-ip-salt',
        LINK_SECRET: 'system-link-secret',
        PUBLIC_ORIGIN: `http://127.0.0.1:${edgePort}`,
      },
    })
    browser = await launchBrowser()
    page = await (await browser.newContext(phone)).newPage()
  })

  afterAll(async () => {
    await browser?.close()
    await worker?.stop()
    if (persistTo) rmSync(persistTo, { recursive: true, force: true })
  })

  const outboxRows = (address: string) =>
    executeLocalD1(
      persistTo,
      `SELECT id, subject, text FROM outbox WHERE recipient = '${address}' ORDER BY created_at`,
    ) as Promise<{ id: string; subject: string | null; text: string }[]>

  /** The outbox's own page for a message, through the URL with its key (as npm start prints it). */
  const outboxPage = (id: string) => {
    const url = new URL(worker.outboxUrl)
    url.pathname = `/outbox/${id}`
    return url.href
  }

  // Polls the outbox page (cheap) until `count` messages with this subject are listed.
  async function waitForOutbox(subject: string, count: number) {
    // The cookie the printed URL leaves (a browser keeps it; this loop is plain fetch).
    const opened = await fetch(worker.outboxUrl, { redirect: 'manual' })
    const cookie = opened.headers.get('set-cookie')?.split(';')[0] ?? ''
    for (let i = 0; i < 240; i++) {
      const page = await (await fetch(`${worker.url}/outbox`, { headers: { cookie } })).text()
      if (page.split(`>${subject}</a>`).length - 1 >= count) return
      await new Promise((r) => setTimeout(r, 500))
    }
    const runs = await executeLocalD1(persistTo, 'SELECT * FROM tenant_runs')
    const deliveries = await executeLocalD1(
      persistTo,
      'SELECT kind, local_date, slots, state, error FROM deliveries',
    )
    const subscribers = await executeLocalD1(persistTo, 'SELECT state, next_send_on FROM subscribers')
    throw new Error(
      [
        `fewer than ${count} messages "${subject}" in the outbox after 2 minutes`,
        `runs: ${JSON.stringify(runs)}`,
        `deliveries: ${JSON.stringify(deliveries)}`,
        `subscribers: ${JSON.stringify(subscribers)}`,
        `the Worker said:\n${workerOutput.slice(-40).join('\n')}`,
      ].join('\n'),
    )
  }

  /** The real scheduled handler, at 09:05 in Tokyo on `date` (Mizuhoshi sends at 09:00). */
  async function cronAt(date: string) {
    const time = Date.parse(`${date}T09:05:00+09:00`)
    const response = await fetch(
      `${worker.url}/cdn-cgi/local/scheduled?cron=${encodeURIComponent('*/5 * * * *')}&time=${time}`,
    )
    expect(response.status, await response.text()).toBe(200)
  }

  async function registerAndConfirm(who: { nickname: string; address: string }) {
    await page.goto(`${worker.url}/t/${tenantSlug}`)
    await page.getByLabel(/ニックネーム/).fill(who.nickname)
    await page.getByLabel(/妊娠している本人/).check()
    await page.getByLabel(/妊娠中（出産予定日を入力）/).check()
    await page.getByLabel(/出産予定日 または お誕生日/).fill(dueDate)
    await page.getByRole('radio', { name: /^メール/ }).check()
    await page.locator('#address').fill(who.address)
    await page.getByLabel(/同意します/).check()
    await page.getByRole('button', { name: /登録する/ }).click()
    expect(await page.locator('h1').innerText()).toContain('確認のメールを送りました')

    // The confirmation as the outbox page shows it, and the link in it.
    const [confirmation] = await outboxRows(who.address)
    expect(confirmation).toBeDefined()
    await page.goto(outboxPage(confirmation!.id))
    const confirmUrl = (await page.locator('body').innerText()).match(
      /http:\/\/127\.0\.0\.1:\d+\/c\/[A-Za-z0-9_-]+/,
    )?.[0]
    expect(confirmUrl).toBeTruthy()
    await page.goto(confirmUrl!)
    await page.getByRole('button', { name: /登録を確定する/ }).click()
    expect(await page.getByRole('status').innerText()).toContain('登録が確定しました')
  }

  it('delivers the approved text with the local entry, opens its page, stops with one click and sends nothing the next day', async () => {
    // An editor writes today's and tomorrow's messages and submits them for review.
    const editor = await signIn(adminUrl, 'editor@yorisoi.test', password)
    const written = [
      await writeForReview(
        adminUrl,
        editor,
        messageData('pregnancy/196', { subject: '28週0日のお便り', body: lexical(greeting, todaysText) }),
      ),
      await writeForReview(
        adminUrl,
        editor,
        messageData('pregnancy/197', { subject: '28週1日のお便り', body: lexical(greeting, tomorrowsText) }),
      ),
    ]

    // A medical supervisor reads each one and approves it through the review endpoint (what the
    // admin's 承認する button calls), naming the version read.
    const supervisor = await signIn(adminUrl, 'supervisor1@yorisoi.test', password)
    for (const id of written) {
      const read = await api(adminUrl, 'GET', `/api/messages/${id}?depth=0`, { token: supervisor })
      const approved = await api(adminUrl, 'POST', `/api/messages/${id}/review`, {
        token: supervisor,
        body: { action: 'approve', seenAt: read.body.updatedAt },
      })
      expect(approved.status, JSON.stringify(approved.body)).toBe(200)
      expect(approved.body.reviewState).toBe('approved')
    }

    // An admin publishes the national part and Mizuhoshi's part through the REST action.
    const admin = await signIn(adminUrl, 'admin@yorisoi.test', password)
    const tenants = await api(adminUrl, 'GET', `/api/tenants?where[slug][equals]=${tenantSlug}&depth=0`, {
      token: admin,
    })
    const tenantId = tenants.body.docs[0].id
    const national = await api(adminUrl, 'POST', '/api/publications/publish', {
      token: admin,
      body: { scope: 'national', confirmGaps: true },
    })
    expect(national.status, JSON.stringify(national.body)).toBe(200)
    const local = await api(adminUrl, 'POST', '/api/publications/publish', {
      token: admin,
      body: { scope: { tenant: tenantId }, confirmGaps: true },
    })
    expect(local.status, JSON.stringify(local.body)).toBe(200)
    const health = await (await fetch(`${worker.url}/healthz`)).json()
    expect(health.activeManifestId).toBe(local.body.manifestId)

    // Two residents register on their phones and confirm from the outbox.
    await registerAndConfirm(stopper)
    await registerAndConfirm(stayer)

    // The test's day: the cron runs; the editor's text arrives with Mizuhoshi's local entry.
    await cronAt(testDay)
    await waitForOutbox('28週0日のお便り', 2)
    const delivered = (await outboxRows(stopper.address)).find((row) => row.subject === '28週0日のお便り')!
    await page.goto(outboxPage(delivered.id))
    const mail = await page.locator('body').innerText()
    expect(mail).toContain(todaysText)
    expect(mail).toContain(localEntry)
    const messageUrl = mail.match(/http:\/\/127\.0\.0\.1:\d+\/m\/[1-9][A-Za-z0-9_-]{27}/)?.[0]
    expect(messageUrl).toBeTruthy()

    await page.goto(messageUrl!)
    const shown = await page.locator('main').innerText()
    expect(shown).toContain('はなさん、今日で妊娠28週0日です。')
    expect(shown).toContain(todaysText)
    expect(shown).toContain(localEntry)

    // One click stops the messages.
    await page.getByRole('link', { name: /配信の停止/ }).click()
    await page.getByRole('button', { name: /お便りを止める/ }).click()
    expect(await page.locator('h1').innerText()).toContain('お便りを止めました')

    // The next day's run sends tomorrow's message to the resident who stayed, nothing to her.
    await cronAt(nextDay)
    await waitForOutbox('28週1日のお便り', 1)
    expect((await outboxRows(stayer.address)).map((row) => row.subject)).toContain('28週1日のお便り')
    const hers = await outboxRows(stopper.address)
    expect(hers.map((row) => row.subject)).not.toContain('28週1日のお便り')
    expect(hers.filter((row) => row.text.includes(tomorrowsText))).toEqual([])
    expect(hers.filter((row) => row.subject === '28週0日のお便り')).toHaveLength(1)
  })
})
