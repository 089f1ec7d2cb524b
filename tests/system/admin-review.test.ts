import { randomBytes, randomInt } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { languageTags } from '../../shared/languages'
import { lexical, messageData } from '../cms/support/content'
import { launchBrowser } from '../support/browser'
import { api, signIn, writeForReview } from './support/admin-api'

// A smoke test of the admin as built for production (`next build` + `next start`, globalSetup):
// a medical supervisor signs in, opens the review queue and approves a message there; an editor
// takes over a message another left open in a closed browser.
const { adminUrl, password } = inject('system')

describe('the admin on a production build', () => {
  let browser: Browser
  let page: Page
  // Every request the admin's pages make to another host: a town's network may have no internet,
  // and a staff member's email must not go to a third party (Gravatar) just by signing in.
  const elsewhere: string[] = []

  beforeAll(async () => {
    browser = await launchBrowser()
    page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' })
    ).newPage()
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.protocol.startsWith('http') && url.origin !== new URL(adminUrl).origin) elsewhere.push(url.href)
    })
  })

  afterAll(async () => {
    await browser?.close()
  })

  /** A page of its own browser context, signed in through the login form. */
  async function signedInPage(email: string): Promise<Page> {
    const signed = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' })
    ).newPage()
    await signed.goto(`${adminUrl}/admin/login`)
    await signed.getByLabel(/メールアドレス|Email/).fill(email)
    await signed.getByLabel(/パスワード|Password/).fill(password)
    await signed.getByRole('button', { name: /ログイン|Login/ }).click()
    await signed.waitForURL(`${adminUrl}/admin`)
    return signed
  }

  it('sends the app’s own address to the admin', async () => {
    const response = await fetch(`${adminUrl}/`, { redirect: 'manual' })
    expect(response.status).toBe(307)
    expect(new URL(response.headers.get('location')!, adminUrl).pathname).toBe('/admin')
  })

  it('lets a medical supervisor sign in, open the review queue and approve a waiting message', async () => {
    const subject = `監修キューの確認 ${randomBytes(3).toString('hex')}`
    // Slots nobody else writes (the whole-system test writes pregnancy/196 and 197), each test its
    // own part of this file's 100–174: two drawn from one range could meet.
    const slot = `pregnancy/${100 + randomInt(30)}`
    const editor = await signIn(adminUrl, 'editor@yorisoi.test', password)
    const id = await writeForReview(adminUrl, editor, messageData(slot, { subject }))

    await page.goto(`${adminUrl}/admin/login`)
    await page.getByLabel(/メールアドレス|Email/).fill('supervisor2@yorisoi.test')
    await page.getByLabel(/パスワード|Password/).fill(password)
    await page.getByRole('button', { name: /ログイン|Login/ }).click()
    await page.waitForURL(`${adminUrl}/admin`)

    await page.goto(`${adminUrl}/admin/review-queue`)
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('監修待ち')
    const row = page.getByRole('row', { name: new RegExp(subject) })
    // In words first (妊娠nか月…週…日, who, language), the key beside it for whoever needs it.
    expect(await row.innerText()).toMatch(/妊娠\d+週\d+日・本人（妊娠中の方・主な養育者）・日本語/)
    expect(await row.innerText()).toContain(`${slot} primary ja`)
    await row.getByRole('button', { name: /承認する/ }).click()
    expect(await row.getByRole('status').innerText()).toContain('承認しました')

    // Approved: gone from the queue, and the message says so where the supervisor opens it.
    await page.reload()
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('監修待ち')
    expect(await page.getByRole('row', { name: new RegExp(subject) }).count()).toBe(0)
    await page.goto(`${adminUrl}/admin/collections/messages/${id}`)
    const state = page.locator('#field-reviewState .rs__single-value')
    await state.waitFor()
    expect(await state.innerText()).toBe('承認済み')
  })

  it('lets an editor ask for review with one button, and shows the supervisor the text in review', async () => {
    const subject = `監修依頼ボタン ${randomBytes(3).toString('hex')}`
    const slot = `pregnancy/${130 + randomInt(30)}`
    const editorToken = await signIn(adminUrl, 'editor@yorisoi.test', password)
    const created = await api(adminUrl, 'POST', '/api/messages', {
      token: editorToken,
      body: messageData(slot, { subject, body: lexical('ボタンひとつで監修を依頼します。') }),
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const editorPage = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' })
    ).newPage()
    try {
      await editorPage.goto(`${adminUrl}/admin/login`)
      await editorPage.getByLabel(/メールアドレス|Email/).fill('editor@yorisoi.test')
      await editorPage.getByLabel(/パスワード|Password/).fill(password)
      await editorPage.getByRole('button', { name: /ログイン|Login/ }).click()
      await editorPage.waitForURL(`${adminUrl}/admin`)
      await editorPage.goto(`${adminUrl}/admin/collections/messages/${created.body.doc.id}`)
      // The state is not a list to pick from (it used to offer 承認済み, then refuse it).
      const stateField = editorPage.locator('#field-reviewState')
      await stateField.waitFor()
      // Read-only once the form has hydrated (the server's first paint may not say so yet).
      await expect
        .poll(() =>
          stateField.locator('.rs__control--is-disabled, [aria-disabled="true"], input[disabled]').count(),
        )
        .toBeGreaterThan(0)
      // The language is stored as text (no enum to migrate per language) and picked in Payload's
      // own select, by name, from every language of the registry.
      const language = editorPage.locator('#field-language')
      expect(await language.locator('.rs__single-value').innerText()).toBe('日本語')
      await language.locator('.rs__control').click()
      const options = await editorPage.locator('.rs__option').allInnerTexts()
      expect(options).toEqual(expect.arrayContaining(['やさしい日本語', 'ベトナム語', 'ミャンマー語']))
      expect(options).toHaveLength(languageTags.length)
      await editorPage.keyboard.press('Escape')
      await editorPage.getByRole('button', { name: /監修を依頼する/ }).click()
      await expect
        .poll(async () => {
          const saved = await api(adminUrl, 'GET', `/api/messages/${created.body.doc.id}?depth=0`, {
            token: editorToken,
          })
          return saved.body.reviewState
        })
        .toBe('in-review')
    } finally {
      await editorPage.context().close()
    }
    await page.goto(`${adminUrl}/admin/review-queue`)
    const row = page.getByRole('row', { name: new RegExp(subject) })
    expect(await row.locator('[data-review-text]').innerText()).toContain('ボタンひとつで監修を依頼します。')
  })

  it('explains whose edit lock a closed browser left on a message, and lets another editor take it over and save', async () => {
    const subject = `引き継ぎの確認 ${randomBytes(3).toString('hex')}`
    // 160–174: nobody else's slots (see above).
    const slot = `pregnancy/${160 + randomInt(15)}`
    const adminToken = await signIn(adminUrl, 'admin@yorisoi.test', password)
    const second = {
      email: `editor.b.${randomBytes(3).toString('hex')}@yorisoi.test`,
      name: '編集者B（テスト）',
    }
    const made = await api(adminUrl, 'POST', '/api/users', {
      token: adminToken,
      body: { ...second, password, roles: ['editor'] },
    })
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    const editorToken = await signIn(adminUrl, 'editor@yorisoi.test', password)
    const created = await api(adminUrl, 'POST', '/api/messages', {
      token: editorToken,
      body: messageData(slot, { subject }),
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = created.body.doc.id as number | string
    const lockOf = async () =>
      (
        await api(
          adminUrl,
          'GET',
          `/api/payload-locked-documents?depth=0&where[document.value][equals]=${id}`,
          {
            token: adminToken,
          },
        )
      ).body.docs as { user: { value: number | string } }[]

    // The editor starts changing the subject, then her browser closes: nothing saved, the lock stays.
    const first = await signedInPage('editor@yorisoi.test')
    await first.goto(`${adminUrl}/admin/collections/messages/${id}`)
    await first.locator('#field-subject').fill(`${subject}（書きかけ）`)
    await expect.poll(async () => (await lockOf()).length, { timeout: 30_000 }).toBe(1)
    await first.context().close()

    const page2 = await signedInPage(second.email)
    try {
      await page2.goto(`${adminUrl}/admin/collections/messages/${id}`)
      const notice = page2.locator('.document-locked')
      await notice.getByRole('heading', { name: 'ほかの人が編集中です' }).waitFor()
      const words = await notice.innerText()
      // Who, what happens on taking over, and why a closed browser still holds it — in Japanese.
      expect(words).toContain('editor@yorisoi.test さんがこの文書を編集中です。')
      expect(words).toContain('最後の操作から5分間は編集中のままになります')
      expect(words).toContain('「引き継ぐ」を押すと、あなたが編集して保存できるようになり')
      expect(words).not.toMatch(/ユーザー: \d|[A-Z][a-z]{2} \d{1,2}, \d{4}|AM|PM/)
      const { violations } = await new AxeBuilder({ page: page2 }).include('.document-locked').analyze()
      const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      expect(severe.map((v) => `${v.id}: ${v.help}`)).toEqual([])

      await notice.getByRole('button', { name: '引き継ぐ' }).click()
      await notice.waitFor({ state: 'hidden' })
      // Taking over reads the document again and redraws the form, which can wipe what was typed
      // a moment before: save once the typed subject has stayed for a whole interval.
      const taken = `${subject}（引き継いで保存）`
      const field = page2.locator('#field-subject')
      await expect
        .poll(
          async () => {
            if ((await field.inputValue()) === taken) return page2.locator('#action-save').isEnabled()
            await field.fill(taken)
            return false
          },
          { timeout: 30_000, interval: 500 },
        )
        .toBe(true)
      await page2.locator('#action-save').click()
      await expect
        .poll(
          async () => {
            const saved = await api(adminUrl, 'GET', `/api/messages/${id}?depth=0`, { token: adminToken })
            return saved.body.subject
          },
          { timeout: 30_000 },
        )
        .toBe(taken)
    } finally {
      await page2.context().close()
    }
  })

  it('writes dates as 2026/12/06 14:05 in the lists, not “12月 6日 2026, 2:05 午後”', async () => {
    await page.goto(`${adminUrl}/admin/collections/messages?limit=5`)
    // The date cells are filled in the browser after the table arrives.
    await page.waitForFunction(() => {
      const text = document.querySelector('table')?.textContent ?? ''
      return text.includes('2') && !text.includes('読み込み中')
    })
    const table = await page.locator('table').first().innerText()
    expect(table).toMatch(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/)
    expect(table).not.toMatch(/午前|午後/)
  })

  it('asks nothing of another host along the way (no Gravatar)', () => {
    expect(elsewhere).toEqual([])
  })
})
