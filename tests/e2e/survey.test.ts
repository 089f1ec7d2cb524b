import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LocalWorker } from '../../dev/local-worker'
import { executeLocalD1 } from '../support/local-d1'
import { type ResidentBrowser, startResidentBrowser, tokyoDate } from '../support/resident-browser'

const token = 'e2e-ingest-token'

// A resident in pregnancy month 8 finds the survey in today's message, answers it on a phone,
// asks for an interview; the desk gets it. Every page and its error state readable at 360 px.
describe('a survey in a real browser against the Worker in workerd', () => {
  let resident: ResidentBrowser
  let worker: LocalWorker
  let page: Page
  let persistTo: string

  const fitsAndPassesAxe = (label: string) => resident.fitsAndPassesAxe(label)

  beforeAll(async () => {
    resident = await startResidentBrowser('yorisoi-e2e-survey-', token)
    ;({ worker, page, persistTo } = resident)
  })

  afterAll(() => resident?.stop())

  it('opens the survey from the message, shows errors kindly, stores the answer and tells the desk', async () => {
    const address = 'survey.e2e@example.jp'
    await page.goto(`${worker.url}/t/sakura-city`)
    await page.getByLabel(/ニックネーム/).fill('はな')
    await page.getByLabel(/妊娠している本人/).check()
    await page.getByLabel(/妊娠中（出産予定日を入力）/).check()
    // Today is 28w0d: pregnancy month 8, the window of the fixture's national survey.
    await page.getByLabel(/出産予定日 または お誕生日/).fill(tokyoDate(84))
    await page.getByLabel(/メールアドレス/).fill(address)
    await page.getByLabel(/同意します/).check()
    await page.getByRole('button', { name: /登録する/ }).click()
    const [confirmation] = (await executeLocalD1(
      persistTo,
      `SELECT text FROM outbox WHERE recipient = '${address}'`,
    )) as { text: string }[]
    await page.goto(confirmation!.text.match(/http:\/\/\S+\/c\/[A-Za-z0-9_-]+/)![0])
    await page.getByRole('button', { name: /登録を確定する/ }).click()
    await executeLocalD1(
      persistTo,
      `UPDATE subscribers SET next_send_on = '${tokyoDate(0)}' WHERE address = '${address}'`,
    )
    await page.goto(worker.outboxUrl)
    await page.getByRole('button', { name: /この日の配信を今すぐ実行/ }).click()
    const delivered = page.getByRole('link', { name: /今日のお便り/ })
    for (let i = 0; i < 60 && (await delivered.count()) === 0; i++) {
      await new Promise((r) => setTimeout(r, 500))
      await page.goto(worker.outboxUrl)
    }
    await delivered.first().click()
    const mail = await page.locator('body').innerText()
    expect(mail).toContain('アンケート「8か月ごろの気持ちについて」にご協力ください。')
    const surveyUrl = mail.match(/http:\/\/\S+\/q\/[1-9][A-Za-z0-9_-]{22}/)![0]

    await page.goto(surveyUrl)
    expect(await page.locator('h1').innerText()).toContain('8か月ごろの気持ちについて')
    await fitsAndPassesAxe('survey form')

    // Sent empty: the required question says so, in Japanese and English.
    await page.getByRole('button', { name: /送信する/ }).click()
    expect(await page.locator('main').innerText()).toContain('この設問は回答が必要です')
    await fitsAndPassesAxe('survey errors')

    // Asked for an interview but forgot how to be reached: the number typed stays.
    await page.getByLabel(/保健師と話したい/).check()
    await page.getByLabel(/電話番号/).fill('090-1234-5678')
    await page.getByRole('button', { name: /送信する/ }).click()
    expect(await page.locator('main').innerText()).toContain('面談のご連絡先を選んでください')
    expect(await page.getByLabel(/電話番号/).inputValue()).toBe('090-1234-5678')
    expect(await page.getByLabel(/保健師と話したい/).isChecked()).toBe(true)
    await fitsAndPassesAxe('survey contact error')

    await page.getByRole('radio', { name: /^電話/ }).check()
    await page.getByRole('button', { name: /送信する/ }).click()
    expect(await page.locator('h1').innerText()).toContain('ご回答ありがとうございました')
    expect(await page.locator('main').innerText()).toContain('面談のご希望を')
    await fitsAndPassesAxe('survey thanks')

    const [desk] = (await executeLocalD1(
      persistTo,
      `SELECT text FROM outbox WHERE recipient = 'kosodate@sakura.example.jp' AND subject LIKE '%面談の希望%'`,
    )) as { text: string }[]
    expect(desk?.text).toContain('連絡先（電話）: 090-1234-5678')

    await page.goto(surveyUrl)
    expect(await page.locator('h1').innerText()).toContain('すでにお答えいただいています')
    await fitsAndPassesAxe('survey answered')
  }, 180_000)
})
