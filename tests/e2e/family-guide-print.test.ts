import type { Browser } from 'playwright-core'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GuidePanel } from '../../cms/workspace/family/GuidePanel'
import { addDays } from '../../shared/calendar'
import { type HouseholdGuide, householdGuide } from '../../shared/contract'
import { launchBrowser } from '../support/browser'

// The fullest guide two weeks can hold: a message every day for two readers, long subjects and
// topics, and the town's entries in both weeks.
const from = '2027-01-04'
const entry = (id: string) => ({
  id,
  kind: 'checkup',
  title: '妊娠8か月面談のご案内（保健センター、予約制、母子健康手帳をお持ちください）',
  url: 'https://sakura.example.jp/kosodate/mensetsu',
  phone: '03-1234-5678',
})
const fullest: HouseholdGuide = householdGuide.parse({
  household: 't-print',
  stage: { stage: 'pregnancy', label: '妊娠28週0日（8か月） / 28w0d pregnant (month 8)' },
  from,
  to: addDays(from, 13),
  readers: [
    { nickname: 'ひまわり', audience: 'primary', language: 'ja', state: 'active' },
    { nickname: 'たいよう', audience: 'partner', language: 'ja', state: 'active' },
  ],
  weeks: (['this', 'next'] as const).map((week, w) => ({
    week,
    from: addDays(from, w * 7),
    to: addDays(from, w * 7 + 6),
    days: Array.from({ length: 7 }, (_, i) => ({
      date: addDays(from, w * 7 + i),
      sends: [
        {
          slot: `pregnancy/${196 + w * 7 + i}`,
          track: 'pregnancy',
          label: '妊娠28週0日 / 28 weeks 0 days pregnant',
          unit: '妊娠28週0日（妊娠8か月）',
          messages: ['primary', 'partner'].map((audience) => ({
            audience,
            language: 'ja',
            subject: '今日のお便り：からだの変化と過ごし方',
            topics: ['面談', '体調', '睡眠', '仕事と休み'],
          })),
        },
      ],
    })),
    localEntries: [entry(`a-${week}`), entry(`b-${week}`)],
  })),
  manifestId: 'manifest-0001',
})

// Payload's admin around the view: a navigation column taller than a page, a header, the title.
const page = (guide: string) => `<!doctype html><html lang="ja"><body>
  <div class="template-default" style="display:grid;grid-template-columns:240px 1fr">
    <nav class="nav" style="height:2000px">ナビゲーション / Navigation</nav>
    <div class="template-default__wrap" style="padding:40px">
      <header class="app-header">管理画面 / Admin</header>
      <div class="gutter"><h1>面談ガイド / Interview guide</h1>${guide}</div>
    </div>
  </div></body></html>`

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('the interview guide on paper', () => {
  it('prints on one A4 page without the admin around it or the print button', async () => {
    const tab = await (await browser.newContext({ locale: 'ja-JP' })).newPage()
    await tab.setContent(
      page(
        renderToStaticMarkup(
          createElement(GuidePanel, { guide: fullest, familyHref: '/admin/family/t-print' }),
        ),
      ),
    )
    await expect(tab.getByRole('button', { name: '印刷する / Print' }).isVisible()).resolves.toBe(true)

    await tab.emulateMedia({ media: 'print' })
    const shown = (selector: string) =>
      tab
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).display !== 'none')
    expect(await shown('nav')).toBe(false)
    expect(await shown('header')).toBe(false)
    expect(await shown('h1')).toBe(false)
    expect(await shown('button')).toBe(false)
    expect(await shown('.family-guide')).toBe(true)
    expect(await tab.locator('.family-guide tr[data-date]').count()).toBe(14)

    const pdf = (await tab.pdf({ preferCSSPageSize: true })).toString('latin1')
    expect(pdf.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1)
    // A4 (210 × 297 mm) in points, as the guide's @page asks.
    const box = pdf.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/)
    expect([Math.round(Number(box?.[1])), Math.round(Number(box?.[2]))]).toEqual([595, 842])
  })
})
