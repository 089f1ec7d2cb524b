import { html } from 'hono/html'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bi } from '../../edge/web/bilingual'
import { layout } from '../../edge/web/layout'
import { launchBrowser, phone } from '../support/browser'

// The browser the tests drive holds several people at once: the publish screen's staff member
// signs in beside the admin in a second context and closes it; the admin's page must live on.
describe('the test browser', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('keeps one context when another is closed, and opens new ones after', async () => {
    const first = await (await browser.newContext()).newPage()
    await first.setContent('<p>一人目</p>')
    const second = await browser.newContext()
    await (await second.newPage()).setContent('<p>二人目</p>')
    await second.close()
    expect(await first.locator('p').innerText()).toBe('一人目')
    const third = await browser.newContext()
    await (await third.newPage()).setContent('<p>三人目</p>')
    await third.close()
    expect(browser.isConnected()).toBe(true)
    expect(await first.evaluate(() => document.body.textContent)).toBe('一人目')
  })

  it('draws Japanese in a real font, so a 360 px page measures text rather than boxes', async () => {
    const page = await (await browser.newContext()).newPage()
    await page.setContent(
      '<span style="font-size:16px">寄り添い寄り添い</span><span style="font-size:16px">iiiiiiii</span>',
    )
    const [japanese, latin] = await page
      .locator('span')
      .evaluateAll((spans) => spans.map((s) => s.getBoundingClientRect().width))
    // A CJK glyph is one em wide; a missing-glyph box at this size is about 10 px.
    expect(japanese).toBeCloseTo(8 * 16, 0)
    expect(japanese).toBeGreaterThan(latin! * 2)
    await page.context().close()
  })

  it('breaks a Japanese heading between phrases on a phone, never inside 寄り添い', async () => {
    const page = await (await browser.newContext(phone)).newPage()
    for (const town of ['みずほし市', 'みずほし市こども家庭センター', 'そらいろ町']) {
      await page.setContent(
        String(await layout({ ja: 't', en: 't' }, html`<h1>${bi(`${town}「寄り添い」`, 'yorisoi')}</h1>`)),
      )
      const lines = await page
        .locator('h1 [lang="ja"], h1')
        .first()
        .evaluate((h1) => {
          const text = [...h1.querySelectorAll('*'), h1]
            .flatMap((e) => [...e.childNodes])
            .find((n) => n.nodeType === 3 && n.textContent!.includes('寄り添い'))!
          const range = document.createRange()
          const start = text.textContent!.indexOf('寄り添い')
          range.setStart(text, start)
          range.setEnd(text, start + 4)
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
        })
      expect(lines, town).toBe(1)
    }
    await page.context().close()
  })
})
