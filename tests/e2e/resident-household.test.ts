import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LocalWorker } from '../../dev/local-worker'
import { executeLocalD1 } from '../support/local-d1'
import { type ResidentBrowser, startResidentBrowser, tokyoDate } from '../support/resident-browser'

const token = 'e2e-household-ingest-token'

// The family part of the journey on a phone: the primary invites a partner, the partner registers
// and confirms, either reports the birth; the primary adds a child, and finally moves away.
describe('partner invitation and moving, in a real browser against the Worker in workerd', () => {
  let resident: ResidentBrowser
  let worker: LocalWorker
  let page: Page
  let persistTo: string

  const fitsAndPassesAxe = (label: string) => resident.fitsAndPassesAxe(label)

  async function confirmLinkFor(address: string): Promise<string> {
    const [row] = (await executeLocalD1(
      persistTo,
      `SELECT text FROM outbox WHERE recipient = '${address}'`,
    )) as {
      text: string
    }[]
    const url = row?.text.match(/http:\/\/\S+\/c\/[A-Za-z0-9_-]+/)?.[0]
    if (!url) throw new Error(`no confirmation for ${address}`)
    return url
  }

  beforeAll(async () => {
    resident = await startResidentBrowser('yorisoi-e2e-household-', token)
    ;({ worker, page, persistTo } = resident)
    // A missing element fails fast with its name, not at the test's timeout.
    page.setDefaultTimeout(10_000)
  })

  afterAll(() => resident?.stop())

  it('invites a partner who registers, confirms and reports the birth; the primary adds a child and moves away', async () => {
    // The primary registers (the registration form has its own journey test) and confirms here.
    const primaryAddress = 'hana.household@example.jp'
    const registered = await fetch(`${worker.url}/t/sakura-city`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: worker.url },
      body: new URLSearchParams({
        nickname: 'はな',
        audience: 'primary',
        stage: 'due',
        date: tokyoDate(30),
        language: 'ja',
        channel: 'email',
        address: primaryAddress,
        consent: 'yes',
        noticeVersion: '2026-04',
      }),
      redirect: 'manual',
    })
    expect(registered.status).toBe(303)
    await page.goto(await confirmLinkFor(primaryAddress))
    await page.getByRole('button', { name: /登録を確定する/ }).click()
    expect(await page.getByRole('status').innerText()).toContain('登録が確定しました')
    const primaryManage = page.url().split('?')[0]!
    await fitsAndPassesAxe('manage with family sections')

    // The town's non-urgent notices, turned off on the manage page, which says so.
    await page.getByRole('button', { name: /お知らせを受け取らない/ }).click()
    expect(await page.getByRole('status').innerText()).toContain('町からのお知らせを止めました')
    expect(await page.getByRole('button', { name: /お知らせを受け取る/ }).isVisible()).toBe(true)
    await fitsAndPassesAxe('manage with town notices off')

    await page.getByRole('button', { name: /パートナーや家族を招待する/ }).click()
    expect(await page.locator('h1').innerText()).toContain('招待リンクができました')
    await fitsAndPassesAxe('invitation link')
    const invitationUrl = await page.getByLabel(/招待リンク/).inputValue()
    expect(invitationUrl).toMatch(/\/i\/[1-9][A-Za-z0-9_-]{22}$/)

    // The partner opens the link on their own phone.
    await page.goto(invitationUrl)
    expect(await page.locator('main').innerText()).toContain('はなさんから')
    await fitsAndPassesAxe('invitation form')
    await page.getByRole('button', { name: /登録する/ }).click()
    expect(await page.locator('.summary').innerText()).toContain('パートナーかご家族かを選んでください')
    await fitsAndPassesAxe('invitation errors')
    await page.getByLabel(/ニックネーム/).fill('たろう')
    await page.getByLabel(/パートナー/).check()
    await page.getByRole('radio', { name: /^メール/ }).check()
    const partnerAddress = 'taro.household@example.jp'
    await page.getByLabel(/メールアドレス/).fill(partnerAddress)
    await page.getByLabel(/同意します/).check()
    await page.getByRole('button', { name: /登録する/ }).click()
    expect(await page.locator('h1').innerText()).toContain('確認のメールを送りました')

    await page.goto(await confirmLinkFor(partnerAddress))
    await page.getByRole('button', { name: /登録を確定する/ }).click()
    expect(await page.getByRole('status').innerText()).toContain('登録が確定しました')
    const partnerPage = await page.locator('main').innerText()
    expect(partnerPage).toContain('はな')
    expect(partnerPage).not.toContain(primaryAddress)
    expect(await page.getByRole('button', { name: /招待する/ }).count()).toBe(0)
    await fitsAndPassesAxe('partner manage')
    await page.getByLabel(/生まれた日/).fill(tokyoDate(0))
    await page.getByRole('button', { name: /出産を知らせる/ }).click()
    expect(await page.getByRole('status').innerText()).toContain('ご出産おめでとうございます')

    // Back on the primary's phone: the birth is there, the partner by nickname only.
    await page.goto(primaryManage)
    const primaryPage = await page.locator('main').innerText()
    expect(primaryPage).toContain(`お誕生日 / Birth date: ${tokyoDate(0)}`)
    expect(primaryPage).toContain('たろう')
    expect(primaryPage).not.toContain(partnerAddress)

    await page.getByLabel(/生まれているお子さん/).check()
    await page.getByLabel(/出産予定日 または お誕生日/).fill(tokyoDate(3))
    await page.getByRole('button', { name: /追加する/ }).click()
    expect(await page.locator('#new-date-error').innerText()).toContain('今日までの3年以内')
    expect(await page.getByLabel(/出産予定日 または お誕生日/).inputValue()).toBe(tokyoDate(3))
    await fitsAndPassesAxe('add a child errors')
    await page.getByLabel(/生まれているお子さん/).check()
    await page.getByLabel(/出産予定日 または お誕生日/).fill(tokyoDate(-400))
    await page.getByRole('button', { name: /追加する/ }).click()
    expect(await page.getByRole('status').innerText()).toContain('追加しました')

    // Each language in its own name; the pages follow the one chosen, the Japanese beneath.
    await page.getByRole('radio', { name: /^English/ }).check()
    await page.getByRole('button', { name: /言語を変える/ }).click()
    expect(await page.getByRole('status').innerText()).toContain('お便りの言語を変えました')
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await resident.fitsAndPassesAxe('manage in English, the Japanese beneath', 'en')
    // This device chooses Japanese again for the pages; the messages stay in English.
    await page.goto(`${primaryManage}?lang=ja`)
    expect(await page.locator('html').getAttribute('lang')).toBe('ja')

    await page.getByRole('link', { name: /ほかのまちへ引っ越すとき/ }).click()
    expect(await page.locator('h1').innerText()).toContain('引っ越し先のまち')
    await fitsAndPassesAxe('move: where to')
    await page.getByLabel(/引っ越し先/).selectOption('minato-town')
    await page.getByRole('button', { name: /次へ/ }).click()
    expect(await page.locator('h1').innerText()).toContain('みなと町へ引き継ぐ')
    await fitsAndPassesAxe('move: new notice')
    await page.getByLabel(/同意します/).check()
    await page.getByRole('button', { name: /引き継ぐ/ }).click()
    // みなと町 sends by LINE only: the email subscription cannot carry on there.
    expect(await page.locator('#consent-error').innerText()).toContain('いまの受け取り方でお届けしていません')
    await fitsAndPassesAxe('move: refused')

    await page.goto(`${primaryManage}/move`)
    await page.getByLabel(/引っ越し先/).selectOption('elsewhere')
    await page.getByRole('button', { name: /次へ/ }).click()
    expect(await page.locator('h1').innerText()).toContain('これまでありがとうございました')
    expect(await page.locator('main').innerText()).toContain('#8000')
    await fitsAndPassesAxe('goodbye')
    const [row] = (await executeLocalD1(
      persistTo,
      `SELECT state FROM subscribers WHERE address = '${primaryAddress}'`,
    )) as { state: string }[]
    expect(row?.state).toBe('stopped')
    expect(resident.checked).toHaveLength(12)
  }, 180_000)
})
