import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LocalWorker } from '../../dev/local-worker'
import { wordIn } from '../../shared/languages/wording'
import { executeLocalD1 } from '../support/local-d1'
import { publishSnapshot } from '../support/publish-fixture'
import { type ResidentBrowser, startResidentBrowser, tokyoDate } from '../support/resident-browser'
import { benefitTask, taskSnapshot } from '../support/task-snapshot'

const token = 'e2e-ingest-token'

// A resident in pregnancy month 8 finds the survey in today's message, answers it on a phone,
// asks for an interview; the desk gets it. Another finds a task in her message and taps "done";
// the reminders stop. Every page and its error state readable at 360 px.
describe('a survey and a task in a real browser against the Worker in workerd', () => {
  let resident: ResidentBrowser
  let worker: LocalWorker
  let page: Page
  let persistTo: string

  const fitsAndPassesAxe = (label: string, language?: string) => resident.fitsAndPassesAxe(label, language)

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
    const surveyUrl = mail.match(/http:\/\/\S+\/q\/[1-9][A-Za-z0-9_-]{27}/)![0]

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

  it('a resident reading Vietnamese taps “done” on the task in her message, is thanked in Vietnamese, and the next day’s message and her page no longer remind her', async () => {
    await publishSnapshot(worker.url, token, await taskSnapshot())
    const address = 'task.e2e@example.jp'
    const vi = benefitTask.texts.find((t) => t.language === 'vi')!
    // Today's run is the survey's: this resident's first message is tomorrow's (28w1d, pregnancy
    // month 8, the task's window), her next the day after — the day the task would remind her.
    const [firstDay, nextDay] = [tokyoDate(1), tokyoDate(2)]
    await page.goto(`${worker.url}/t/sakura-city?lang=vi`)
    await page.locator('#nickname').fill('Hoa')
    await page.locator('#audience-primary').check()
    await page.locator('#stage-due').check()
    await page.locator('#date').fill(tokyoDate(84))
    await page.locator('#language').selectOption('vi')
    await page.locator('#channel-email').check()
    await page.locator('#address').fill(address)
    await page.locator('#consent').check()
    await page.locator('form button[type=submit]').click()
    await page.waitForURL(/\/sent$/)
    const [confirmation] = (await executeLocalD1(
      persistTo,
      `SELECT text FROM outbox WHERE recipient = '${address}'`,
    )) as { text: string }[]
    await page.goto(confirmation!.text.match(/http:\/\/\S+\/c\/[A-Za-z0-9_-]+/)![0])
    await page.locator('main form button[type=submit]').click()
    await page.waitForURL(/\/r\//)
    const manageUrl = page.url().split('?')[0]!
    await executeLocalD1(
      persistTo,
      `UPDATE subscribers SET next_send_on = '${firstDay}' WHERE address = '${address}'`,
    )

    /** Runs `day` from the outbox page (the real tick); her newest message's page in the outbox. */
    const run = async (day: string, messages: number) => {
      await page.goto(worker.outboxUrl)
      await page.getByLabel(/日付/).fill(day)
      await page.getByRole('button', { name: /この日の配信を今すぐ実行/ }).click()
      let sent: { id: string }[] = []
      for (let i = 0; i < 60 && sent.length < messages; i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, 500))
        sent = (await executeLocalD1(
          persistTo,
          `SELECT id FROM outbox WHERE recipient = '${address}' AND text LIKE '%/m/%' ORDER BY created_at`,
        )) as { id: string }[]
      }
      expect(sent, `${day}: her message`).toHaveLength(messages)
      return `${worker.url}/outbox/${sent.at(-1)!.id}`
    }
    const open = async (url: string) => {
      await page.goto(url)
      return page.locator('body').innerText()
    }

    const firstUrl = await run(firstDay, 1)
    const first = await open(firstUrl)
    expect(first).toContain(vi.line)
    expect(first).toContain(benefitTask.url)
    await page.goto(manageUrl)
    expect(await page.locator(`li[data-task="${benefitTask.id}"]:not([data-done])`).count()).toBe(1)

    // The tap: the link in the message, then the page's one button.
    await open(firstUrl)
    await page.locator('a[href*="/k/"]').first().click()
    await page.waitForURL(/\/k\//)
    expect(await page.locator('h1').innerText()).toBe(vi.title)
    await fitsAndPassesAxe('task done', 'vi')
    await page.locator('main form button[type=submit]').click()
    const thanks = wordIn({ ja: 'お知らせありがとうございました', en: 'Thank you for letting us know' }, 'vi')
    expect(thanks.lang).toBe('vi')
    await page.locator('h1 [lang="vi"]').waitFor()
    expect(await page.locator('h1 [lang="vi"]').innerText()).toBe(thanks.text)
    expect(await page.locator('main').innerText()).toContain(vi.title)
    await fitsAndPassesAxe('task thanks', 'vi')

    // Without the tap recorded, this message would remind her (「まだでしたら」: "Nếu bạn chưa làm: …").
    const next = await open(await run(nextDay, 2))
    expect(next).not.toContain(vi.line)
    expect(next).not.toMatch(/\/k\//)
    await page.goto(manageUrl)
    expect(await page.locator(`li[data-task="${benefitTask.id}"]:not([data-done])`).count()).toBe(0)
    expect(await page.locator(`li[data-task="${benefitTask.id}"][data-done]`).count()).toBe(1)
    expect(await page.locator('#tasks-title ~ p [lang="vi"]').innerText()).toBe('Hiện không có việc cần làm.')
    await fitsAndPassesAxe('manage, task done', 'vi')
  }, 180_000)
})
