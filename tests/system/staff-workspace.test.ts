import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { type LocalWorker, startLocalWorker } from '../../dev/local-worker'
import { lexical, messageData } from '../cms/support/content'
import { followEvent, lineUserId, signedWebhook, textEvent } from '../edge/support/line-webhook'
import { type FakeLine, startFakeLine } from '../fakes/line'
import { launchBrowser, phone } from '../support/browser'
import { executeInTown } from '../support/local-d1'
import { tokyoDate } from '../support/resident-browser'
import { api, signIn, writeForReview } from './support/admin-api'
import { searchPostgres } from './support/postgres-search'

// The staff workspace as a town's nurse uses it, on the admin built for production (globalSetup),
// the Worker in workerd with local D1 (wrangler dev), a fake LINE on 127.0.0.1 and the Chromium
// inside @sparticuz/chromium: a family registers on their phones (the mother by email, her partner
// by LINE), the nurse finds them, reads the interview guide, writes to them, answers the partner's
// LINE text from the inbox and sees the loss they report; another town's nurse sees none of it,
// and Postgres holds nothing of them.
const { adminUrl, edgePort, ingestToken, password, staffApiPublicKey, databaseUrl } = inject('system')
const town = 'komorebi-ward'
const mother = { nickname: 'ゆいまーる', address: `yui.${randomBytes(3).toString('hex')}@example.jp` }
const partner = { nickname: 'けんたろう', line: lineUserId() }
const channelSecret = randomBytes(16).toString('hex')
const secretsToken = randomBytes(18).toString('base64url')
// Today she is at 38w6d (pregnancy/272); the guide covers the next 14 days, 274 among them.
const dueDate = tokyoDate(8)
const guideSubject = `面談ガイドのお便り ${randomBytes(2).toString('hex')}`
const note = 'こもれび区の保健師です。面談の日程を相談させてください。'
const lineText = '夜なかなか眠れず、相談したいです。'
const replyText = 'お返事ありがとうございます。明日お電話します。'
const laptop = { viewport: { width: 1280, height: 900 }, locale: 'ja-JP' }
/** The admin's content area (Payload's template has no <main>). */
const content = '.template-default__wrap'
const screenshots = process.env.YORISOI_SCREENSHOTS === '1' ? resolve('docs/screenshots') : null

describe('the staff workspace, end to end', () => {
  let worker: LocalWorker
  let line: FakeLine
  let persistTo: string
  let browser: Browser
  let resident: Page
  let nurse: Page
  let household = ''
  let manage = ''
  const axeChecked: string[] = []

  beforeAll(async () => {
    persistTo = mkdtempSync(join(tmpdir(), 'yorisoi-workspace-'))
    line = await startFakeLine()
    ;[worker, browser] = await Promise.all([
      startLocalWorker({
        persistTo,
        port: edgePort,
        vars: {
          INGEST_TOKEN: ingestToken,
          SECRETS_TOKEN: secretsToken,
          TENANT_SECRETS_KEY: randomBytes(32).toString('base64'),
          STAFF_API_PUBLIC_KEY: staffApiPublicKey,
          LINE_API_BASE_URL: line.url,
          IP_HASH_SALT: 'workspace-ip-salt',
          LINK_SECRET: 'workspace-link-secret',
          PUBLIC_ORIGIN: `http://127.0.0.1:${edgePort}`,
        },
      }),
      launchBrowser(),
    ])
    resident = await (await browser.newContext(phone)).newPage()
    nurse = await (await browser.newContext(laptop)).newPage()
  })

  afterAll(async () => {
    await browser?.close()
    await worker?.stop()
    await line?.close()
    if (persistTo) rmSync(persistTo, { recursive: true, force: true })
  })

  /** axe at 1280 px on a workspace screen: nothing serious or critical. */
  async function passesAxe(page: Page, label: string) {
    // The announcement's email preview sits in a sandboxed iframe axe cannot enter (no scripts run there).
    const { violations } = await new AxeBuilder({ page })
      .include(content)
      .options({ iframes: false })
      .analyze()
    const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(severe.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
    axeChecked.push(label)
  }

  const outboxTo = async (address: string) =>
    (await executeInTown(
      persistTo,
      town,
      `SELECT subject, text FROM outbox WHERE recipient = '${address}' ORDER BY created_at`,
    )) as { subject: string | null; text: string }[]

  async function linkInOutbox(address: string, prefix: string): Promise<string> {
    for (let i = 0; i < 60; i++) {
      for (const row of await outboxTo(address)) {
        const found = row.text.match(new RegExp(`http://127\\.0\\.0\\.1:\\d+${prefix}[A-Za-z0-9_-]+`))?.[0]
        if (found) return found
      }
      await new Promise((r) => setTimeout(r, 500))
    }
    throw new Error(`no ${prefix} link for ${address} in the outbox`)
  }

  async function lineEvents(events: object[]) {
    const { body, headers } = await signedWebhook(channelSecret, events)
    const response = await fetch(`${worker.url}/webhooks/line/${town}`, { method: 'POST', body, headers })
    expect(response.status).toBe(200)
  }

  const lineStats = async () =>
    (await (await fetch(`${line.url}/__fake/stats`, { method: 'POST', body: 'null' })).json()) as {
      pushes: { to: string; texts: string[] }[]
      replies: { replyToken: string; texts: string[] }[]
    }

  async function signInAs(page: Page, email: string) {
    await page.goto(`${adminUrl}/admin/login`)
    await page.getByLabel(/メールアドレス|Email/).fill(email)
    await page.getByLabel(/パスワード|Password/).fill(password)
    await page.getByRole('button', { name: /ログイン|Login/ }).click()
    await page.waitForURL(`${adminUrl}/admin`)
  }

  it('publishes the town, and the family registers on their phones (email, then LINE by invitation)', async () => {
    const editor = await signIn(adminUrl, 'editor@yorisoi.test', password)
    const id = await writeForReview(
      adminUrl,
      editor,
      messageData('pregnancy/274', { subject: guideSubject, body: lexical('お産の準備を確かめましょう。') }),
    )
    const supervisor = await signIn(adminUrl, 'supervisor1@yorisoi.test', password)
    const read = await api(adminUrl, 'GET', `/api/messages/${id}?depth=0`, { token: supervisor })
    const approved = await api(adminUrl, 'POST', `/api/messages/${id}/review`, {
      token: supervisor,
      body: { action: 'approve', seenAt: read.body.updatedAt },
    })
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    const admin = await signIn(adminUrl, 'admin@yorisoi.test', password)
    const tenants = await api(adminUrl, 'GET', `/api/tenants?where[slug][equals]=${town}&depth=0`, {
      token: admin,
    })
    for (const scope of ['national', { tenant: tenants.body.docs[0].id }]) {
      const published = await api(adminUrl, 'POST', '/api/publications/publish', {
        token: admin,
        body: { scope, confirmGaps: true },
      })
      expect(published.status, JSON.stringify(published.body)).toBe(200)
    }
    for (const [name, value] of [
      ['line.channelSecret', channelSecret],
      ['line.channelAccessToken', randomBytes(32).toString('base64url')],
    ]) {
      const stored = await fetch(`${worker.url}/ingest/tenants/${town}/secrets/${name}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${secretsToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ value }),
      })
      expect(stored.status, await stored.text()).toBeLessThan(300)
    }

    // The mother registers by email and confirms from her mailbox.
    await resident.goto(`${worker.url}/t/${town}`)
    await resident.getByLabel(/ニックネーム/).fill(mother.nickname)
    await resident.getByLabel(/妊娠している本人/).check()
    await resident.getByLabel(/妊娠中（出産予定日を入力）/).check()
    await resident.getByLabel(/出産予定日 または お誕生日/).fill(dueDate)
    await resident.getByRole('radio', { name: /^メール/ }).check()
    await resident.locator('#address').fill(mother.address)
    await resident.getByLabel(/同意します/).check()
    await resident.getByRole('button', { name: /登録する/ }).click()
    expect(await resident.locator('h1').innerText()).toContain('確認のメールを送りました')
    await resident.goto(await linkInOutbox(mother.address, '/c/'))
    await resident.getByRole('button', { name: /登録を確定する/ }).click()
    expect(await resident.getByRole('status').innerText()).toContain('登録が確定しました')
    manage = resident.url().split('?')[0]!

    // She invites her partner, who registers by LINE and links with the code.
    await resident.getByRole('button', { name: /パートナーや家族を招待する/ }).click()
    const invitation = await resident.getByLabel(/招待リンク/).inputValue()
    await resident.goto(invitation)
    await resident.getByLabel(/ニックネーム/).fill(partner.nickname)
    await resident.getByLabel(/パートナー/).check()
    await resident.getByRole('radio', { name: /^LINE/ }).check()
    await resident.getByLabel(/同意します/).check()
    await resident.getByRole('button', { name: /登録する/ }).click()
    const code = (await resident.locator('main').innerText()).match(/\b(\d{8})\b/)?.[1]
    expect(code, await resident.locator('main').innerText()).toMatch(/^\d{8}$/)
    await lineEvents([followEvent(partner.line)])
    await lineEvents([textEvent(partner.line, code!)])
    const [linked] = (await executeInTown(
      persistTo,
      town,
      `SELECT state FROM subscribers WHERE address = '${partner.line}'`,
    )) as { state: string }[]
    expect(linked?.state).toBe('active')
    const [row] = (await executeInTown(
      persistTo,
      town,
      `SELECT m.timeline_id AS household FROM timeline_members m JOIN subscribers s ON s.id = m.subscriber_id
       WHERE s.address = '${mother.address}'`,
    )) as { household: string }[]
    household = row!.household
    expect(manage).toMatch(/\/r\//)
  })

  it("lets the town's nurse find the family, read the interview guide and write to them", async () => {
    await signInAs(nurse, `nurse.${town}@yorisoi.test`)
    await nurse.goto(`${adminUrl}/admin/families?tenant=${town}`)
    const row = nurse.getByRole('row', { name: new RegExp(mother.nickname) })
    expect(await row.innerText()).toContain(partner.nickname)
    expect(await row.innerText()).toMatch(/妊娠38週/)
    // The address is never shown whole in the list.
    expect(await nurse.locator(content).innerText()).not.toContain(mother.address)
    await passesAxe(nurse, 'families list')
    if (screenshots) {
      mkdirSync(screenshots, { recursive: true })
      await nurse.screenshot({ path: join(screenshots, 'workspace-families.png'), fullPage: true })
    }

    await row.getByRole('link').first().click()
    await nurse.waitForURL(/\/admin\/family\//)
    const page = await nurse.locator(content).innerText()
    expect(page).toContain(mother.nickname)
    expect(page).toContain(partner.nickname)
    await passesAxe(nurse, 'family page')

    await nurse.getByRole('link', { name: /面談ガイド/ }).click()
    await nurse.waitForURL(/\/guide/)
    expect(await nurse.locator(content).innerText()).toContain(guideSubject)
    await passesAxe(nurse, 'interview guide')
    await nurse.goBack()
    await nurse.waitForURL(/\/admin\/family\/[^/]+\?/)

    await nurse.getByRole('textbox', { name: /^メッセージ \/ Message（/ }).fill(note)
    // Sent, the page reloads with the note listed and each delivery's state.
    await Promise.all([nurse.waitForEvent('load'), nurse.getByRole('button', { name: /送信する/ }).click()])
    const section = nurse.locator('section[aria-labelledby="family-messages"]')
    await expect.poll(async () => section.innerText()).toContain(note)
    // The note reaches the mother's mailbox (the local outbox) and the partner's LINE.
    await expect
      .poll(async () => (await outboxTo(mother.address)).some((m) => m.text.includes(note)))
      .toBe(true)
    await expect
      .poll(async () =>
        (await lineStats()).pushes.some((p) => p.to === partner.line && p.texts.join('').includes(note)),
      )
      .toBe(true)
    await nurse.reload()
    await expect.poll(async () => section.innerText()).toMatch(/送信済み|Sent/)
    if (screenshots)
      await nurse.screenshot({ path: join(screenshots, 'workspace-family.png'), fullPage: true })
  })

  it("puts the partner's LINE text in the inbox, and the nurse's reply reaches his LINE", async () => {
    await lineEvents([textEvent(partner.line, lineText)])
    await nurse.goto(`${adminUrl}/admin/inbox?tenant=${town}`)
    const card = nurse.locator('article[data-consultation]', { hasText: lineText })
    await card.waitFor()
    expect(await card.innerText()).toContain(partner.nickname)
    await passesAxe(nurse, 'inbox')
    await card.getByLabel(/返信/).fill(replyText)
    await card.getByRole('button', { name: /返信を送る/ }).click()
    await card.getByText('返信を送りました').waitFor()
    await expect
      .poll(async () =>
        (await lineStats()).pushes.some((p) => p.to === partner.line && p.texts.join('').includes(replyText)),
      )
      .toBe(true)
  })

  it('lets the nurse write an urgent notice, sees who it reaches, a colleague at the desk approve it, and the family receive it', async () => {
    const title = `台風の接近について ${randomBytes(2).toString('hex')}`
    await nurse.goto(`${adminUrl}/admin/collections/announcements/create`)
    await nurse.locator('#field-texts__0__title').fill(title)
    await nurse
      .locator('#field-texts__0__body')
      .fill('明日は外出を控えてください。避難所は町のページでご確認ください。')
    await nurse.getByLabel(/緊急のお知らせ/).check()
    // Before anyone approves: who would receive it now, by channel — the mother by email, her partner by LINE.
    await nurse.getByRole('button', { name: /プレビューを更新/ }).click()
    await nurse.getByText(/いま送ると受け取る人: 2人/).waitFor()
    const preview = await nurse.locator(content).innerText()
    expect(preview).toContain(title)
    await nurse.getByRole('button', { name: /^保存/ }).first().click()
    await nurse.waitForURL(/\/admin\/collections\/announcements\/\d+/)
    const edit = nurse.url()
    await nurse.locator('[data-announcement-action="submit"]').click()
    await nurse
      .getByText(/承認待ち/)
      .first()
      .waitFor()
    // Nothing goes out on her say alone.
    expect((await outboxTo(mother.address)).some((m) => m.text.includes(title))).toBe(false)

    const desk = await (await browser.newContext(laptop)).newPage()
    try {
      await signInAs(desk, `desk.${town}@yorisoi.test`)
      await desk.goto(edit)
      await desk.locator('[data-announcement-action="approve"]').click()
      await desk
        .getByText(/承認済み/)
        .first()
        .waitFor()
    } finally {
      await desk.context().close()
    }
    // Approval published the town: the notice reaches both, apart from the daily message.
    await expect
      .poll(async () => (await outboxTo(mother.address)).find((m) => m.text.includes(title))?.text ?? '', {
        timeout: 60_000,
      })
      .toContain('【緊急】')
    await expect
      .poll(
        async () =>
          (await lineStats()).pushes.some((p) => p.to === partner.line && p.texts.join('').includes(title)),
        { timeout: 60_000 },
      )
      .toBe(true)
    await expect
      .poll(
        async () => {
          await nurse.goto(edit)
          // The box asks the edge once the view is up: read it when its figures are in.
          await nurse.locator('[data-counts], [data-status-problem]').first().waitFor()
          return nurse.locator('[data-announcement-status]').innerText()
        },
        { timeout: 60_000, interval: 2000 },
      )
      .toMatch(/送信済み[\s\S]*送信 2/)
  })

  it('shows a reported loss under "needs attention"', async () => {
    await resident.goto(`${manage}/loss`)
    await resident.getByRole('button', { name: /お知らせして、寄り添いのお便りを受け取る/ }).click()
    await resident.waitForLoadState('load')
    await nurse.goto(`${adminUrl}/admin/families?tenant=${town}&attention=1`)
    const row = nurse.getByRole('row', { name: new RegExp(mother.nickname) })
    expect(await row.innerText()).toMatch(/喪失|loss/i)
    await nurse.goto(`${adminUrl}/admin/family/${household}?tenant=${town}`)
    const first = await nurse.locator(`${content} h2`).first().innerText()
    expect(first).toContain('喪失のご報告があります')
  })

  it("shows another town's nurse none of it, by any route", async () => {
    const other = await (await browser.newContext(laptop)).newPage()
    try {
      await signInAs(other, 'nurse.sorairo-town@yorisoi.test')
      await other.goto(`${adminUrl}/admin/families`)
      expect(await other.locator(content).innerText()).not.toContain(mother.nickname)
      await other.goto(`${adminUrl}/admin/families?tenant=${town}`)
      expect(await other.locator(content).innerText()).not.toContain(mother.nickname)
      await other.goto(`${adminUrl}/admin/family/${household}?tenant=${town}`)
      expect(await other.locator(content).innerText()).not.toContain(mother.nickname)
      await other.goto(`${adminUrl}/admin/inbox?tenant=${town}`)
      expect(await other.locator(content).innerText()).not.toContain(lineText)
      const api = await other.evaluate(
        async ([t, h]) =>
          Promise.all(
            [
              `/api/workspace/families?tenant=${t}`,
              `/api/workspace/consultations?tenant=${t}`,
              `/api/workspace/families/${h}/messages?tenant=${t}`,
            ].map(async (path) => {
              const response = await fetch(path, { credentials: 'include' })
              return [path, response.status, await response.text()] as const
            }),
          ),
        [town, household] as const,
      )
      for (const [path, status, body] of api) {
        expect(status, path).toBeGreaterThanOrEqual(400)
        expect(body, path).not.toContain(mother.nickname)
      }
    } finally {
      await other.context().close()
    }
  })

  it('leaves nothing of the family in Postgres', async () => {
    const hits = await searchPostgres(databaseUrl, [
      mother.nickname,
      partner.nickname,
      mother.address,
      partner.line,
      lineText,
      note,
      replyText,
    ])
    expect(hits).toEqual([])
    expect(axeChecked).toEqual(['families list', 'family page', 'interview guide', 'inbox'])
  })
})
