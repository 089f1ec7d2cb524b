import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LocalWorker } from '../../dev/local-worker'
import { type AcceptedEmail, type FakeResend, startFakeResend } from '../fakes/resend'
import { executeLocalD1 } from '../support/local-d1'
import { type ResidentBrowser, startResidentBrowser, tokyoDate } from '../support/resident-browser'

const token = 'e2e-ingest-token'
// Tenant secrets open with their own token, not the publishing one.
const secretsToken = `${token}-secrets`

// The journey a tired parent takes on a phone: register by email, confirm from the message,
// change the due date, report the birth, stop — every page and its error states readable at 360 px.
describe('the resident journey in a real browser against the Worker in workerd', () => {
  let resident: ResidentBrowser
  let worker: LocalWorker
  let page: Page
  let persistTo: string

  const fitsAndPassesAxe = (label: string) => resident.fitsAndPassesAxe(label)

  // Email goes to the local outbox until a test gives the tenant a Resend key; then to this fake.
  let resend: FakeResend

  beforeAll(async () => {
    resend = await startFakeResend()
    const secretsKey = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64')
    resident = await startResidentBrowser('yorisoi-e2e-', token, {
      TENANT_SECRETS_KEY: secretsKey,
      SECRETS_TOKEN: secretsToken,
      RESEND_BASE_URL: resend.url,
    })
    ;({ worker, page, persistTo } = resident)
  })

  afterAll(async () => {
    await resident?.stop()
    await resend?.close()
  })

  it('registers by email, confirms from the outbox, changes the due date, reports the birth and stops', async () => {
    await page.goto(`${worker.url}/t/sakura-city`)
    await fitsAndPassesAxe('registration form')

    // Sent empty first: every error shows, and the page stays accessible.
    await page.getByRole('button', { name: /登録する/ }).click()
    expect(await page.locator('.summary').innerText()).toContain('ニックネームを入力してください')
    await fitsAndPassesAxe('registration errors')

    await page.getByLabel(/ニックネーム/).fill('はな')
    await page.getByLabel(/妊娠している本人/).check()
    await page.getByLabel(/妊娠中（出産予定日を入力）/).check()
    await page.getByLabel(/出産予定日 または お誕生日/).fill(tokyoDate(60))
    await page.getByLabel(/メールアドレス/).fill('hana.e2e@example.jp')
    // Forgot the consent: what was typed is still there.
    await page.getByRole('button', { name: /登録する/ }).click()
    expect(await page.getByLabel(/ニックネーム/).inputValue()).toBe('はな')
    expect(await page.getByLabel(/メールアドレス/).inputValue()).toBe('hana.e2e@example.jp')
    await page.getByLabel(/同意します/).check()
    await page.getByRole('button', { name: /登録する/ }).click()
    expect(await page.locator('h1').innerText()).toContain('確認のメールを送りました')
    await fitsAndPassesAxe('sent')

    await page.goto(worker.outboxUrl)
    await page
      .getByRole('link', { name: /ご登録の確認/ })
      .first()
      .click()
    const text = await page.locator('body').innerText()
    const confirmUrl = text.match(/http:\/\/[^\s]+\/c\/[A-Za-z0-9_-]+/)?.[0]
    expect(confirmUrl).toBeTruthy()

    await page.goto(confirmUrl!)
    await fitsAndPassesAxe('confirm')
    await page.getByRole('button', { name: /登録を確定する/ }).click()
    expect(await page.getByRole('status').innerText()).toContain('登録が確定しました')
    await fitsAndPassesAxe('manage')

    await page.getByLabel(/出産予定日を変える/).fill('2000-01-01')
    await page.getByRole('button', { name: /予定日を変える/ }).click()
    // Long past: what to do instead (report the birth), not a range that reads as wrong.
    expect(await page.locator('#due-date-error').innerText()).toContain('2週間以上前')
    await fitsAndPassesAxe('manage errors')

    await page.getByLabel(/出産予定日を変える/).fill(tokyoDate(50))
    await page.getByRole('button', { name: /予定日を変える/ }).click()
    expect(await page.getByRole('status').innerText()).toContain('出産予定日を変えました')
    expect(await page.locator('main').innerText()).toContain(tokyoDate(50))

    await page.getByLabel(/生まれた日/).fill(tokyoDate(0))
    await page.getByRole('button', { name: /出産を知らせる/ }).click()
    expect(await page.getByRole('status').innerText()).toContain('ご出産おめでとうございます')
    await fitsAndPassesAxe('after birth')

    const manageUrl = page.url().split('?')[0]!
    await page.goto(`${manageUrl}/loss`)
    await fitsAndPassesAxe('loss')
    await page.goto(`${manageUrl}/delete`)
    await fitsAndPassesAxe('delete')

    await page.goto(manageUrl)
    await page.getByRole('button', { name: /お便りを止める/ }).click()
    expect(await page.locator('h1').innerText()).toContain('お便りを止めました')
    await fitsAndPassesAxe('stopped')

    await page.goto(`${worker.url}/r/AAAAAAAAAAAAAAAAAAAAAA`)
    await fitsAndPassesAxe('dead link')
    expect(resident.checked).toHaveLength(11)
  })

  it('after a delivery has run: opens the message from the outbox, its message page, and stops with one click', async () => {
    const address = 'message.e2e@example.jp'
    // Today is 28w0d (pregnancy/196), the slot the published fixture has a message for.
    await resident.register('はな', tokyoDate(84), address)
    const [confirmation] = (await executeLocalD1(
      persistTo,
      `SELECT text FROM outbox WHERE recipient = '${address}'`,
    )) as { text: string }[]
    await page.goto(confirmation!.text.match(/http:\/\/\S+\/c\/[A-Za-z0-9_-]+/)![0])
    await page.getByRole('button', { name: /登録を確定する/ }).click()
    // Whether today's send time has passed decides if the first message is today or tomorrow;
    // the test wants it today, whatever the clock says.
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
    const messageUrl = mail.match(/http:\/\/\S+\/m\/[1-9][A-Za-z0-9_-]{27}/)?.[0]
    expect(messageUrl).toBeTruthy()

    await page.goto(messageUrl!)
    expect(await page.locator('main').innerText()).toContain('はなさん、今日で妊娠28週0日です。')
    await fitsAndPassesAxe('message page')
    await page.getByRole('link', { name: /配信の停止/ }).click()
    // The click returns before the stop page has replaced the message page.
    await page.getByRole('heading', { name: /配信の停止/ }).waitFor()
    await fitsAndPassesAxe('stop')
    await page.getByRole('button', { name: /お便りを止める/ }).click()
    expect(await page.locator('h1').innerText()).toContain('お便りを止めました')
    const [subscriber] = (await executeLocalD1(
      persistTo,
      `SELECT state FROM subscribers WHERE address = '${address}'`,
    )) as { state: string }[]
    expect(subscriber?.state).toBe('stopped')
  })

  it('when the email service fails: the registration is kept as typed, “send again” sends the confirmation, and the manage page says when messages stop arriving', async () => {
    const address = 'unsent.e2e@example.jp'
    const secretUrl = `${worker.url}/ingest/tenants/sakura-city/secrets/resend.apiKey`
    const headers = { authorization: `Bearer ${secretsToken}`, 'content-type': 'application/json' }
    const stored = await fetch(secretUrl, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ value: 're_e2e_key' }),
    })
    expect(stored.status).toBe(200)
    try {
      // Resend answers 500 to the registration and to the first "send again".
      resend.inject(['server-error', 'server-error'])
      await resident.register('ゆき', tokyoDate(70), address)
      const alert = await page.getByRole('alert').innerText()
      expect(alert).toContain('ご登録は受け付けましたが、確認のメールを送れませんでした')
      expect(alert.indexOf('could not send the confirmation email')).toBeGreaterThan(
        alert.indexOf('送れませんでした'),
      )
      expect(await page.getByLabel(/ニックネーム/).inputValue()).toBe('ゆき')
      expect(await page.getByLabel(/メールアドレス/).inputValue()).toBe(address)
      expect(await page.getByLabel(/出産予定日 または お誕生日/).inputValue()).toBe(tokyoDate(70))
      await fitsAndPassesAxe('confirmation unsent')

      await page.getByRole('button', { name: /確認のメールをもう一度送る/ }).click()
      expect(await page.locator('h1').innerText()).toContain('確認のメールを送れませんでした')
      await fitsAndPassesAxe('confirmation unsent again')

      await page.getByRole('button', { name: /確認のメールをもう一度送る/ }).click()
      expect(await page.locator('h1').innerText()).toContain('確認のメールを送りました')
      const emails = (await (
        await fetch(`${resend.url}/__fake/emails?to=${encodeURIComponent(address)}`)
      ).json()) as AcceptedEmail[]
      expect(emails).toHaveLength(1)
      expect(await executeLocalD1(persistTo, `SELECT id FROM outbox WHERE recipient = '${address}'`)).toEqual(
        [],
      )
      const rows = (await executeLocalD1(
        persistTo,
        `SELECT COUNT(*) AS n FROM subscribers WHERE address = '${address}' AND state = 'pending'`,
      )) as { n: number }[]
      expect(rows[0]?.n).toBe(1)

      await page.goto(emails[0]!.text!.match(/http:\/\/\S+\/c\/[A-Za-z0-9_-]{22,}/)![0])
      await page.getByRole('button', { name: /登録を確定する/ }).click()
      expect(await page.getByRole('status').innerText()).toContain('登録が確定しました')

      // Later a day's message fails (the row the delivery consumer writes), then the provider
      // pauses the messages for good (no end date).
      const manageUrl = page.url().split('?')[0]!
      await executeLocalD1(
        persistTo,
        `INSERT INTO delivery_failures (subscriber_id, days, last_failed_on, last_error)
         SELECT id, 1, '${tokyoDate(0)}', 'resend 500' FROM subscribers WHERE address = '${address}'`,
      )
      await page.goto(manageUrl)
      expect(await page.getByRole('note').innerText()).toContain(
        `${tokyoDate(0)} のお便りをお届けできませんでした`,
      )
      await fitsAndPassesAxe('manage last undelivered')
      await executeLocalD1(
        persistTo,
        `UPDATE subscribers SET state = 'paused', paused_until = NULL WHERE address = '${address}'`,
      )
      await page.goto(manageUrl)
      const main = await page.locator('main').innerText()
      expect(main).toContain('お便りが届かなかったため、お休みしています')
      expect(main).toContain('Messages could not be delivered')
      await fitsAndPassesAxe('manage undeliverable')
      await page.getByRole('link', { name: /受け取り先を直す/ }).click()
      expect(await page.locator('h1').innerText()).toContain('受け取り')
    } finally {
      await fetch(secretUrl, { method: 'DELETE', headers })
    }
  }, 120_000)
})
