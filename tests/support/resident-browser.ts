// What every resident journey in the browser starts from: the Worker in workerd with its own local
// D1 and the fixture published, and a phone-sized Chromium page.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { freePort } from '../../cms/db/freePort'
import { type LocalWorker, startLocalWorker } from '../../dev/local-worker'
import { launchBrowser, phone } from './browser'
import { publishFixture } from './publish-fixture'

/** The date in Tokyo `days` from now, as residents type it. */
export function tokyoDate(days: number): string {
  return new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)
}

export interface ResidentBrowser {
  worker: LocalWorker
  page: Page
  /** The Worker's local D1 and state, removed by stop(). */
  persistTo: string
  /** The labels of the pages checked so far, so a journey can show it looked at every one. */
  checked: string[]
  /** The page fits 360 px, is in `language` (Japanese unless given), and axe finds nothing serious or critical. */
  fitsAndPassesAxe(label: string, language?: string): Promise<void>
  /** Fills sakura-city's form as a pregnant resident (by email, or SMS to a mobile), and sends it. */
  register(nickname: string, dueDate: string, address: string, channel?: 'email' | 'sms'): Promise<void>
  stop(): Promise<void>
}

/** `vars`: more Worker vars, e.g. a provider's base URL pointing at a fake. */
export async function startResidentBrowser(
  prefix: string,
  ingestToken: string,
  vars: Record<string, string> = {},
): Promise<ResidentBrowser> {
  const persistTo = mkdtempSync(join(tmpdir(), prefix))
  const port = await freePort()
  const worker = await startLocalWorker({
    persistTo,
    port,
    vars: {
      INGEST_TOKEN: ingestToken,
      IP_HASH_SALT: 'e2e-ip-salt',
      LINK_SECRET: 'e2e-link-secret',
      PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
      ...vars,
    },
  })
  await publishFixture(worker.url, ingestToken)
  const browser = await launchBrowser()
  const page = await (await browser.newContext(phone)).newPage()
  const checked: string[] = []
  return {
    worker,
    page,
    persistTo,
    checked,
    async fitsAndPassesAxe(label, language = 'ja') {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language)
      const { violations } = await new AxeBuilder({ page }).analyze()
      const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      expect(severe.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
      checked.push(label)
    },
    async register(nickname, dueDate, address, channel = 'email') {
      await page.goto(`${worker.url}/t/sakura-city`)
      await page.getByLabel(/ニックネーム/).fill(nickname)
      await page.getByLabel(/妊娠している本人/).check()
      await page.getByLabel(/妊娠中（出産予定日を入力）/).check()
      await page.getByLabel(/出産予定日 または お誕生日/).fill(dueDate)
      if (channel === 'sms') {
        await page.getByLabel(/SMS（携帯電話/).check()
        await page.getByLabel(/携帯電話番号/).fill(address)
      } else await page.getByLabel(/メールアドレス/).fill(address)
      await page.getByLabel(/同意します/).check()
      await page.getByRole('button', { name: /登録する/ }).click()
    },
    async stop() {
      await browser.close()
      await worker.stop()
      rmSync(persistTo, { recursive: true, force: true })
    },
  }
}
