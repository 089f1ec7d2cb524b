import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LocalWorker, startLocalWorker } from '../../dev/local-worker'
import { localDate } from '../../shared/calendar'
import { launchBrowser, phone } from '../support/browser'
import { executeLocalD1 } from '../support/local-d1'

// The local outbox is where a person running yorisoi without provider keys sees what residents
// would receive: it must open on a phone, read in Japanese first, and never run what a message holds.
describe('the local outbox in a real browser against the Worker in workerd', () => {
  let worker: LocalWorker
  let browser: Browser
  let page: Page
  let persistTo: string
  let alerts = 0

  beforeAll(async () => {
    persistTo = mkdtempSync(join(tmpdir(), 'yorisoi-e2e-'))
    worker = await startLocalWorker({ persistTo })
    await executeLocalD1(
      persistTo,
      `INSERT INTO outbox (id, idempotency_key, tenant_slug, channel, recipient, subject, text, html, created_at)
       VALUES ('m1', 'k1', 'sample-town', 'email', 'hanako@example.jp', '<img src=x onerror=alert(1)>お便り',
               '今日のメッセージ <script>alert(2)</script>', NULL, '2026-11-23T00:00:00.000Z'),
              ('m2', 'k2', 'sample-town', 'email', 'hanako@example.jp', 'リンク', '確認: https://example.jp/r/abc です',
               NULL, '2026-11-22T00:00:00.000Z')`,
    )
    // A town whose residents live in shard 2: its messages are kept there, and listed with the rest.
    await executeLocalD1(
      persistTo,
      `INSERT INTO outbox (id, idempotency_key, tenant_slug, channel, recipient, subject, text, html, created_at)
       VALUES ('m3', 'k3', 'harbor-town', 'sms', '+819012345678', NULL, '港町からのコード 123456',
               NULL, '2026-11-22T12:00:00.000Z')`,
      'SHARD_2',
    )
    browser = await launchBrowser()
    page = await (await browser.newContext(phone)).newPage()
    page.on('dialog', async (dialog) => {
      alerts += 1
      await dialog.dismiss()
    })
  })

  afterAll(async () => {
    await browser?.close()
    await worker?.stop()
    if (persistTo) rmSync(persistTo, { recursive: true, force: true })
  })

  it('shows nothing without its key, and says in both languages how to open it', async () => {
    for (const path of ['/outbox', '/outbox/m1', '/outbox?key=guess']) {
      const response = await page.goto(`${worker.url}${path}`)
      expect(response?.status()).toBe(401)
      const body = await page.locator('body').innerText()
      expect(body).toContain('送信箱の鍵が必要です')
      expect(body).toContain('The outbox key is needed')
      expect(body).not.toContain('お便り')
    }
  })

  it('opens with the printed URL, which drops the key from the address bar', async () => {
    await page.goto(worker.outboxUrl)
    expect(page.url()).toBe(`${worker.url}/outbox`)
    expect(await page.locator('h1').innerText()).toContain('送信箱')
  })

  it('lists the stored message with its subject shown as text, address masked', async () => {
    await page.goto(`${worker.url}/outbox`)
    const body = await page.locator('body').innerText()
    expect(body).toContain('<img src=x onerror=alert(1)>お便り')
    expect(body).not.toContain('hanako@example.jp')
    expect(alerts).toBe(0)
  })

  it('lists the messages of every shard newest first, each with its town, and opens one from shard 2', async () => {
    await page.goto(`${worker.url}/outbox`)
    // The list itself: other sections of the page (the LINE play) say リンク too.
    const body = await page
      .locator('xpath=//h2[starts-with(normalize-space(.), "メッセージ")]/following::table[1]')
      .innerText()
    const order = ['お便り', '港町からのコード', 'リンク'].map((text) => body.indexOf(text))
    expect(order.every((at) => at >= 0)).toBe(true)
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(body).toContain('harbor-town')
    await page.getByRole('link', { name: /港町からのコード/ }).click()
    expect(page.url()).toBe(`${worker.url}/outbox/m3`)
    expect(await page.locator('body').innerText()).toContain('港町からのコード 123456')
  })

  it('opens the message itself without running what it holds', async () => {
    await page.goto(`${worker.url}/outbox/m1`)
    expect(await page.locator('body').innerText()).toContain('今日のメッセージ <script>alert(2)</script>')
    expect(alerts).toBe(0)
  })

  it('keeps every link and the button working after the printed URL', async () => {
    await page.goto(`${worker.url}/outbox/m1`)
    await page.getByRole('link', { name: /送信箱/ }).click()
    expect(page.url()).toBe(`${worker.url}/outbox`)
    await page.getByRole('link', { name: /お便り/ }).click()
    expect(page.url()).toBe(`${worker.url}/outbox/m1`)
    await page.goto(`${worker.url}/outbox`)
    await page.getByRole('button', { name: /この日の配信を今すぐ実行/ }).click()
    // Nothing is published in this Worker: the button answers so, on the outbox page.
    expect(await page.getByRole('status').innerText()).toContain('公開された内容がまだありません')
  })

  it('offers today’s date (Japan) to run, marked local only, and links a message’s URL', async () => {
    await page.goto(`${worker.url}/outbox`)
    expect(await page.getByLabel(/日付/).inputValue()).toBe(localDate(new Date(), 'Asia/Tokyo'))
    expect(await page.locator('body').innerText()).toContain('ローカル専用')
    await page.goto(`${worker.url}/outbox/m2`)
    const link = page.getByRole('link', { name: 'https://example.jp/r/abc' })
    expect(await link.getAttribute('href')).toBe('https://example.jp/r/abc')
    expect(await link.getAttribute('rel')).toBe('noreferrer')
  })

  it('fits a 360 px phone and has no serious or critical accessibility violation', async () => {
    for (const path of ['/outbox', '/outbox/m1']) {
      await page.goto(`${worker.url}${path}`)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja')
      const { violations } = await new AxeBuilder({ page }).analyze()
      const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      expect(severe.map((v) => `${path}: ${v.id}`)).toEqual([])
    }
  })
})
