// How long an admin screen takes in a real browser: from navigation to its main content being
// visible, with what the network shows about the slowest part (the document's time to first byte,
// Payload's Server-Timing header where it sends one, and the slowest other request).
import type { Locator, Page, Request } from 'playwright-core'

export interface ScreenLoad {
  ms: number
  /** The document's time to first byte (ms), from playwright's request timing. */
  documentTtfbMs: number
  serverTiming: string | null
  requests: number
  slowest: { url: string; ms: number } | null
  /** A role="alert" or a refusal shown instead of the content (a load still counted). */
  problem: string | null
}

/** What a screen shows instead of its content: a refusal or an error it reports. */
const refusal =
  '.template-default__wrap [role="alert"], .template-default__wrap p:has-text("権限がありません"), .unauthorized, .not-found, body:has-text("A server error occurred")'

/**
 * One load of `url`, until `selector` (or a refusal, noted as its problem) is visible; throws after
 * `timeoutMs` with what the page showed instead.
 */
export async function loadScreen(page: Page, url: string, selector: string, timeoutMs = 30_000) {
  const requests: Request[] = []
  const listen = (request: Request) => requests.push(request)
  page.on('requestfinished', listen)
  try {
    const start = performance.now()
    const response = await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs })
    await page
      .locator(`${selector}, ${refusal}`)
      .first()
      .waitFor({ state: 'visible', timeout: timeoutMs })
      .catch(async (error: unknown) => {
        const shown = (await shownText(page.locator('body'))).replace(/\s+/g, ' ')
        throw new Error(
          `${selector} not visible within ${timeoutMs} ms at ${page.url()}; the page shows: ${shown.slice(0, 300)}`,
          {
            cause: error,
          },
        )
      })
    const ms = performance.now() - start
    const documentTiming = response?.request().timing()
    const others = requests
      .filter((r) => r !== response?.request())
      .map((r) => ({ url: r.url(), ms: r.timing().responseEnd }))
      .filter((r) => r.ms >= 0)
      .sort((a, b) => b.ms - a.ms)
    const alert = page.locator(refusal)
    const load: ScreenLoad = {
      ms,
      documentTtfbMs: documentTiming ? documentTiming.responseStart : -1,
      serverTiming: (await response?.headerValue('server-timing')) ?? null,
      requests: requests.length,
      slowest: others[0] ? { url: others[0].url.replace(/^https?:\/\/[^/]+/, ''), ms: others[0].ms } : null,
      problem:
        (await alert.count()) > 0
          ? (await shownText(alert.first())).replace(/\s+/g, ' ').slice(0, 160)
          : null,
    }
    return load
  } finally {
    page.off('requestfinished', listen)
  }
}

/** The text a person sees: innerText, without the page's inline scripts. */
async function shownText(element: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: textContent would include the RSC payload
  return element.innerText().catch(() => '')
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/** Signs in through the login form, as a person does, and waits for the dashboard. */
export async function signIn(page: Page, adminUrl: string, email: string, password: string) {
  await page.goto(`${adminUrl}/admin/login`)
  await page.getByLabel(/メールアドレス|Email/).fill(email)
  await page.getByLabel(/パスワード|Password/).fill(password)
  await page.getByRole('button', { name: /ログイン|Login/ }).click()
  await page.waitForURL(`${adminUrl}/admin`, { timeout: 120_000 })
}
