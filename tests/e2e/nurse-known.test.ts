import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LocalWorker } from '../../dev/local-worker'
import { executeInTown, executeLocalD1 } from '../support/local-d1'
import { type ResidentBrowser, startResidentBrowser, tokyoDate } from '../support/resident-browser'

const token = 'e2e-ingest-token'
const address = 'nurse.e2e@example.jp'

// A family whose town assigned them a nurse opens their registration page on a phone: they see her
// name and number, and their question goes to her, the desk in copy.
describe('the family knows its nurse, in a real browser against the Worker in workerd', () => {
  let resident: ResidentBrowser
  let worker: LocalWorker
  let page: Page
  let persistTo: string
  let manageUrl: string

  beforeAll(async () => {
    resident = await startResidentBrowser('yorisoi-e2e-nurse-', token)
    ;({ worker, page, persistTo } = resident)
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
    )) as {
      text: string
    }[]
    const confirmed = await fetch(mail!.text.match(/http:\/\/\S+\/c\/[A-Za-z0-9_-]+/)![0], form({}))
    manageUrl = new URL(confirmed.headers.get('location')!, worker.url).href.split('?')[0]!
    // What the workspace's assignment writes at the edge.
    await executeInTown(
      persistTo,
      'sakura-city',
      `INSERT INTO household_nurses (household_id, tenant_slug, nurse_user, nurse_name, nurse_contact, nurse_email, assigned_by, assigned_at)
       SELECT m.timeline_id, 'sakura-city', 'nurse-sato', '保健師 さとう', '03-1234-5679', 'sato@sakura.example.jp', 'desk-1', '2026-12-01T00:00:00.000Z'
         FROM timeline_members m JOIN subscribers s ON s.id = m.subscriber_id WHERE s.address = '${address}'`,
    )
    page.setDefaultTimeout(15_000)
  })

  afterAll(() => resident?.stop())

  it('shows her on the registration page, and the question goes to her first', async () => {
    await page.goto(manageUrl)
    const nurse = page.getByRole('region', { name: /担当の保健師/ })
    expect(await nurse.innerText()).toContain('保健師 さとう')
    expect(await nurse.getByRole('link', { name: '03-1234-5679' }).getAttribute('href')).toBe(
      'tel:0312345679',
    )
    await resident.fitsAndPassesAxe('manage page with the nurse')

    await page.getByRole('link', { name: /窓口に相談する/ }).click()
    await page.getByLabel(/赤ちゃんのこと/).check()
    await page.getByLabel(/お返事はいらない/).check()
    await page.getByLabel(/ご相談の内容/).fill('授乳のあと、よく吐きます。')
    await page.getByRole('button', { name: /相談を送る/ }).click()
    expect(await page.locator('main').innerText()).toContain('担当の保健師 保健師 さとう さんに届きました')
    await resident.fitsAndPassesAxe('acknowledgement naming the nurse')

    const forwards = (await executeInTown(
      persistTo,
      'sakura-city',
      "SELECT recipient, cc FROM outbox WHERE idempotency_key LIKE 'consultation-%'",
    )) as { recipient: string; cc: string | null }[]
    expect(forwards).toEqual([{ recipient: 'sato@sakura.example.jp', cc: 'kosodate@sakura.example.jp' }])
  })
})
