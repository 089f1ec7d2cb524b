import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser'

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
})
