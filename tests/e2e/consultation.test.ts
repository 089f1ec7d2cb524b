import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LocalWorker } from '../../dev/local-worker'
import { executeLocalD1 } from '../support/local-d1'
import { type ResidentBrowser, startResidentBrowser, tokyoDate } from '../support/resident-browser'

const token = 'e2e-ingest-token'

// A worried parent on a phone opens the desk from their registration page, makes a mistake,
// sends a question that sounds urgent and one that sounds desperate: each page readable at 360 px.
describe('the consultation in a real browser against the Worker in workerd', () => {
  let resident: ResidentBrowser
  let worker: LocalWorker
  let page: Page
  let persistTo: string
  let manageUrl: string

  const fitsAndPassesAxe = (label: string) => resident.fitsAndPassesAxe(label)

  /** Registers and confirms over HTTP, as the registration form would; returns the manage page URL. */
  async function registered(address: string): Promise<string> {
    const form = (fields: Record<string, string>) => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: worker.url },
      body: new URLSearchParams(fields),
      redirect: 'manual' as const,
    })
    const sent = await fetch(
      `${worker.url}/t/sakura-city`,
      form({
        nickname: 'はな',
        audience: 'primary',
        stage: 'due',
        date: tokyoDate(90),
        language: 'ja',
        channel: 'email',
        address,
        consent: 'yes',
        noticeVersion: '2026-04',
      }),
    )
    expect(sent.status).toBe(303)
    const [mail] = (await executeLocalD1(
      persistTo,
      `SELECT text FROM outbox WHERE recipient = '${address}'`,
    )) as { text: string }[]
    const confirm = mail!.text.match(/http:\/\/\S+\/c\/[A-Za-z0-9_-]+/)![0]
    const confirmed = await fetch(confirm, form({}))
    return new URL(confirmed.headers.get('location')!, worker.url).href.split('?')[0]!
  }

  beforeAll(async () => {
    resident = await startResidentBrowser('yorisoi-e2e-consult-', token)
    ;({ worker, page, persistTo } = resident)
    manageUrl = await registered('consult.e2e@example.jp')
    // A missing label fails at once with its name, not at the test's end.
    page.setDefaultTimeout(15_000)
  })

  afterAll(() => resident?.stop())

  it('asks the desk from the registration page: form, errors, urgent and desperate words, a calm question', async () => {
    await page.goto(manageUrl)
    await page.getByRole('link', { name: /窓口に相談する/ }).click()
    expect(await page.locator('h1').innerText()).toContain('相談する')
    await fitsAndPassesAxe('consult form')

    // Written, but neither a category nor a way to answer chosen: the words are still there.
    const worry = '夜になると不安で眠れません。'
    await page.getByLabel(/ご相談の内容/).fill(worry)
    await page.getByRole('button', { name: /相談を送る/ }).click()
    expect(await page.locator('.summary').innerText()).toContain('相談の種類を選んでください')
    expect(await page.getByLabel(/ご相談の内容/).inputValue()).toBe(worry)
    await fitsAndPassesAxe('consult errors')

    await page.getByLabel(/気持ちのこと/).check()
    await page.getByLabel(/電話がほしい/).check()
    await page.getByLabel(/電話番号（電話を希望するとき）/).fill('12')
    await page.getByRole('button', { name: /相談を送る/ }).click()
    expect(await page.locator('#phone-error').innerText()).toContain('電話番号を確かめてください')
    await fitsAndPassesAxe('consult phone error')

    // Words that sound urgent: the numbers to call come before anything else.
    await page.getByLabel(/体のこと/).check()
    await page.getByLabel(/お返事はいらない/).check()
    await page.getByLabel(/ご相談の内容/).fill('赤ちゃんが息ができないみたいで、顔色が悪いです')
    await page.getByRole('button', { name: /相談を送る/ }).click()
    expect(await page.locator('h1').innerText()).toContain('ご相談を受け付けました')
    const urgent = await page.locator('main').innerText()
    expect(urgent.indexOf('119')).toBeLessThan(urgent.indexOf('受付番号'))
    expect(await page.getByRole('alert').innerText()).toContain('すぐ電話してください')
    await fitsAndPassesAxe('urgent acknowledgement')

    await page.goto(`${manageUrl}/consult`)
    await page.getByLabel(/気持ちのこと/).check()
    await page.getByLabel(/登録のメールアドレスに返事がほしい/).check()
    await page.getByLabel(/ご相談の内容/).fill('もう消えたいと思ってしまう夜があります')
    await page.getByRole('button', { name: /相談を送る/ }).click()
    expect(await page.locator('#helplines-title').innerText()).toContain('いま、話を聞いてもらえるところ')
    expect(await page.locator('main').innerText()).toContain('0120-279-338')
    await fitsAndPassesAxe('acknowledgement with national lines')

    await page.goto(`${manageUrl}/consult`)
    await page.getByLabel(/手続き・制度/).check()
    await page.getByLabel(/電話がほしい/).check()
    await page.getByLabel(/電話番号（電話を希望するとき）/).fill('090-1234-5678')
    await page.getByLabel(/つながりやすい時間/).fill('平日の午前')
    await page.getByLabel(/ご相談の内容/).fill('児童手当の申請はいつまでですか')
    await page.getByRole('button', { name: /相談を送る/ }).click()
    const calm = await page.locator('main').innerText()
    expect(calm).toContain('090-1234-5678 にお電話します')
    expect(calm.indexOf('受付番号')).toBeLessThan(calm.indexOf('119'))
    await fitsAndPassesAxe('acknowledgement')

    const desk = (await executeLocalD1(
      persistTo,
      "SELECT subject FROM outbox WHERE recipient = 'kosodate@sakura.example.jp' ORDER BY created_at",
    )) as { subject: string }[]
    expect(desk.map((m) => m.subject.startsWith('【至急】'))).toEqual([true, true, false])
    expect(resident.checked).toHaveLength(6)
  }, 240_000)
})
