// Issue 20, "the admin answers fast": every screen a role opens first usable within 2 s on the
// production build. Each role of the seed signs in (Chromium via playwright-core) and opens its home
// and every screen its navigation shows (Payload's collections and yorisoi's own screens); a load
// is timed from navigation to the screen's main content being visible.
import type { Page } from 'playwright-core'
import { loadSeedTenants } from '../../seed/tenants'
import { seedUsers } from '../../seed/users'
import { launchBrowser } from '../../tests/support/browser'
import type { Scenario, ScenarioResult } from '../scenario'
import { startAdminSystem } from '../support/admin-system'
import { loadScreen, median, type ScreenLoad, signIn } from '../support/screen-timing'

const budgetMs = 2000
const laptop = { viewport: { width: 1280, height: 900 }, locale: 'ja-JP' }
/** The last part of a yorisoi view (ViewFrame: a title, then the view's own parts). */
const lastPart = '.template-default__wrap h1 ~ :last-child'

/** What "the main content is visible" means on each screen, by its path under /admin. */
const mainContent: Record<string, string> = {
  '': '[data-yorisoi-home]',
  '/review-queue': '.template-default__wrap h1 ~ :is(table, p)',
  '/coverage': 'table[data-summary]',
  '/resident-preview': '.template-default__wrap h1 ~ form',
  '/publish':
    'section[aria-labelledby="yorisoi-publish-history"], .template-default__wrap h1 ~ p:has-text("公開できる範囲")',
  '/families': 'form[action$="/workspace/families/export"], .template-default__wrap [role="alert"]',
  '/inbox': '.template-default__wrap :is(article, p:has-text("相談はありません"))',
}
const selectorFor = (path: string) =>
  mainContent[path] ?? (path.startsWith('/collections/') ? '.collection-list__tables, .no-results' : lastPart)

interface ScreenResult {
  name: string
  role: string
  path: string
  medianMs: number
  worstMs: number
  ok: boolean
  loads: number[]
  /** Median time to the document's first byte: the server's share. */
  documentTtfbMs: number
  serverTiming: string | null
  requests: number
  slowestRequest: { url: string; ms: number } | null
  problem: string | null
}

interface AdminScreensResult extends ScenarioResult {
  screens: ScreenResult[]
  /** What `next start` printed as errors while the screens loaded. */
  serverErrors: string[]
}

/** The seed's person for each role (the staff of the first town). */
function people() {
  const towns = loadSeedTenants().map((t) => ({ slug: t.settings.slug, name: t.settings.name.ja }))
  const town = towns[0]!.slug
  const users = seedUsers(towns)
  const wanted: [string, string][] = [
    ['admin', 'admin@yorisoi.test'],
    ['editor', 'editor@yorisoi.test'],
    ['medical-supervisor', 'supervisor1@yorisoi.test'],
    ['municipal-staff', `staff.${town}@yorisoi.test`],
    ['nurse', `nurse.${town}@yorisoi.test`],
    ['desk', `desk.${town}@yorisoi.test`],
    ['privacy-officer', `privacy.${town}@yorisoi.test`],
    ['viewer', 'viewer@yorisoi.test'],
  ]
  for (const [, email] of wanted)
    if (!users.some((u) => u.email === email)) throw new Error(`no seed user ${email}`)
  return wanted.map(([role, email]) => ({ role, email }))
}

/** The role's home and every screen its navigation links to, by path under /admin. */
async function navigation(page: Page): Promise<{ name: string; path: string }[]> {
  const links = await page.$$eval('a[href^="/admin/"]', (anchors) =>
    anchors.map((a) => ({ href: a.getAttribute('href') ?? '', text: (a.textContent ?? '').trim() })),
  )
  const seen = new Map<string, string>([['', 'home']])
  for (const { href, text } of links) {
    const path = href.replace(/^\/admin/, '').replace(/[?#].*$/, '')
    const isList = /^\/collections\/[^/]+$/.test(path)
    const isView = /^\/[a-z-]+$/.test(path) && !['/logout', '/account', '/login'].includes(path)
    if ((isList || isView) && !seen.has(path)) seen.set(path, text.split(' / ')[0] || path)
  }
  return [...seen].map(([path, name]) => ({ path, name }))
}

async function measure(page: Page, url: string, selector: string, rounds: number, warmUp: boolean) {
  if (warmUp) await loadScreen(page, url, selector)
  const loads: ScreenLoad[] = []
  for (let i = 0; i < rounds; i++) loads.push(await loadScreen(page, url, selector))
  return loads
}

const scenario: Scenario = {
  name: 'admin-screens',
  async run({ quick }) {
    const rounds = quick ? 1 : 3
    const say = (line: string) => process.stderr.write(`  ${line}\n`)
    const system = await startAdminSystem({ residents: quick ? 500 : 5000, log: say })
    say(
      `next build ${system.timings.buildSeconds.toFixed(0)} s, next start ${system.timings.startSeconds.toFixed(0)} s`,
    )
    const browser = await launchBrowser()
    try {
      const screens: ScreenResult[] = []
      let asset = ''
      for (const { role, email } of people()) {
        const context = await browser.newContext(laptop)
        const page = await context.newPage()
        const assets: string[] = []
        page.on('request', (r) => {
          if (r.url().includes('/_next/static/') && r.url().endsWith('.css')) assets.push(r.url())
        })
        await signIn(page, system.adminUrl, email, system.password)
        asset ||= assets[0] ?? ''
        for (const screen of await navigation(page)) {
          const url = `${system.adminUrl}/admin${screen.path}`
          const name = `${role} ${screen.path || '/'}`
          try {
            const loads = await measure(page, url, selectorFor(screen.path), rounds, !quick)
            const ms = loads.map((l) => l.ms)
            const last = loads[loads.length - 1]!
            const result: ScreenResult = {
              name,
              role,
              path: screen.path || '/',
              medianMs: Math.round(median(ms)),
              worstMs: Math.round(Math.max(...ms)),
              ok: Math.max(...ms) <= budgetMs && !last.problem,
              loads: ms.map(Math.round),
              documentTtfbMs: Math.round(median(loads.map((l) => l.documentTtfbMs))),
              serverTiming: last.serverTiming,
              requests: last.requests,
              slowestRequest: last.slowest && { url: last.slowest.url, ms: Math.round(last.slowest.ms) },
              problem: last.problem,
            }
            screens.push(result)
            say(
              `${name.padEnd(44)} ${String(result.medianMs).padStart(6)} ${String(result.worstMs).padStart(6)} ms  ttfb ${result.documentTtfbMs}${result.problem ? `  ! ${result.problem}` : ''}`,
            )
          } catch (error) {
            const problem = (error instanceof Error ? error.message : String(error))
              .replace(/\s+/g, ' ')
              .slice(0, 500)
            screens.push({
              name,
              role,
              path: screen.path || '/',
              medianMs: -1,
              worstMs: -1,
              ok: false,
              loads: [],
              documentTtfbMs: -1,
              serverTiming: null,
              requests: 0,
              slowestRequest: null,
              problem,
            })
            say(`${name.padEnd(44)} failed: ${problem}`)
          }
        }
        await context.close()
      }

      const context = await browser.newContext(laptop)
      const page = await context.newPage()
      const baselineLoads = asset ? (await measure(page, asset, 'body', rounds, !quick)).map((l) => l.ms) : []
      await context.close()
      const baseline = baselineLoads.length ? Math.max(...baselineLoads) : Number.NaN

      const measured = screens.filter((s) => s.worstMs >= 0)
      const worst = measured.reduce((a, b) => (b.worstMs > a.worstMs ? b : a), measured[0]!)
      const over = screens.filter((s) => !s.ok)
      const result: AdminScreensResult = {
        value: worst?.worstMs ?? Number.NaN,
        unit: 'ms (worst screen)',
        baseline,
        ratio: (worst?.worstMs ?? Number.NaN) / baseline,
        notes:
          `Admin built by next build, served by next start (NODE_ENV=production), embedded Postgres seeded as npm start ` +
          `(seed users, 3 towns, 9,214 sample messages, published to a local Worker with ${quick ? 500 : 5000} residents). ` +
          `Chromium 1280 px, each role signed in, its home and every screen its navigation links to; ` +
          `${quick ? '1 load' : '1 warm-up, then 3 loads'} per screen, from navigation to the screen's main content visible. ` +
          `Worst: ${worst?.name} ${worst?.worstMs} ms. Over 2 s or failing (${over.length} of ${screens.length}): ` +
          `${over.map((s) => `${s.name} ${s.worstMs}${s.problem ? ` (${s.problem.slice(0, 60)})` : ''}`).join(', ') || 'none'}. ` +
          `Baseline: the worst of the same loads of a static CSS asset from next start (${asset.replace(/^https?:\/\/[^/]+/, '')}); ` +
          `ratio = worst screen / baseline (lower is better). Per screen in "screens".`,
        screens,
        serverErrors: system.serverErrors().slice(0, 50),
      }
      return result
    } finally {
      await browser.close()
      await system.stop()
    }
  },
}

export default scenario
