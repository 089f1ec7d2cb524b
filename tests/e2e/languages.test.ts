import { resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LocalWorker } from '../../dev/local-worker'
import { rubyMarkup } from '../../shared/contract/ruby-markup'
import { languageEntry } from '../../shared/languages'
import { type Worded, wordInWithReadings } from '../../shared/languages/wording'
import { languagesSnapshot } from '../support/languages-snapshot'
import { executeLocalD1 } from '../support/local-d1'
import { publishSnapshot } from '../support/publish-fixture'
import { type ResidentBrowser, startResidentBrowser, tokyoDate } from '../support/resident-browser'

const token = 'e2e-ingest-token'
const screenshots = resolve(import.meta.dirname, '../../docs/screenshots')
// One language of each script the pages must draw, and やさしい日本語 (its readings as ruby).
const readers = ['vi', 'zh-Hans', 'ne', 'my', 'ja-x-easy']
const addressOf = (tag: string) => `${tag}.languages@example.jp`
const sent = { ja: '確認のメールを送りました', en: 'We sent you an email to confirm' }

// Residents who read Vietnamese, Chinese, Nepali, Burmese or easy Japanese, on a phone: register,
// confirm, read the day's message and ask the desk — each page in their language, drawn in the web
// font of its script (no tofu on a phone that lacks one), readable at 360 px.
describe('the resident pages in each script, in a real browser against the Worker in workerd', () => {
  let resident: ResidentBrowser
  let worker: LocalWorker
  let page: Page
  let persistTo: string
  // The sent page's heading as each reader got it: the translated wording, once catalogues exist.
  const headings = new Map<string, Worded | null>()

  /**
   * The page's own wording (not a message) shows its readings as ruby: a reading's kana drawn above
   * its kanji, in hiragana, on a heading and on a form.
   */
  async function rubyShown(label: string, where: string) {
    const ruby = page.locator(`${where} ruby`).filter({ visible: true }).first()
    expect(await ruby.isVisible(), label).toBe(true)
    expect(await ruby.locator('rt').innerText(), label).toMatch(/^[\p{Script=Hiragana}ー]+$/u)
    const above = await ruby.evaluate((el) => {
      const range = document.createRange()
      range.selectNodeContents(el.firstChild as Node)
      const base = range.getBoundingClientRect()
      const rt = (el.querySelector('rt') as HTMLElement).getBoundingClientRect()
      // Above, not beside: the reading's middle higher than the kanji's top, the two across each other.
      const across = rt.left < base.right && base.left < rt.right
      return rt.height > 0 && across && (rt.top + rt.bottom) / 2 < base.top
    })
    expect(above, `${label}: the reading sits above its kanji`).toBe(true)
  }

  /** Fits 360 px, is in `tag`, and axe finds nothing serious or critical; `drawn`: the script's web font is loaded. */
  async function readable(label: string, tag: string, drawn: boolean) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth), label).toBeLessThanOrEqual(360)
    expect(await page.evaluate(() => document.documentElement.lang), label).toBe(tag)
    const { violations } = await new AxeBuilder({ page }).analyze()
    const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(severe.map((v) => `${tag} ${label}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
      [],
    )
    if (!drawn) return
    const entry = languageEntry(tag)!
    // check() alone is true for a family no stylesheet declares: a face of it must have loaded.
    const font = await page.evaluate(
      async ([family, sample]) => {
        await document.fonts.ready
        const faces = [...document.fonts].filter((face) => face.family.replaceAll('"', '') === family)
        return {
          loaded: faces.some((face) => face.status === 'loaded'),
          check: document.fonts.check(`16px "${family}"`, sample),
        }
      },
      [entry.font, entry.names.own] as const,
    )
    expect(font, `${tag} ${label}: ${entry.font}`).toEqual({ loaded: true, check: true })
  }

  beforeAll(async () => {
    resident = await startResidentBrowser('yorisoi-e2e-languages-', token)
    ;({ worker, page, persistTo } = resident)
    await publishSnapshot(worker.url, token, await languagesSnapshot())
    page.setDefaultTimeout(15_000)
  })

  afterAll(() => resident?.stop())

  it('registers, confirms, reads the message and asks the desk in vi, zh-Hans, ne, my and やさしい日本語', async () => {
    // ?lang= on the first page of each step: the choice a reader makes on the language list.
    for (const tag of readers) {
      await page.goto(`${worker.url}/t/sakura-city?lang=${encodeURIComponent(tag)}`)
      await readable('registration', tag, true)
      if (tag === 'ja-x-easy') await rubyShown('registration', 'main form')
      await page.locator('#nickname').fill('Hoa')
      await page.locator('#audience-primary').check()
      await page.locator('#stage-due').check()
      // Today is 28w0d (pregnancy/196), the slot every language has a message for.
      await page.locator('#date').fill(tokyoDate(84))
      await page.locator('#language').selectOption(tag)
      await page.locator('#channel-email').check()
      await page.locator('#address').fill(addressOf(tag))
      await page.locator('#consent').check()
      await page.locator('form button[type=submit]').click()
      await page.waitForURL(/\/sent$/)
      await readable('sent', tag, true)
      if (tag === 'ja-x-easy') await rubyShown('sent', 'h1')
      const own = page.locator(`h1 [lang="${tag}"]`)
      // The words as read, a reading's kana (an rt) aside.
      const words = () =>
        own.evaluate((el) => {
          const copy = el.cloneNode(true) as HTMLElement
          for (const rt of copy.querySelectorAll('rt')) rt.remove()
          return copy.textContent
        })
      headings.set(tag, (await own.count()) > 0 ? { text: await words(), lang: tag } : null)
    }

    const mails = (await executeLocalD1(
      persistTo,
      "SELECT recipient, text FROM outbox WHERE recipient LIKE '%.languages@example.jp'",
    )) as { recipient: string; text: string }[]
    for (const tag of readers) {
      const mail = mails.find((m) => m.recipient === addressOf(tag))
      await page.goto(
        `${mail!.text.match(/http:\/\/\S+\/c\/[A-Za-z0-9_-]+/)![0]}?lang=${encodeURIComponent(tag)}`,
      )
      await readable('confirm', tag, true)
      await page.locator('main form button[type=submit]').click()
      await page.waitForURL(/\/r\//)
      await readable('manage', tag, true)
      if (tag === 'ja-x-easy') await rubyShown('manage', 'main')
    }

    // Whether today's send time has passed decides if the first message is today or tomorrow.
    await executeLocalD1(
      persistTo,
      `UPDATE subscribers SET next_send_on = '${tokyoDate(0)}' WHERE address LIKE '%.languages@example.jp'`,
    )
    await page.goto(worker.outboxUrl)
    await page.locator('form[action="/outbox/run-now"] button').click()
    let links: { recipient: string; text: string }[] = []
    for (let i = 0; i < 60 && links.length < readers.length; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 500))
      links = (await executeLocalD1(
        persistTo,
        "SELECT recipient, text FROM outbox WHERE recipient LIKE '%.languages@example.jp' AND text LIKE '%/m/%'",
      )) as { recipient: string; text: string }[]
    }

    for (const tag of readers) {
      const mail = links.find((m) => m.recipient === addressOf(tag))
      const messageUrl = mail?.text.match(/http:\/\/\S+\/m\/[1-9][A-Za-z0-9_-]{27}/)?.[0]
      expect(messageUrl, `${tag}: the day's message`).toBeTruthy()
      await page.goto(`${messageUrl}?lang=${encodeURIComponent(tag)}`)
      expect(await page.locator(`main article[lang="${tag}"]`).count(), tag).toBe(1)
      await readable('message page', tag, true)
      if (tag === 'ja-x-easy') expect(await page.locator('main article ruby').first().isVisible()).toBe(true)
      if (process.env.SCREENSHOTS) {
        const height = Math.min(1480, await page.evaluate(() => document.documentElement.scrollHeight))
        await page.screenshot({
          path: resolve(screenshots, `message-${tag}.png`),
          fullPage: true,
          clip: { x: 0, y: 0, width: 360, height },
        })
      }

      await page.locator('main a[href$="/consult"]').first().click()
      await page.waitForURL(/\/consult$/)
      await readable('consult form', tag, true)
      await page.locator('input[name=category]').first().check()
      await page.locator('#text').fill(languageEntry(tag)!.names.own)
      await page.locator('#contact-none').check()
      await page.locator('main form button[type=submit]').click()
      await page.locator('main h1').waitFor()
      // A form's answer has no language list: its own script shows once its wording is translated.
      await readable('consult received', tag, false)
    }
  }, 300_000)

  it('titles the registration’s pages in the reader’s language (its catalogue’s wording)', () => {
    for (const tag of readers) {
      const own = wordInWithReadings(sent, tag)
      expect(headings.get(tag), tag).toEqual({ ...own, text: own.text.replace(rubyMarkup, '$1') })
    }
  })
})
