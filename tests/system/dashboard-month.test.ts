import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { languageLabels } from '../../cms/plugin/languages'
import { type LocalWorker, startLocalWorker } from '../../dev/local-worker'
import { addDays, addYears } from '../../shared/calendar'
import { eachWithLimit } from '../../shared/concurrency'
import { planDay, type TimelineFacts } from '../../shared/program'
import { smsPricePerSegment } from '../../shared/sms/price'
import { measureSms } from '../../shared/sms/segments'
import { lexical, messageData } from '../cms/support/content'
import { launchBrowser, phone } from '../support/browser'
import { executeInTown } from '../support/local-d1'
import { tokyoDate } from '../support/resident-browser'
import { api, signIn, writeForReview } from './support/admin-api'

// The dashboard after a simulated month (issue 16), on the system's one production build: みずほし市's
// residents register today through the Worker's own form (email and SMS, Japanese and English, a
// partner, a family member, one who never confirms), the real scheduled handler runs each day with
// a send in the month ahead (Miniflare's trigger takes the day's time; days a resident is due
// twice wait for the consumer between them), they open message pages, follow the survey link and
// answer it, one stops on the stop page with a reason, and the edge's counts reach the CMS — daily
// from the cron as in production, then the whole month again with `yorisoi report`, since the
// month's days ran in a few seconds. The town's staff then read each table under the charts at
// 1280 px, and every figure must equal what this file counts itself from the D1 rows.
const { adminUrl, edgePort, ingestToken, aggregatesToken, password } = inject('system')
const town = { slug: 'mizuhoshi-city', name: 'みずほし市' }
const laptop = { viewport: { width: 1280, height: 900 }, locale: 'ja-JP' }
const content = '.template-default__wrap'
const operationsToken = randomBytes(18).toString('base64url')
const day = (n: number) => addDays(tokyoDate(0), n)
/** The month shown: registration day (today) and the 29 days after. */
const period = { from: day(0), to: day(29) }
const tag = randomBytes(2).toString('hex')
const surveyTitle = `生後5か月のアンケート ${tag}`
const surveyQuestion = '夜はよく眠れていますか'
/** The survey's options as staff wrote them: c1, c2 in the counts. */
const surveyChoices = ['はい', 'いいえ']

interface Resident {
  nickname: string
  audience: 'primary' | 'partner' | 'family'
  channel: 'email' | 'sms'
  language: 'ja' | 'en'
  stage: 'due' | 'birth'
  date: string
}
// Cohorts chosen so the month costs few cron days (a pregnancy sends daily, and so does a child
// whose due date has passed without a birth): an infant every 3 days, a 1-year-old weekly, a
// pregnancy that reaches 4w0d on day 28, and one in mid pregnancy who stops after her first
// message (her second day has no message: the one flagged delivery). Her first day is
// pregnancy/191, a slot no other file writes (first-hour lists them): at 160 she met
// admin-review's 160–174, and whichever file ran second could not write its message.
const cohorts = {
  infant: { stage: 'birth', date: day(2 - 151) },
  toddler: { stage: 'birth', date: addDays(addYears(day(1), -1), -70) },
  early: { stage: 'due', date: day(280) },
  stopper: { stage: 'due', date: day(90) },
} as const
const person = (
  n: number,
  cohort: keyof typeof cohorts,
  audience: Resident['audience'],
  channel: Resident['channel'],
  language: Resident['language'] = 'ja',
): Resident => ({ nickname: `月${n}`, audience, channel, language, ...cohorts[cohort] })
const residents: Resident[] = [
  person(1, 'infant', 'primary', 'email'),
  person(2, 'infant', 'primary', 'email'),
  person(3, 'infant', 'primary', 'sms'),
  person(4, 'infant', 'primary', 'sms', 'en'),
  person(5, 'infant', 'primary', 'email', 'en'),
  person(6, 'infant', 'partner', 'email'),
  person(7, 'infant', 'family', 'sms'),
  person(8, 'toddler', 'primary', 'sms'),
  person(9, 'toddler', 'primary', 'email'),
  person(10, 'early', 'primary', 'sms'),
]
const stopper = person(11, 'stopper', 'primary', 'email')
const neverConfirms = person(12, 'infant', 'primary', 'sms')
const addressOf = (r: Resident) =>
  r.channel === 'email'
    ? `month.${r.nickname.slice(1)}.${tag}@example.jp`
    : // 090-0xxx is not a number anyone is given: the form refuses it, so the run's part starts at 1000.
      `090${1000 + (parseInt(tag, 16) % 9000)}${r.nickname.slice(1).padStart(4, '0')}`
const factsOf = (r: Resident): TimelineFacts =>
  r.stage === 'due' ? { from: day(0), due: r.date } : { from: day(0), birth: { date: r.date } }
/** The days of the month a resident has a message, and its slot (as the program plans it). */
const sendsOf = (r: Resident, last = 29) =>
  Array.from({ length: last }, (_, i) => day(i + 1)).flatMap((date) => {
    const plan = planDay([factsOf(r)], date)
    return plan ? [{ date, slot: plan.slots[0]!.slot }] : []
  })

describe('the dashboard after a simulated month', () => {
  let worker: LocalWorker
  let persistTo: string
  let browser: Browser
  const workerOutput: string[] = []

  beforeAll(async () => {
    persistTo = mkdtempSync(join(tmpdir(), 'yorisoi-dashboard-'))
    ;[worker, browser] = await Promise.all([
      startLocalWorker({
        persistTo,
        port: edgePort,
        onOutput: (line) => workerOutput.push(line),
        vars: {
          INGEST_TOKEN: ingestToken,
          OPERATIONS_TOKEN: operationsToken,
          CMS_AGGREGATES_URL: `${adminUrl}/api/survey-answer-counts/report`,
          AGGREGATES_TOKEN: aggregatesToken,
          IP_HASH_SALT: 'dashboard-ip-salt',
          LINK_SECRET: 'dashboard-link-secret',
          PUBLIC_ORIGIN: `http://127.0.0.1:${edgePort}`,
        },
      }),
      launchBrowser(),
    ])
  })

  afterAll(async () => {
    await browser?.close()
    await worker?.stop()
    if (persistTo) rmSync(persistTo, { recursive: true, force: true })
  })

  const d1 = <T>(sql: string) => executeInTown(persistTo, town.slug, sql) as Promise<T[]>

  /** A form sent as the resident's browser sends it (same origin), the answer not followed. */
  const post = (path: string, fields: Record<string, string>) =>
    fetch(`${worker.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: worker.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    })

  /** The real scheduled handler at 09:05 in Tokyo on each date (みずほし市 sends at 09:00). */
  async function cronOn(dates: readonly string[]) {
    for (const date of dates) {
      const time = Date.parse(`${date}T09:05:00+09:00`)
      const response = await fetch(
        `${worker.url}/cdn-cgi/local/scheduled?cron=${encodeURIComponent('*/5 * * * *')}&time=${time}`,
      )
      expect(response.status, await response.text()).toBe(200)
    }
    const last = dates.at(-1)!
    // The consumer is done once nobody active is still due on or before the last day run.
    for (let i = 0; ; i++) {
      const [left] = await d1<{ n: number }>(
        `SELECT COUNT(*) AS n FROM subscribers WHERE tenant_slug = '${town.slug}' AND state = 'active' AND next_send_on <= '${last}'`,
      )
      if (left?.n === 0) return
      if (i > 60) throw new Error(`days up to ${last} not delivered:\n${workerOutput.slice(-30).join('\n')}`)
      await new Promise((r) => setTimeout(r, 500))
    }
  }

  /** The month as the edge's rows hold it, in one query (each wrangler run costs about a second). */
  async function monthFromD1(): Promise<Month> {
    const [row] = await d1<{ month: string }>(
      `SELECT json_object(
         'subscribers', (SELECT json_group_array(json_object('id', s.id, 'audience', s.audience, 'channel', s.channel,
            'language', s.language, 'state', s.state, 'createdAt', s.created_at, 'stoppedAt', s.stopped_at,
            'stopReason', s.stop_reason, 'due', t.due_date, 'birth', t.birth_date))
          FROM subscribers s LEFT JOIN timeline_members m ON m.subscriber_id = s.id LEFT JOIN timelines t ON t.id = m.timeline_id
          WHERE s.tenant_slug = '${town.slug}'),
         'deliveries', (SELECT json_group_array(json_object('date', d.local_date, 'kind', d.kind, 'channel', d.channel,
            'state', d.state, 'attempts', d.attempts, 'segments', coalesce(d.sms_segments, 0), 'subscriber', d.subscriber_id,
            'opened', d.opened_at IS NOT NULL,
            'clicked', EXISTS (SELECT 1 FROM delivery_clicks c WHERE c.delivery_id = d.id)))
          FROM deliveries d WHERE d.tenant_slug = '${town.slug}'),
         'answers', (SELECT json_group_array(json_object('survey', r.survey_id, 'version', r.survey_version,
            'question', a.question_id, 'value', a.value, 'date', r.answered_on))
          FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id WHERE r.tenant_slug = '${town.slug}'),
         'responses', (SELECT json_group_array(json_object('survey', r.survey_id, 'version', r.survey_version,
            'date', r.answered_on))
          FROM survey_responses r WHERE r.tenant_slug = '${town.slug}'),
         'texts', (SELECT json_group_array(json_object('at', o.created_at, 'text', o.text))
          FROM outbox o WHERE o.tenant_slug = '${town.slug}' AND o.channel = 'sms'
            AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.idempotency_key = o.idempotency_key)),
         'consultations', (SELECT COUNT(*) FROM consultations WHERE tenant_slug = '${town.slug}'),
         'resolutions', (SELECT COUNT(*) FROM delivery_resolutions WHERE tenant_slug = '${town.slug}'),
         'deadLetters', (SELECT COUNT(*) FROM dead_letters WHERE tenant_slug = '${town.slug}')
       ) AS month`,
    )
    return JSON.parse(row!.month) as Month
  }

  it('publishes a month of messages and a survey, and the residents register (email and SMS)', async () => {
    // Every slot the residents reach this month has an approved message but the stopper's second day.
    const slots = new Set([
      ...residents.flatMap((r) => sendsOf(r).map((s) => s.slot)),
      sendsOf(stopper)[0]!.slot,
    ])
    const editor = await signIn(adminUrl, 'editor@yorisoi.test', password)
    const supervisor = await signIn(adminUrl, 'supervisor1@yorisoi.test', password)
    await eachWithLimit([...slots], 4, async (slot) => {
      const id = await writeForReview(
        adminUrl,
        editor,
        messageData(slot, {
          subject: '今日のお便り',
          body: lexical('{{nickname}}さん、今日のお便りです。', '体調はいかがですか。'),
          shortText:
            '{{nickname}}さん、今日のお便りです。体調の変化に気づいたら、いつでもご相談ください。{{messageUrl}}',
        }),
      )
      const read = await api(adminUrl, 'GET', `/api/messages/${id}?depth=0`, { token: supervisor })
      const approved = await api(adminUrl, 'POST', `/api/messages/${id}/review`, {
        token: supervisor,
        body: { action: 'approve', seenAt: read.body.updatedAt },
      })
      expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    })
    // A survey for the infants' parents (child days 150–160): offered in their message of day 2.
    const survey = await api(adminUrl, 'POST', '/api/surveys', {
      token: editor,
      body: {
        title: surveyTitle,
        language: 'ja',
        audiences: ['primary'],
        questions: [
          {
            label: surveyQuestion,
            kind: 'single',
            choices: surveyChoices.map((label) => ({ label })),
          },
        ],
        triggers: [{ window: { unit: 'child-day', from: 150, to: 160 } }],
        reminders: { max: 0, afterDays: 7 },
      },
    })
    expect(survey.status, JSON.stringify(survey.body)).toBe(201)
    const surveyId = survey.body.doc.id
    const submitted = await api(adminUrl, 'PATCH', `/api/surveys/${surveyId}`, {
      token: editor,
      body: { reviewState: 'in-review' },
    })
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
    const approvedSurvey = await api(adminUrl, 'PATCH', `/api/surveys/${surveyId}`, {
      token: supervisor,
      body: { reviewState: 'approved' },
    })
    expect(approvedSurvey.status, JSON.stringify(approvedSurvey.body)).toBe(200)

    const admin = await signIn(adminUrl, 'admin@yorisoi.test', password)
    const tenants = await api(adminUrl, 'GET', `/api/tenants?where[slug][equals]=${town.slug}&depth=0`, {
      token: admin,
    })
    for (const scope of ['national', { tenant: tenants.body.docs[0].id }]) {
      const published = await api(adminUrl, 'POST', '/api/publications/publish', {
        token: admin,
        body: { scope, confirmGaps: true },
      })
      expect(published.status, JSON.stringify(published.body)).toBe(200)
    }

    // Everyone registers through the form; SMS residents get a code, email ones a link.
    const form = await (await fetch(`${worker.url}/t/${town.slug}`)).text()
    const noticeVersion = /name="noticeVersion" value="([^"]+)"/.exec(form)?.[1]
    expect(noticeVersion).toBeTruthy()
    const codePages = new Map<string, string>()
    await eachWithLimit([...residents, stopper, neverConfirms], 4, async (r) => {
      const sent = await post(`/t/${town.slug}`, {
        nickname: r.nickname,
        audience: r.audience,
        stage: r.stage,
        date: r.date,
        language: r.language,
        channel: r.channel,
        address: addressOf(r),
        consent: 'yes',
        noticeVersion: noticeVersion!,
      })
      expect(sent.status, `${r.nickname}: ${await sent.text()}`).toBe(303)
      if (r.channel === 'sms') codePages.set(r.nickname, sent.headers.get('location')!)
    })
    const mails = await d1<{ recipient: string; text: string }>(
      `SELECT recipient, text FROM outbox WHERE tenant_slug = '${town.slug}' ORDER BY created_at`,
    )
    await eachWithLimit([...residents, stopper], 4, async (r) => {
      const mail = mails.find((m) => m.recipient.endsWith(addressOf(r).slice(1)))
      expect(mail, r.nickname).toBeDefined()
      const confirmed =
        r.channel === 'email'
          ? await post(
              new URL(/http:\/\/127\.0\.0\.1:\d+(\/c\/[A-Za-z0-9_-]+)/.exec(mail!.text)![1]!, worker.url)
                .pathname,
              {},
            )
          : await post(codePages.get(r.nickname)!, { code: /\b(\d{6})\b/.exec(mail!.text)![1]! })
      expect(confirmed.status, `${r.nickname}: ${await confirmed.text()}`).toBe(303)
      expect(confirmed.headers.get('location'), r.nickname).toMatch(/\/r\/.*done=confirmed/)
    })
  })

  it('runs the month through the real cron and consumer: opens, a survey, a stop with its reason', async () => {
    const days = (who: readonly Resident[], after = '') =>
      [...new Set(who.flatMap((r) => sendsOf(r).map((s) => s.date)))].filter((d) => d > after).sort()
    // Days 1 and 2 (the stopper's), then she stops from her first message, then the rest in runs of
    // ten (one consumer batch each).
    await cronOn(days([...residents, stopper]).filter((d) => d <= day(2)))
    const page = await (await browser.newContext(phone)).newPage()
    const [first] = await d1<{ text: string }>(
      `SELECT o.text FROM outbox o JOIN deliveries d ON d.idempotency_key = o.idempotency_key
       WHERE o.recipient = '${addressOf(stopper)}' AND d.kind = 'program' ORDER BY d.local_date LIMIT 1`,
    )
    await page.goto(/http:\/\/127\.0\.0\.1:\d+\/m\/[A-Za-z0-9_-]+/.exec(first!.text)![0])
    await page.getByRole('link', { name: /配信の停止/ }).click()
    await page.getByLabel(/お便りが多すぎる/).check()
    await page.getByRole('button', { name: /お便りを止める/ }).click()
    expect(await page.locator('h1').innerText()).toContain('お便りを止めました')
    await page.context().close()
    const rest = days(residents, day(2))
    for (let i = 0; i < rest.length; i += 10) await cronOn(rest.slice(i, i + 10))

    // Two of every three messages are opened; the infants' parents (all but one) answer the survey
    // from their message of day 2, through its link.
    const sent = await d1<{ text: string; date: string; nickname: string; audience: string }>(
      `SELECT o.text, d.local_date AS date, s.nickname, s.audience FROM outbox o
       JOIN deliveries d ON d.idempotency_key = o.idempotency_key JOIN subscribers s ON s.id = d.subscriber_id
       WHERE d.kind = 'program' ORDER BY d.local_date, s.nickname`,
    )
    const infants = residents.filter((r) => r.date === cohorts.infant.date && r.audience === 'primary')
    const answers = ['はい', 'はい', 'いいえ', 'はい', 'はい']
    const surveyed = sent.filter((m) => m.date === day(2) && infants.some((r) => r.nickname === m.nickname))
    expect(surveyed).toHaveLength(answers.length)
    const pathOf = (m: { text: string }) => /\/m\/[A-Za-z0-9_-]+/.exec(m.text)?.[0] ?? `no link in ${m.text}`
    await eachWithLimit(
      sent.filter((m, i) => i % 3 !== 2 && !surveyed.includes(m)),
      6,
      async (m) => expect((await fetch(`${worker.url}${pathOf(m)}`)).status).toBe(200),
    )
    for (const [i, m] of surveyed.entries()) {
      const html = await (await fetch(`${worker.url}${pathOf(m)}`)).text()
      let survey: string | null = null
      for (const go of html.matchAll(/href="([^"]*\/go\/\d+)"/g)) {
        const followed = await fetch(new URL(go[1]!, worker.url), { redirect: 'manual' })
        const to = followed.headers.get('location') ?? ''
        if (to.includes('/q/')) survey = new URL(to, worker.url).pathname
      }
      expect(survey, `${m.nickname}: no survey link on ${html}`).toBeTruthy()
      const questions = await (await fetch(`${worker.url}${survey}`)).text()
      const choice = new RegExp(`name="([^"]+)"[^>]*value="([^"]+)"[^>]*/> <span[^>]*>${answers[i]}<`).exec(
        questions,
      )
      expect(choice, questions).toBeTruthy()
      const answered = await post(survey!, { [choice![1]!]: choice![2]! })
      expect(answered.status, await answered.text()).toBeLessThan(400)
    }

    // The month again from what the edge holds, as `yorisoi report --from --to` asks the edge (the
    // command itself costs seconds of tsx start-up, and tests/unit covers its splitting).
    const rebuilt = await fetch(`${worker.url}/ingest/reports/resend`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operationsToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(period),
    })
    expect(rebuilt.status, await rebuilt.text()).toBe(200)
  })

  /** What a user reads in each table under a chart: its rows, the first cell in Japanese only. */
  const readTables = (page: Page) =>
    page.locator('[data-yorisoi-dashboard] table[data-table]').evaluateAll((tables) =>
      Object.fromEntries(
        tables.map((table) => [
          table.getAttribute('data-table') ?? '',
          [...table.querySelectorAll('tbody tr')].map((row) =>
            [...row.children].map((cell, i) => {
              const text = (cell.textContent ?? '').trim()
              return i === 0 ? (text.split(' / ')[0] ?? text) : text
            }),
          ),
        ]),
      ),
    )

  async function signedIn(email: string): Promise<Page> {
    const page = await (await browser.newContext(laptop)).newPage()
    page.setDefaultTimeout(30_000)
    await page.goto(`${adminUrl}/admin/login`)
    await page.getByLabel(/メールアドレス|Email/).fill(email)
    await page.getByLabel(/パスワード|Password/).fill(password)
    await page.getByRole('button', { name: /ログイン|Login/ }).click()
    await page.waitForURL(`${adminUrl}/admin`)
    return page
  }

  /** The period chosen in the dashboard's own form, as staff choose it. */
  async function showPeriod(page: Page) {
    await page.getByLabel(/開始日/).fill(period.from)
    await page.getByLabel(/終了日/).fill(period.to)
    await Promise.all([page.waitForURL(/from=/), page.getByRole('button', { name: /表示/ }).click()])
    await page.locator('[data-yorisoi-dashboard]').waitFor()
  }

  it("shows the town's staff, at 1280 px, the figures counted from the D1 rows", async () => {
    const admin = await signIn(adminUrl, 'admin@yorisoi.test', password)
    const found = await api(adminUrl, 'GET', `/api/tenants?where[slug][equals]=${town.slug}&depth=0`, {
      token: admin,
    })
    const settings = found.body.docs[0] as {
      smsUnitPriceYen?: number | null
      lineFreeQuota?: number | null
      lineYenPerMessage?: number | null
      channels?: string[] | null
    }
    const page = await signedIn(`staff.${town.slug}@yorisoi.test`)
    await showPeriod(page)
    expect(await page.locator('[data-yorisoi-dashboard]').innerText()).toContain(
      `${period.from}〜${period.to}・${town.name}`,
    )
    const costColumns = await page
      .locator('table[data-table="cost-per-month"] thead th')
      .evaluateAll((cells) => cells.map((cell) => (cell.textContent ?? '').split(' / ')[0]!.trim()))
    const expected = expectedTables(await monthFromD1(), {
      smsYen: settings.smsUnitPriceYen ?? smsPricePerSegment.yen,
      lineFreeQuota: settings.lineFreeQuota ?? null,
      lineYen: settings.lineYenPerMessage ?? 0,
      costColumns,
      offered: settings.channels ?? [],
    })
    const shown = await readTables(page)
    // A survey reads its title where the CMS knows it, else its contract id.
    const [surveyRow] = shown['survey-responses'] ?? []
    expect([`${surveyTitle} v1`, expected['survey-responses']![0]![0]]).toContain(surveyRow?.[0])
    expected['survey-responses']![0]![0] = surveyRow![0]!
    for (const [key, rows] of Object.entries(expected)) expect(shown[key], key).toEqual(rows)
    // Each question's answers under its own words, not its id.
    expect(await page.locator('table[data-table$="-q1"] caption').first().innerText()).toContain(
      `問1「${surveyQuestion}」`,
    )
    // Each chart is drawn over its table (the registrations never confirmed have a table only).
    for (const key of Object.keys(expected).filter((k) => k !== 'unconfirmed'))
      expect(
        await page.locator(`[data-chart="${key}"] + .table table[data-table="${key}"]`).count(),
        key,
      ).toBe(1)
    const { violations } = await new AxeBuilder({ page })
      .include(content)
      .exclude('.dashboard-breadcrumb-select')
      .analyze()
    const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(severe.map((v) => `${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
    await page.context().close()
  })

  it("shows another town's staff none of it, even when they name the town", async () => {
    const admin = await signIn(adminUrl, 'admin@yorisoi.test', password)
    const found = await api(adminUrl, 'GET', `/api/tenants?where[slug][equals]=${town.slug}&depth=0`, {
      token: admin,
    })
    const page = await signedIn('staff.sorairo-town@yorisoi.test')
    await page.goto(`${adminUrl}/admin?from=${period.from}&to=${period.to}&tenant=${found.body.docs[0].id}`)
    const dashboard = page.locator('[data-yorisoi-dashboard]')
    expect(await dashboard.innerText()).not.toContain(town.name)
    const shown = await readTables(page)
    const figures = [
      ...['sends', 'outcomes', 'reading-by-channel', 'residents-by-stage', 'stops'].flatMap((key) =>
        (shown[key] ?? []).flatMap((row) => row.slice(1)),
      ),
      // SMS segments, yen, LINE and emails sent, families (not the town's price and quota).
      ...(shown['cost-per-month'] ?? []).flatMap((row) => [row[2], row[4], row[5], row[8], row[9]]),
    ]
    expect(figures.length).toBeGreaterThan(0)
    expect(figures.filter((cell) => !['0', '—'].includes(cell ?? ''))).toEqual([])
    const csv = await page.evaluate(
      async ([from, to, tenant]) =>
        (await fetch(`/api/dashboard/csv?table=sends&from=${from}&to=${to}&tenant=${tenant}`)).text(),
      [period.from, period.to, String(found.body.docs[0].id)] as const,
    )
    expect(csv).not.toMatch(/,[1-9]\d*\r?\n/)
    await page.context().close()
  })
})

interface Month {
  subscribers: {
    id: string
    audience: string
    channel: string
    language: string
    state: string
    createdAt: string
    stoppedAt: string | null
    stopReason: string | null
    due: string | null
    birth: string | null
  }[]
  deliveries: {
    date: string
    kind: string
    channel: string
    state: string
    attempts: number
    segments: number
    subscriber: string
    opened: number
    clicked: number
  }[]
  answers: { survey: string; version: number; question: string; value: string; date: string }[]
  responses: { survey: string; version: number; date: string }[]
  /** SMS texts with no delivery row: the codes (and any confirm link or notice to an owner). */
  texts: { at: string; text: string }[]
  consultations: number
  resolutions: number
  deadLetters: number
}

// The dashboard's words for what it counts, Japanese half (the tables' first cells).
const stages = ['妊娠前期', '妊娠中期', '妊娠後期', '0〜100日', '〜1歳', '〜2歳', '〜3歳']
const channels: Record<string, string> = { email: 'メール', sms: 'SMS', line: 'LINE' }
const reasons = {
  moved: '転出',
  enough: '十分',
  'too-many': '多すぎる',
  'not-useful': '役に立たない',
  other: 'その他',
  'not-given': '回答なし',
} as const
const audiences = ['primary', 'partner', 'family']

/** A count about residents as staff may see it: 1 to 4 reads 「5未満」. */
const small = (n: number) => (n > 0 && n < 5 ? '5未満' : String(n))
const rate = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 1000) / 10}%` : '—')
const count = <T>(rows: readonly T[], keep: (row: T) => boolean) => rows.filter(keep).length
const total = <T>(rows: readonly T[], of: (row: T) => number) => rows.reduce((n, row) => n + of(row), 0)
const tokyoDay = (instant: string) => new Date(Date.parse(instant) + 9 * 3_600_000).toISOString().slice(0, 10)
const daysFrom = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000)

/** Counted here, not with the edge's code: a resident's stage (the index in `stages`) on a date. */
function stageOn(r: { due: string | null; birth: string | null }, date: string): number | null {
  if (r.birth && r.birth <= date) {
    if (daysFrom(r.birth, date) <= 100) return 3
    for (const years of [1, 2, 3]) if (date < addYears(r.birth, years)) return 3 + years
    return null
  }
  if (!r.due) return null
  const gestationalDay = 280 - daysFrom(date, r.due)
  return gestationalDay <= 97 ? 0 : gestationalDay <= 195 ? 1 : 2
}

/** Every table the dashboard shows for the month, as its rows should read. */
function expectedTables(
  month: Month,
  prices: {
    smsYen: number
    lineFreeQuota: number | null
    lineYen: number
    costColumns: string[]
    /** The channels the town offers (its CMS settings). */
    offered: string[]
  },
) {
  const { subscribers, deliveries, answers } = month
  const inPeriod = (date: string) => date >= period.from && date <= period.to
  // The codes by SMS, each on its Tokyo day, with the segments the town pays for.
  const codes = month.texts.map((t) => ({ date: tokyoDay(t.at), segments: measureSms(t.text).segments }))
  // A channel the town offers, or one the table counts something on.
  const listed = (channel: string, counted: number) => prices.offered.includes(channel) || counted > 0
  // Only what this file's month makes: anything else would need its own expectation.
  expect(new Set(deliveries.map((d) => d.state))).toEqual(new Set(['sent', 'flagged']))
  const registered = subscribers.filter(
    (s) => tokyoDay(s.createdAt) >= period.from && tokyoDay(s.createdAt) <= period.to,
  )
  const residentsOn = (date: string) =>
    subscribers.filter(
      (s) =>
        s.state !== 'pending' &&
        tokyoDay(s.createdAt) <= date &&
        !(s.state === 'stopped' && s.stoppedAt && tokyoDay(s.stoppedAt) <= date) &&
        stageOn(s, date) !== null,
    )
  const atEnd = residentsOn(period.to)
  const sent = deliveries.filter((d) => d.state === 'sent' && d.kind !== 'staff')
  const program = sent.filter((d) => d.kind === 'program')
  const stageOf = (d: Month['deliveries'][number]) =>
    stageOn(subscribers.find((s) => s.id === d.subscriber)!, d.date)
  const reading = (label: string, rows: typeof program) => {
    const opened = count(rows, (d) => d.opened === 1)
    const clicked = count(rows, (d) => d.clicked === 1)
    return [
      label,
      String(rows.length),
      String(opened),
      String(clicked),
      rate(opened, rows.length),
      rate(clicked, rows.length),
    ]
  }
  const dates = Array.from({ length: daysFrom(period.from, period.to) + 1 }, (_, i) =>
    addDays(period.from, i),
  )
  const months = [...new Set(dates.map((d) => d.slice(0, 7)))]
  const surveys = [...new Set(answers.map((a) => `${a.survey} v${a.version}`))].sort()
  const questionsOf = (survey: string) =>
    [...new Set(answers.filter((a) => `${a.survey} v${a.version}` === survey).map((a) => a.question))].sort()
  const answersTo = (survey: string, question: string) =>
    answers.filter((a) => `${a.survey} v${a.version}` === survey && a.question === question)

  // Sends and outcomes list the same channels: offered, or with a delivery or a code in the period.
  const sendChannels = Object.keys(channels).filter((c) =>
    listed(
      c,
      count(deliveries, (d) => d.channel === c && d.kind !== 'staff' && inPeriod(d.date)) +
        (c === 'sms' ? count(codes, (t) => inPeriod(t.date)) : 0),
    ),
  )
  const tables: Record<string, string[][]> = {
    'registrations-per-week': dates
      .filter((_, i) => i % 7 === 0)
      .map((start) => {
        const end = [addDays(start, 6), period.to].sort()[0]!
        const inWeek = registered.filter(
          (s) => tokyoDay(s.createdAt) >= start && tokyoDay(s.createdAt) <= end,
        )
        return [
          `${start}〜${end}`,
          small(count(inWeek, (s) => s.state !== 'pending')),
          small(count(inWeek, (s) => s.state === 'pending')),
        ]
      }),
    'residents-by-stage': stages.map((stage, i) => {
      const byAudience = audiences.map((a) =>
        count(atEnd, (s) => stageOn(s, period.to) === i && s.audience === a),
      )
      const all = total(byAudience, (n) => n)
      const hidden = total(
        byAudience.filter((n) => small(n) !== String(n)),
        (n) => n,
      )
      // A total that would give away its small cells (what they add up to is below 5) reads 「—」.
      const shownTotal = small(all) === String(all) && small(hidden) !== String(hidden) ? '—' : small(all)
      return [stage, ...byAudience.map(small), shownTotal]
    }),
    'residents-by-channel': Object.entries(channels)
      .filter(([c]) => atEnd.some((s) => s.channel === c))
      .map(([c, word]) => [word, small(count(atEnd, (s) => s.channel === c))]),
    'residents-by-language': [...new Set(atEnd.map((s) => s.language))]
      .sort()
      .map((tag) => [languageLabels[tag]!.ja, small(count(atEnd, (s) => s.language === tag))]),
    sends: dates.map((date) => {
      const byChannel = sendChannels.map(
        (c) =>
          count(sent, (d) => d.date === date && d.channel === c) +
          (c === 'sms' ? count(codes, (t) => t.date === date) : 0),
      )
      return [date, ...byChannel.map(String), String(total(byChannel, (n) => n))]
    }),
    outcomes: sendChannels.map((c) => {
      const word = channels[c] ?? c
      const of = deliveries.filter(
        (d) => d.channel === c && d.kind !== 'staff' && d.date >= period.from && d.date <= period.to,
      )
      return [
        word,
        String(
          count(of, (d) => d.state === 'sent') + (c === 'sms' ? count(codes, (t) => inPeriod(t.date)) : 0),
        ),
        '0',
        String(count(of, (d) => d.state === 'flagged' && d.attempts === 0)),
        String(count(of, (d) => d.state === 'flagged' && d.attempts > 0)),
      ]
    }),
    flagged: [
      ['未対応', String(count(deliveries, (d) => d.kind === 'program' && d.state === 'flagged'))],
      ['対応済み', String(month.resolutions)],
      ['再試行切れのバッチ', String(month.deadLetters)],
    ],
    stops: Object.entries(reasons).map(([reason, word]) => [
      word,
      small(count(subscribers, (s) => s.state === 'stopped' && (s.stopReason ?? 'not-given') === reason)),
    ]),
    unconfirmed: Object.entries(channels)
      .filter(([c]) =>
        listed(
          c,
          count(registered, (s) => s.channel === c),
        ),
      )
      .map(([c, word]) => {
        const started = count(registered, (s) => s.channel === c)
        const never = count(registered, (s) => s.channel === c && s.state === 'pending')
        return [
          word,
          small(started),
          small(never),
          small(never) === String(never) && small(started) === String(started) ? rate(never, started) : '—',
        ]
      }),
    'reading-by-stage': stages.map((stage, i) =>
      reading(
        stage,
        program.filter((d) => stageOf(d) === i),
      ),
    ),
    'reading-by-channel': Object.entries(channels)
      .filter(([c]) =>
        listed(
          c,
          count(program, (d) => d.channel === c),
        ),
      )
      .map(([c, word]) =>
        reading(
          word,
          program.filter((d) => d.channel === c),
        ),
      ),
    // The residents who answered, however many options they chose.
    'survey-responses': surveys.map((survey) => [
      survey,
      small(count(month.responses, (r) => `${r.survey} v${r.version}` === survey && inPeriod(r.date))),
    ]),
    'cost-per-month': months.map((m) => {
      const of = sent.filter((d) => d.date.startsWith(m))
      const segments =
        total(
          of.filter((d) => d.channel === 'sms'),
          (d) => d.segments,
        ) +
        total(
          codes.filter((t) => t.date.startsWith(m) && inPeriod(t.date)),
          (t) => t.segments,
        )
      const smsYen = Math.round(segments * prices.smsYen)
      const line = count(of, (d) => d.channel === 'line')
      const beyond = prices.lineFreeQuota === null ? 0 : Math.max(0, line - prices.lineFreeQuota)
      const lineYen = Math.round(beyond * prices.lineYen)
      const monthEnd = dates.filter((d) => d.startsWith(m)).at(-1)!
      const families = count(residentsOn(monthEnd), (s) => s.audience === 'primary')
      // Each column by its heading: the SMS-only cost per family is the total one without LINE.
      const cell: [string, string][] = [
        ['月', m],
        ['自治体', town.name],
        ['SMS通数', String(segments)],
        ['SMS単価', String(prices.smsYen)],
        ['SMS費用', String(smsYen)],
        ['LINE通数', String(line)],
        ['LINE無料通数', prices.lineFreeQuota === null ? '無制限 / Unlimited' : String(prices.lineFreeQuota)],
        ['LINE超過', String(beyond)],
        ['LINE費用', String(lineYen)],
        ['メール通数', String(count(of, (d) => d.channel === 'email'))],
        ['費用計', String(smsYen + lineYen)],
        ['登録家族', small(families)],
        [
          '1家族あたり',
          small(families) === String(families) && families > 0
            ? String(Math.round(((smsYen + lineYen) / families) * 10) / 10)
            : '—',
        ],
      ]
      return prices.costColumns.map(
        (column) =>
          cell.find(([heading]) => column.startsWith(heading))?.[1] ?? `no expectation for ${column}`,
      )
    }),
    consultations: [
      ['受付', String(month.consultations)],
      ['緊急', '0'],
      ['1営業日以内に回答', '0'],
      ['1営業日以内の回答率', rate(0, month.consultations)],
    ],
  }
  for (const survey of surveys)
    for (const question of questionsOf(survey)) {
      // In the survey's order (c1, c2), each under the label staff wrote.
      const values = [...new Set(answersTo(survey, question).map((a) => a.value))].sort()
      tables[`survey-${survey}-${question}`.replace(/[^\w-]+/g, '-')] = values.map((value) => [
        surveyChoices[Number(value.slice(1)) - 1] ?? value,
        small(count(answersTo(survey, question), (a) => a.value === value)),
      ])
    }
  return tables
}
