import { randomBytes, randomInt } from 'node:crypto'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { messageData } from '../cms/support/content'
import { launchBrowser } from '../support/browser'
import { signIn, writeForReview } from './support/admin-api'

// The words of the built admin in Japanese: a list column of days reads 妊娠…週…日 beside its code
// and still opens the message; a document without a title is 無題, never "[Untitled]".
const { adminUrl, password } = inject('system')

describe('the admin speaks Japanese', () => {
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    browser = await launchBrowser()
    page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' })
    ).newPage()
    await page.goto(`${adminUrl}/admin/login`)
    await page.getByLabel(/メールアドレス|Email/).fill('editor@yorisoi.test')
    await page.getByLabel(/パスワード|Password/).fill(password)
    await page.getByRole('button', { name: /ログイン|Login/ }).click()
    await page.waitForURL(`${adminUrl}/admin`)
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('lists messages by day in words, the code beside it, each row still opening its message', async () => {
    const subject = `ことばの確認 ${randomBytes(3).toString('hex')}`
    // Any slot nobody else writes (admin-review writes 100–159, the whole-system test 196 and 197).
    const slot = `pregnancy/${30 + randomInt(60)}`
    const editor = await signIn(adminUrl, 'editor@yorisoi.test', password)
    const id = await writeForReview(adminUrl, editor, messageData(slot, { subject }))

    await page.goto(`${adminUrl}/admin/collections/messages?limit=100&sort=-updatedAt`)
    const row = page.getByRole('row', { name: new RegExp(subject) })
    const text = await row.innerText()
    expect(text).toMatch(new RegExp(`妊娠\\d+週\\d+日（${slot}）`))
    expect(text).toContain('本人（妊娠中の方・主な養育者）')
    await row.getByRole('link', { name: new RegExp(`（${slot}）`) }).click()
    await page.waitForURL(new RegExp(`/admin/collections/messages/${id}`))
  })

  it('calls a document without a title 無題, not [Untitled]', async () => {
    await page.goto(`${adminUrl}/admin/collections/messages/create`)
    const title = page.locator('h1.render-title')
    await title.waitFor()
    expect(await title.innerText()).toContain('無題')
    expect(await page.locator('body').innerText()).not.toContain('Untitled')
  })
})
