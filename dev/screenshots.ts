// npm run screenshots [-- --admin URL --edge URL --data DIR --only a.png,b.png]
// Drives Debian chromium (tests/support/browser.ts) through a running local system (`npm start`)
// and saves the README's pictures: each seeded role's home and the publish screen at 1280 px, the
// review queue as a medical supervisor sees it, a town's dashboard over npm start's sample month
// and its print report, and a resident's message page at 360 px. Defaults follow npm start's
// YORISOI_* variables; --only takes just the pictures named.
import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import { lexicalFromParagraphs } from '../cms/plugin/csv/lexical'
import { devPassword } from '../seed/index'
import { loadSeedTenants } from '../seed/tenants'
import { launchBrowser, phone } from '../tests/support/browser'
import { executeInTown } from '../tests/support/local-d1'
import { localSecrets } from './local-secrets'

const root = resolve(import.meta.dirname, '..')
const out = resolve(root, 'docs/screenshots')
const { values } = parseArgs({
  options: {
    admin: {
      type: 'string',
      default: process.env.YORISOI_ADMIN_PORT
        ? // localhost, not 127.0.0.1: next dev serves its client scripts to its own host name only
          // (allowedDevOrigins), and the admin stays blank without them.
          `http://localhost:${process.env.YORISOI_ADMIN_PORT}`
        : undefined,
    },
    edge: { type: 'string', default: `http://127.0.0.1:${process.env.YORISOI_EDGE_PORT ?? 8787}` },
    data: { type: 'string', default: process.env.YORISOI_DATA_DIR ?? resolve(root, '.data') },
    only: { type: 'string' },
  },
})

function fail(ja: string, en: string): never {
  console.error(`${ja} / ${en}`)
  process.exit(2)
}

if (!values.admin)
  fail(
    '管理画面のURLを --admin で渡すか YORISOI_ADMIN_PORT を設定してください',
    'Give the admin URL with --admin or set YORISOI_ADMIN_PORT',
  )
const admin = values.admin.replace(/\/$/, '')
const edge = values.edge!.replace(/\/$/, '')
const persistTo = resolve(values.data!, 'wrangler')
const password = devPassword()

for (const [name, url] of [
  ['管理画面 / admin', `${admin}/admin/login`],
  ['エッジ / edge', `${edge}/healthz`],
] as const) {
  const ok = await fetch(url)
    .then((r) => r.status < 500)
    .catch(() => false)
  if (!ok)
    fail(
      `${name} が ${url} で応答しません（npm start は動いていますか）`,
      `${url} does not answer (is npm start running?)`,
    )
}

async function api(path: string, init: { token?: string; method?: string; body?: unknown } = {}) {
  const response = await fetch(`${admin}/api${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `JWT ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const body = (await response.json()) as Record<string, unknown>
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${JSON.stringify(body)}`)
  return body
}
const login = async (email: string) =>
  String((await api('/users/login', { method: 'POST', body: { email, password } })).token)

/**
 * An empty queue makes a poor picture: the editor submits English partner translations of three
 * seeded slots (new versions beside the approved content; nothing serving changes).
 */
async function fillReviewQueue() {
  const supervisor = await login('supervisor1@yorisoi.test')
  const waiting = await api('/messages?where[reviewState][equals]=in-review&limit=1', { token: supervisor })
  if (Number(waiting.totalDocs) > 0) return
  const editor = await login('editor@yorisoi.test')
  for (const day of [196, 197, 198]) {
    const slot = `pregnancy/${day}`
    const source = (await api(
      `/messages?where[key][equals]=${encodeURIComponent(`${slot} partner ja`)}&depth=0&limit=1`,
      { token: editor },
    )) as { docs: { id: number }[] }
    const existing = (await api(
      `/messages?where[key][equals]=${encodeURIComponent(`${slot} partner en`)}&depth=0&limit=1`,
      { token: editor },
    )) as { docs: { id: number }[] }
    if (!source.docs[0]) continue
    // The seed writes every language since the 9,214-message seed: then an edit of it is submitted.
    const [translation] = existing.docs
    if (translation) {
      await api(`/messages/${translation.id}`, {
        token: editor,
        method: 'PATCH',
        body: {
          body: lexicalFromParagraphs([
            '[Sample] Ask how the day went, and listen before offering advice.',
            'If anything feels wrong, call the desk or #8000 together.',
          ]),
          reviewState: 'in-review',
        },
      })
      continue
    }
    await api('/messages', {
      token: editor,
      method: 'POST',
      body: {
        slot,
        audience: 'partner',
        language: 'en',
        subject: `[Sample] A note for partners, day ${day}`,
        body: lexicalFromParagraphs([
          '[Sample] Ask how the day went, and listen before offering advice.',
          'If anything feels wrong, call the desk or #8000 together.',
        ]),
        translationOf: source.docs[0].id,
        sample: true,
        reviewState: 'in-review',
      },
    })
  }
}

/** A 1280 px admin page signed in as `email` (next dev compiles each page on its first visit). */
async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ja-JP' })
  context.setDefaultTimeout(300_000)
  const page = await context.newPage()
  await page.goto(`${admin}/admin/login`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'))
  return page
}

async function reviewQueueShot(browser: Browser, file: string) {
  const page = await signedIn(browser, 'supervisor1@yorisoi.test')
  await page.goto(`${admin}/admin/review-queue`)
  await page.getByRole('button', { name: '承認する / Approve' }).first().waitFor()
  await page.screenshot({ path: file })
  await page.context().close()
}

/** The seed's people, one per role, in the first town that takes email (its nurse, desk …). */
const town = loadSeedTenants().find((t) => t.settings.channels.email)!.settings.slug
const homes = {
  admin: 'admin@yorisoi.test',
  editor: 'editor@yorisoi.test',
  'medical-supervisor': 'supervisor1@yorisoi.test',
  'municipal-staff': `staff.${town}@yorisoi.test`,
  nurse: `nurse.${town}@yorisoi.test`,
  desk: `desk.${town}@yorisoi.test`,
  'privacy-officer': `privacy.${town}@yorisoi.test`,
  viewer: 'viewer@yorisoi.test',
} as const

/**
 * The menu opens at 1280 px once the page's scripts run (cms/plugin/views/NavOpenOnLaptops.tsx),
 * after the server-rendered content is there; its slide takes a moment more.
 */
async function menuOpen(page: Page) {
  await page.locator('.template-default--nav-open').waitFor()
  await page.waitForTimeout(2000)
}

/** A role's home: the admin's first screen, with what to do next. */
const homeShot = (email: string) => async (browser: Browser, file: string) => {
  const page = await signedIn(browser, email)
  await page.goto(`${admin}/admin`)
  await page.locator('[data-yorisoi-home]').waitFor()
  await menuOpen(page)
  await page.screenshot({ path: file })
  await page.context().close()
}

/** The publish screen as an admin opens it right after npm start: nothing to publish. */
async function publishShot(browser: Browser, file: string) {
  const page = await signedIn(browser, 'admin@yorisoi.test')
  await page.goto(`${admin}/admin/publish`)
  await page.locator('section[aria-labelledby="yorisoi-publish-changes"]').waitFor()
  await page.screenshot({ path: file })
  await page.context().close()
}

/** A town's dashboard as its staff open it after npm start: the sample month, from its notice down. */
async function dashboardShot(browser: Browser, file: string) {
  const page = await signedIn(browser, homes['municipal-staff'])
  await page.goto(`${admin}/admin`)
  const dashboard = page.locator('[data-yorisoi-dashboard]')
  await dashboard.locator('[data-sample-notice]').waitFor()
  await menuOpen(page)
  const top = (await page.getByRole('heading', { name: 'ダッシュボード / Dashboard' }).boundingBox())?.y ?? 0
  const height = Math.min(2200, (await dashboard.boundingBox())?.height ?? 2200)
  await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: top - 16, width: 1280, height } })
  await page.context().close()
}

/** The same town's print report (A4, a section a page) as it prints: its first pages. */
async function reportShot(browser: Browser, file: string) {
  const page = await signedIn(browser, homes['municipal-staff'])
  await page.goto(`${admin}/api/dashboard/report`)
  await page.locator('[data-report-page]').first().waitFor()
  await page.emulateMedia({ media: 'print' })
  const height = Math.min(1800, await page.evaluate(() => document.documentElement.scrollHeight))
  await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: 1280, height } })
  await page.context().close()
}

function tokyoDate(days: number): string {
  return new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)
}

/** A resident registers, confirms, gets today's delivery from the outbox, and opens its page. */
async function messagePageShot(browser: Browser, file: string) {
  const tenant = town
  const address = `screenshot.${Date.now()}@example.jp`
  const context = await browser.newContext({ ...phone, deviceScaleFactor: 1 })
  const page = await context.newPage()
  await page.goto(`${edge}/t/${tenant}`)
  await page.getByLabel(/ニックネーム/).fill('はな')
  await page.getByLabel(/妊娠している本人/).check()
  await page.getByLabel(/妊娠中（出産予定日を入力）/).check()
  await page.getByLabel(/出産予定日 または お誕生日/).fill(tokyoDate(84))
  const email = page.locator('input[name="channel"][value="email"]')
  if (await email.count()) await email.check()
  await page.getByLabel(/メールアドレス/).fill(address)
  await page.getByLabel(/同意します/).check()
  await page.getByRole('button', { name: /登録する/ }).click()
  const sql = `SELECT text FROM outbox WHERE recipient = '${address}' ORDER BY created_at`
  // Everything about the resident is in their town's shard.
  const inTown = (text: string) => executeInTown(persistTo, tenant, text)
  const [confirmation] = (await inTown(sql)) as { text: string }[]
  const confirmUrl = confirmation?.text.match(/https?:\/\/\S+\/c\/[A-Za-z0-9_-]+/)?.[0]
  if (!confirmUrl) throw new Error(`no confirmation mail for ${address} in the outbox`)
  await page.goto(confirmUrl)
  await page.getByRole('button', { name: /登録を確定する/ }).click()
  // Her first day: today before the town's send time, else tomorrow (today's run may be done).
  const [{ next_send_on: day }] = (await inTown(
    `SELECT next_send_on FROM subscribers WHERE address = '${address}'`,
  )) as [{ next_send_on: string }]
  // The outbox opens with the key npm start keeps beside the data (and printed in its URL).
  const { OUTBOX_KEY } = localSecrets(resolve(values.data!, 'local-secrets.json'))
  await page.goto(`${edge}/outbox?key=${encodeURIComponent(OUTBOX_KEY)}`)
  await page.getByLabel(/日付/).fill(day)
  await page.getByRole('button', { name: /この日の配信を今すぐ実行/ }).click()
  let messageUrl: string | undefined
  for (let i = 0; i < 120 && !messageUrl; i++) {
    const mails = (await inTown(sql)) as { text: string }[]
    // The shard's number, then the 22-character token.
    messageUrl = mails.map((m) => m.text.match(/https?:\/\/\S+\/m\/[A-Za-z0-9_-]+/)?.[0]).find(Boolean)
    if (!messageUrl) await new Promise((r) => setTimeout(r, 1000))
  }
  if (!messageUrl) throw new Error(`no delivery for ${address} after running ${day}'s deliveries`)
  await page.goto(messageUrl)
  // The message and the first local entries: the whole page is three phone screens of text.
  const height = Math.min(1480, await page.evaluate(() => document.documentElement.scrollHeight))
  await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: 360, height } })
  await context.close()
}

const only = values.only?.split(',').map((name) => name.trim())
// The supervisor's picture (and the medical supervisor's home) show the queue it fills.
if (!only || only.some((name) => name === 'admin-review-queue.png' || name.startsWith('home-')))
  await fillReviewQueue()
const browser = await launchBrowser()
try {
  const shots = [
    ...Object.entries(homes).map(([role, email]) => [`home-${role}.png`, homeShot(email)] as const),
    ['publish.png', publishShot],
    ['admin-review-queue.png', reviewQueueShot],
    ['dashboard.png', dashboardShot],
    ['dashboard-report.png', reportShot],
    ['message-page.png', messagePageShot],
  ] as const
  for (const [name, take] of shots) {
    if (only && !only.includes(name)) continue
    const file = resolve(out, name)
    await take(browser, file)
    const kib = Math.round(statSync(file).size / 1024)
    console.log(`${file} ${kib} KiB${kib > 300 ? ' — 300 KiB を超えています / over 300 KiB' : ''}`)
  }
} finally {
  await browser.close()
}
