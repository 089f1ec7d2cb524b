import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LocalWorker } from '../../dev/local-worker'
import { type FakeTwilio, startFakeTwilio } from '../fakes/twilio'
import { executeLocalD1 } from '../support/local-d1'
import { type ResidentBrowser, startResidentBrowser, tokyoDate } from '../support/resident-browser'

const token = 'e2e-ingest-token'
// Tenant secrets open with their own token, not the publishing one.
const secretsToken = `${token}-secrets`

// Proving an address on a phone: an SMS code (with its error states), the LINE linking page with
// the official account's QR code, and a change of address from the manage page — each at 360 px
// with no serious or critical axe violation.
describe('address verification in a real browser against the Worker in workerd', () => {
  let resident: ResidentBrowser
  let worker: LocalWorker
  let page: Page
  let persistTo: string

  const fitsAndPassesAxe = (label: string) => resident.fitsAndPassesAxe(label)

  const sql = (text: string) => executeLocalD1(persistTo, text)

  // SMS go to the local outbox until a test gives the tenant Twilio credentials; then to this fake.
  let twilio: FakeTwilio

  beforeAll(async () => {
    twilio = await startFakeTwilio()
    resident = await startResidentBrowser('yorisoi-e2e-verify-', token, {
      TENANT_SECRETS_KEY: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64'),
      SECRETS_TOKEN: secretsToken,
      TWILIO_API_BASE_URL: twilio.url,
    })
    ;({ worker, page, persistTo } = resident)
  })

  afterAll(async () => {
    await resident?.stop()
    await twilio?.close()
  })

  it('registers by SMS with a code, then changes the address from the manage page', async () => {
    await resident.register('そら', tokyoDate(90), '090-2222-3333', 'sms')
    expect(await page.locator('h1').innerText()).toContain('確認コードの入力')
    expect(await page.locator('main').innerText()).toContain('***3333')
    await fitsAndPassesAxe('sms code')

    await page.getByLabel(/確認コード/).fill('12')
    await page.getByRole('button', { name: /確認する/ }).click()
    expect(await page.locator('#code-error').innerText()).toContain('コードが違います')
    expect(await page.getByLabel(/確認コード/).inputValue()).toBe('12')
    await fitsAndPassesAxe('sms code wrong')

    const codePage = page.url()
    await sql(
      "UPDATE verifications SET expires_at = '2000-01-01T00:00:00.000Z' WHERE address = '+819022223333'",
    )
    await page.goto(codePage)
    expect(await page.getByRole('alert').innerText()).toContain('期限が切れました')
    await fitsAndPassesAxe('sms code expired')
    await sql("UPDATE verifications SET sent_at = '2000-01-01T00:00:00.000Z' WHERE address = '+819022223333'")
    await page.getByRole('button', { name: /新しいコードを送る/ }).click()
    expect(await page.getByRole('status').innerText()).toContain('新しいコードを送りました')

    const sms = (await sql(
      "SELECT text FROM outbox WHERE recipient = '+819022223333' ORDER BY created_at DESC, rowid DESC LIMIT 1",
    )) as { text: string }[]
    const code = sms[0]!.text.match(/確認コード (\d{6})/)![1]!
    await page.getByLabel(/確認コード/).fill(code)
    await page.getByRole('button', { name: /確認する/ }).click()
    expect(await page.getByRole('status').innerText()).toContain('登録が確定しました')

    await page.getByRole('link', { name: /受け取り方・受け取り先を変える/ }).click()
    expect(await page.locator('main').innerText()).toContain('***3333')
    await fitsAndPassesAxe('change address')

    await page.getByLabel(/SMS/).check()
    await page.getByLabel(/新しいメールアドレス または 携帯電話番号/).fill('03-1234-5678')
    await page.getByRole('button', { name: /確認へ進む/ }).click()
    expect(await page.locator('#address-error').innerText()).toContain('携帯電話の番号を確かめてください')
    expect(await page.getByLabel(/新しいメールアドレス/).inputValue()).toBe('03-1234-5678')
    await fitsAndPassesAxe('change address errors')

    await page
      .getByLabel(/メール/)
      .first()
      .check()
    await page.getByLabel(/新しいメールアドレス/).fill('sora.e2e@example.jp')
    await page.getByRole('button', { name: /確認へ進む/ }).click()
    expect(await page.locator('h1').innerText()).toContain('確認のメールを送りました')
    await fitsAndPassesAxe('change address sent')

    const [mail] = (await sql("SELECT text FROM outbox WHERE recipient = 'sora.e2e@example.jp'")) as {
      text: string
    }[]
    await page.goto(mail!.text.match(/http:\/\/\S+\/v\/[A-Za-z0-9_-]{22,}/)![0])
    await fitsAndPassesAxe('confirm new email')
    await page.getByRole('button', { name: /確定する/ }).click()
    expect(await page.getByRole('status').innerText()).toContain('受け取り先を変えました')
    await fitsAndPassesAxe('address changed')
    const [changed] = (await sql(
      "SELECT channel FROM subscribers WHERE address = 'sora.e2e@example.jp'",
    )) as {
      channel: string
    }[]
    expect(changed?.channel).toBe('email')
  }, 240_000)

  it('registers by LINE: the official account, its QR code and the code to send', async () => {
    await page.goto(`${worker.url}/t/minato-town`)
    await fitsAndPassesAxe('registration form (LINE only)')
    await page.getByLabel(/ニックネーム/).fill('うみ')
    await page.getByLabel(/妊娠している本人/).check()
    await page.getByLabel(/妊娠中（出産予定日を入力）/).check()
    await page.getByLabel(/出産予定日 または お誕生日/).fill(tokyoDate(90))
    await page.getByLabel(/同意します/).check()
    await page.getByRole('button', { name: /登録する/ }).click()
    expect(await page.locator('h1').innerText()).toContain('LINEでの受け取り')
    expect(await page.getByRole('link', { name: /LINEで友だち追加する/ }).getAttribute('href')).toBe(
      'https://line.me/R/ti/p/%40minato-kosodate',
    )
    expect(await page.getByRole('img', { name: /QRコード/ }).count()).toBe(1)
    expect(await page.locator('main').innerText()).toMatch(/\b\d{8}\b/)
    await fitsAndPassesAxe('line link')
    expect(resident.checked).toHaveLength(10)
  })

  it('when the SMS service fails: the code page says the code did not go out, and a new code arrives', async () => {
    const secretUrl = `${worker.url}/ingest/tenants/sakura-city/secrets/twilio.credentials`
    const headers = { authorization: `Bearer ${secretsToken}`, 'content-type': 'application/json' }
    const credentials = {
      accountSid: `AC${'0123456789abcdef'.repeat(2)}`,
      authToken: 't',
      from: '+815012345678',
    }
    const stored = await fetch(secretUrl, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ value: JSON.stringify(credentials) }),
    })
    expect(stored.status).toBe(200)
    const fake = async (path: string, body?: unknown) =>
      (await (
        await fetch(`${twilio.url}/__fake/${path}`, { method: 'POST', body: JSON.stringify(body ?? null) })
      ).json()) as { messages: { to: string; body: string }[] }
    try {
      await fake('faults', ['server-error'])
      await resident.register('みお', tokyoDate(90), '090-4444-5555', 'sms')
      expect(await page.locator('h1').innerText()).toContain('確認コードの入力')
      const notice = await page.getByRole('status').innerText()
      expect(notice).toContain('コードを送れませんでした')
      expect(notice.indexOf('We could not send the code')).toBeGreaterThan(
        notice.indexOf('コードを送れませんでした'),
      )
      await fitsAndPassesAxe('sms code unsent')

      // "A minute apart": the first attempt is made a while ago rather than waited for.
      await sql(
        "UPDATE verifications SET sent_at = '2000-01-01T00:00:00.000Z' WHERE address = '+819044445555'",
      )
      await page.getByRole('button', { name: /新しいコードを送る/ }).click()
      expect(await page.getByRole('status').innerText()).toContain('新しいコードを送りました')
      const sms = (await fake('stats')).messages.filter((m) => m.to === '+819044445555')
      expect(sms).toHaveLength(1)
      await page.getByLabel(/確認コード/).fill(sms[0]!.body.match(/確認コード (\d{6})/)![1]!)
      await page.getByRole('button', { name: /確認する/ }).click()
      expect(await page.getByRole('status').innerText()).toContain('登録が確定しました')
      expect(await sql("SELECT id FROM outbox WHERE recipient = '+819044445555'")).toEqual([])
    } finally {
      await fetch(secretUrl, { method: 'DELETE', headers })
    }
  }, 120_000)
})
