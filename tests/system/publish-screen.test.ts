import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { freePort } from '../../cms/db/freePort'
import { keyInWords } from '../../cms/plugin/views/keyInWords'
import { type LocalWorker, startLocalWorker } from '../../dev/local-worker'
import { lexical, messageData } from '../cms/support/content'
import { launchBrowser } from '../support/browser'
import { api, signIn, writeForReview } from './support/admin-api'
import { type EdgeLink, startEdgeLink } from './support/edge-link'

// The publish screen (/admin/publish) as people use it, on the admin built for production
// (globalSetup) and a Worker in workerd with local D1 (wrangler dev). The admin reaches the Worker
// through a link on the port it was configured with (edgePort), so the test can make the edge
// refuse the token or vanish, as a misconfigured or unreachable edge would, without restarting it.
const { adminUrl, edgePort, ingestToken, password } = inject('system')

// Slots nobody else's test writes (whole-system: pregnancy/196–197; admin-review: 100–174).
const first = 200 + Math.floor(Math.random() * 35)
const slotChanged = `pregnancy/${first}`
const slotAdded = `pregnancy/${first + 35}`
const town = { slug: 'komorebi-ward', name: 'こもれび区' }
const staffTown = { slug: 'sorairo-town', name: 'そらいろ町' }
const gapTick = /メッセージのない日があることを確認しました/
const publishWithGaps = /未対応を承知で公開する/
/** A row of the change list: what happens to the message for this day, as the screen words it. */
const rowOf = (change: '追加' | '変更', slot: string) =>
  new RegExp(`^${change} / \\w+ ${keyInWords(`${slot} primary ja`).replace(/[()（）]/g, '.')}`)

describe('the publish screen', () => {
  let worker: LocalWorker
  let link: EdgeLink
  let persistTo: string
  let browser: Browser
  let adminContext: BrowserContext
  let page: Page
  const tenantIds: Record<string, number | string> = {}
  const manifests: Record<'national' | 'town' | 'changed', string> = { national: '', town: '', changed: '' }

  beforeAll(async () => {
    persistTo = mkdtempSync(join(tmpdir(), 'yorisoi-publish-screen-'))
    const port = await freePort()
    ;[worker, browser] = await Promise.all([
      startLocalWorker({
        persistTo,
        port,
        vars: {
          INGEST_TOKEN: ingestToken,
          IP_HASH_SALT: 'publish-screen-ip-salt',
          LINK_SECRET: 'publish-screen-link-secret',
          PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
        },
      }),
      launchBrowser(),
    ])
    link = await startEdgeLink({ port: edgePort, target: worker.url })
    adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' })
    page = await adminContext.newPage()
    const admin = await signIn(adminUrl, 'admin@yorisoi.test', password)
    for (const slug of [town.slug, staffTown.slug]) {
      const found = await api(adminUrl, 'GET', `/api/tenants?where[slug][equals]=${slug}&depth=0`, {
        token: admin,
      })
      tenantIds[slug] = found.body.docs[0].id
    }
  })

  afterAll(async () => {
    await browser?.close()
    await link?.close()
    await worker?.stop()
    if (persistTo) rmSync(persistTo, { recursive: true, force: true })
  })

  /** What the edge serves now, asked directly (not through the link). */
  async function active(): Promise<{
    id: string
    parts: { kind: string; tenant?: string; hash: string }[]
  } | null> {
    const response = await fetch(`${worker.url}/ingest/manifests/active`, {
      headers: { authorization: `Bearer ${ingestToken}` },
    })
    expect(response.status).toBe(200)
    return ((await response.json()) as { active: { manifest: never } | null }).active?.manifest ?? null
  }

  /** A resident opening their town's registration page: only a published town has one. */
  const townPage = async (slug: string) => {
    const response = await fetch(`${worker.url}/t/${slug}`)
    return { status: response.status, text: await response.text() }
  }

  async function signInAs(target: Page, email: string) {
    await target.goto(`${adminUrl}/admin/login`)
    await target.getByLabel(/メールアドレス|Email/).fill(email)
    await target.getByLabel(/パスワード|Password/).fill(password)
    await target.getByRole('button', { name: /ログイン|Login/ }).click()
    await target.waitForURL(`${adminUrl}/admin`)
  }

  async function approve(id: number | string) {
    const supervisor = await signIn(adminUrl, 'supervisor1@yorisoi.test', password)
    const read = await api(adminUrl, 'GET', `/api/messages/${id}?depth=0`, { token: supervisor })
    const approved = await api(adminUrl, 'POST', `/api/messages/${id}/review`, {
      token: supervisor,
      body: { action: 'approve', seenAt: read.body.updatedAt },
    })
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
  }

  const changes = (target: Page) => target.locator('section[aria-labelledby="yorisoi-publish-changes"]')
  const historyRows = (target: Page) =>
    target.locator('section[aria-labelledby="yorisoi-publish-history"] tbody tr')
  /** The table whose caption starts with `caption`, e.g. 追加されるメッセージ. */
  const table = (target: Page, caption: string) =>
    changes(target).locator('table', { has: target.locator('caption', { hasText: caption }) })

  /** The row of the change list for this slot, turning its pages (50 rows each) until it shows. */
  async function changeRow(target: Page, change: '追加' | '変更', slot: string): Promise<string> {
    for (let turned = 0; turned < 20; turned++) {
      const row = table(target, '変わるメッセージ').getByRole('row', { name: rowOf(change, slot) })
      if ((await row.count()) === 1) return row.innerText()
      const next = target.getByRole('link', { name: '次へ / Next →' })
      if ((await next.count()) === 0) break
      await Promise.all([target.waitForURL(/page=/), next.click()])
    }
    throw new Error(`no ${change} row for ${slot} in the change list`)
  }

  /**
   * Clicks publish (or roll back), accepts the confirmation and waits for the screen to reload;
   * fails at once with the reason the screen shows beside the button when it does not.
   */
  async function confirmAndReload(target: Page, button: RegExp, within = changes(target)): Promise<string> {
    let question = ''
    target.once('dialog', (dialog) => {
      question = dialog.message()
      void dialog.accept()
    })
    const clicked = within.getByRole('button', { name: button })
    const refusal = clicked.locator('xpath=..').locator('[role="alert"]')
    const reloaded = target.waitForEvent('load', { timeout: 60_000 })
    await clicked.click()
    const refused = await Promise.race([
      reloaded.then(() => null),
      refusal.waitFor({ timeout: 60_000 }).then(() => refusal.innerText()),
    ])
    if (refused !== null) throw new Error(`not done; the screen says: ${refused}`)
    return question
  }

  it('shows an admin what publishing changes and the gaps, publishes only once they are confirmed, and the edge serves it', async () => {
    // Content approved in the CMS: one message now, a change to it and another one later.
    const editor = await signIn(adminUrl, 'editor@yorisoi.test', password)
    const messageId = await writeForReview(
      adminUrl,
      editor,
      messageData(slotChanged, { subject: '公開画面のお便り', body: lexical('はじめの文です。') }),
    )
    await approve(messageId)
    expect(await active()).toBeNull()

    await signInAs(page, 'admin@yorisoi.test')
    await page.goto(`${adminUrl}/admin/publish`)
    expect(await changes(page).getByRole('heading').innerText()).toContain(
      '全国コンテンツ / National content',
    )
    expect(await changes(page).innerText()).toContain('公開中 / Live: なし / none')
    // The summary and the button come first; the change is named by its day in words and subject.
    expect(await changes(page).locator('[data-yorisoi-summary]').innerText()).toMatch(
      /メッセージ \/ Messages: 追加 \d+/,
    )
    const listed = table(page, '変わるメッセージ')
    expect(await listed.getByRole('row', { name: rowOf('追加', slotChanged) }).innerText()).toContain(
      '公開画面のお便り',
    )
    // Days without an approved message: nothing is sent on them, and publishing needs a tick.
    const gaps = changes(page).locator('[data-yorisoi-gaps]')
    expect(await gaps.innerText()).toContain('承認済みのメッセージがない日があります')
    expect(await gaps.innerText()).toMatch(new RegExp(`${town.slug} ・ 日本語: \\d+日`))
    const publishButton = changes(page).getByRole('button', { name: publishWithGaps })
    expect(await publishButton.isDisabled()).toBe(true)
    await changes(page).getByLabel(gapTick).check()
    expect(await publishButton.isEnabled()).toBe(true)

    // Cancelling the confirmation sends nothing.
    page.once('dialog', (dialog) => void dialog.dismiss())
    await publishButton.click()
    expect(await active()).toBeNull()

    const question = await confirmAndReload(page, publishWithGaps)
    expect(question).toContain(
      'メッセージのない日がありますが、「全国コンテンツ」を公開しますか？ / Some days have no message. Publish National content anyway?',
    )
    const national = await active()
    expect(national?.parts.map((p) => p.kind)).toEqual(['national'])
    manifests.national = national!.id
    expect(await page.locator('[data-yorisoi-published]').innerText()).toContain(manifests.national)
    expect(await changes(page).innerText()).toContain(`公開中 / Live: ${manifests.national}`)
    expect(await changes(page).innerText()).toContain('公開中の内容から変わる点はありません')

    // The town's part: its local entries are added, and its registration page appears.
    expect((await townPage(town.slug)).status).toBe(404)
    await page.getByRole('link', { name: `${town.name}（${town.slug}）` }).click()
    await page.waitForURL(/scope=tenant/)
    const entries = table(page, '追加される地域の支援')
    expect(await entries.getByRole('row', { name: /妊娠届出時の面談/ }).innerText()).toMatch(
      new RegExp(`${town.slug}\\s+妊娠届出時の面談\\s+—\\s+1`),
    )
    await changes(page).getByLabel(gapTick).check()
    await confirmAndReload(page, publishWithGaps)
    const withTown = await active()
    manifests.town = withTown!.id
    expect(withTown?.parts.find((p) => p.kind === 'national')?.hash).toBe(national?.parts[0]?.hash)
    expect(withTown?.parts.filter((p) => p.kind === 'tenant').map((p) => p.tenant)).toEqual([town.slug])
    const registration = await townPage(town.slug)
    expect(registration.status).toBe(200)
    expect(registration.text).toContain(town.name)

    // The editor changes the message and writes another; both are approved.
    const edited = await api(adminUrl, 'PATCH', `/api/messages/${messageId}`, {
      token: editor,
      body: { body: lexical('書き直した文です。'), reviewState: 'in-review' },
    })
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    await approve(messageId)
    await approve(
      await writeForReview(adminUrl, editor, messageData(slotAdded, { subject: '公開画面の二通目' })),
    )

    await page.getByRole('link', { name: '全国コンテンツ / National content' }).click()
    await page.waitForURL(/scope=national/)
    expect(await changeRow(page, '変更', slotChanged)).toMatch(
      new RegExp(`message-${messageId}@1\\s+message-${messageId}@2`),
    )
    expect(await changeRow(page, '追加', slotAdded)).toContain('公開画面の二通目')
    await changes(page).getByLabel(gapTick).check()
    await confirmAndReload(page, publishWithGaps)
    const republished = await active()
    manifests.changed = republished!.id
    expect(republished?.parts.find((p) => p.kind === 'national')?.hash).not.toBe(national?.parts[0]?.hash)
    expect((await townPage(town.slug)).status).toBe(200)
  })

  it('shows who published, and a confirmed rollback returns the edge to the earlier manifest', async () => {
    await page.goto(`${adminUrl}/admin/publish`)
    const rows = historyRows(page)
    const lines = await rows.allInnerTexts()
    expect(lines.slice(0, 3).map((line) => line.split('\t')[3])).toEqual([
      `${manifests.changed}（公開中 / live）`,
      manifests.town,
      manifests.national,
    ])
    for (const line of lines.slice(0, 3)) expect(line).toContain('admin@yorisoi.test')

    const target = rows
      .filter({ has: page.locator('td:nth-child(4)', { hasText: manifests.national }) })
      .first()
    const question = await confirmAndReload(page, /この版に戻す/, target)
    expect(question).toContain(`${manifests.national} に戻しますか？`)
    expect((await active())?.id).toBe(manifests.national)
    // The town published after that manifest is gone again for residents.
    expect((await townPage(town.slug)).status).toBe(404)
    const newest = await historyRows(page).first().innerText()
    expect(newest).toContain('ロールバック / Rollback')
    expect(newest).toContain(`${manifests.national}（公開中 / live）`)
    expect(newest).toContain(manifests.changed)
    expect(newest).toContain('admin@yorisoi.test')
  })

  it('lets municipal staff publish their own town only', async () => {
    const staffContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' })
    const staff = await staffContext.newPage()
    try {
      await signInAs(staff, `staff.${staffTown.slug}@yorisoi.test`)
      await staff.goto(`${adminUrl}/admin/publish`)
      const scopes = staff.getByRole('navigation', { name: '公開する範囲 / Scope' }).getByRole('link')
      expect(await scopes.allInnerTexts()).toEqual([`${staffTown.name}（${staffTown.slug}）`])
      // Another town named in the address is not offered either.
      await staff.goto(`${adminUrl}/admin/publish?scope=tenant:${tenantIds[town.slug]}`)
      expect(await changes(staff).getByRole('heading').innerText()).toContain(staffTown.name)
      expect(await changes(staff).innerText()).not.toContain(town.name)

      // A request crafted for the other town is refused, and says why.
      const crafted = await staff.evaluate(async (tenant) => {
        const response = await fetch('/api/publications/publish', {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ scope: { tenant }, confirmGaps: true }),
        })
        return { status: response.status, body: await response.json() }
      }, tenantIds[town.slug]!)
      expect(crafted.status).toBe(403)
      expect(crafted.body.reason).toBe(
        '所属する自治体のパートだけを公開できます / You can publish only the part of a tenant you belong to',
      )
      expect((await active())?.id).toBe(manifests.national)
      expect((await townPage(town.slug)).status).toBe(404)

      // Their own town: its entries are added on top of what is live.
      expect(await table(staff, '追加される地域の支援').innerText()).toContain(staffTown.slug)
      await changes(staff).getByLabel(gapTick).check()
      await confirmAndReload(staff, publishWithGaps)
      const live = await active()
      expect(live?.parts.map((p) => p.tenant ?? p.kind)).toEqual(['national', staffTown.slug])
      expect((await townPage(staffTown.slug)).status).toBe(200)
      // Their history holds their own publication, without a rollback.
      const mine = await historyRows(staff).allInnerTexts()
      expect(mine).toHaveLength(1)
      expect(mine[0]).toContain(`staff.${staffTown.slug}@yorisoi.test`)
      expect(await historyRows(staff).getByRole('button').count()).toBe(0)
    } finally {
      await staffContext.close()
    }
  })

  it('says why when the edge refuses the token or cannot be reached, and what is live stays', async () => {
    const before = (await active())?.id
    await page.goto(`${adminUrl}/admin/publish?scope=tenant:${tenantIds[town.slug]}`)
    await changes(page).getByLabel(gapTick).check()
    const publishButton = changes(page).getByRole('button', { name: publishWithGaps })

    // The CMS's token no longer matches the edge's (the link changes it on the way).
    await link.setMode('wrong-token')
    page.once('dialog', (dialog) => void dialog.accept())
    await publishButton.click()
    const refusal = changes(page).locator('[role="alert"]:not([data-yorisoi-gaps])')
    await refusal.waitFor()
    expect(await refusal.innerText()).toContain(
      '取り込みトークンが正しくありません。CMS の設定を確認してください',
    )
    expect((await active())?.id).toBe(before)

    // The edge cannot be reached at all.
    await link.setMode('down')
    page.once('dialog', (dialog) => void dialog.accept())
    await publishButton.click()
    await expect.poll(() => refusal.innerText()).toContain('に接続できません。公開中の内容は変わっていません')
    expect((await active())?.id).toBe(before)
    expect((await townPage(town.slug)).status).toBe(404)

    // Opened while the edge is away, the screen says so instead of failing.
    await page.reload()
    const history = page.locator('section[aria-labelledby="yorisoi-publish-history"] [role="alert"]')
    expect(await history.innerText()).toContain(
      `配信サーバー（http://127.0.0.1:${edgePort}）に接続できません`,
    )
    await link.setMode('pass')
  })
})
