import type { AdminViewServerProps, Payload } from 'payload'
import { createElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { defaultLanguages } from '../../cms/plugin/languages'
import { defaultSlugs } from '../../cms/plugin/slugs'
import { CoverageView } from '../../cms/plugin/views/CoverageView'
import { coverage, coverageSummary } from '../../cms/plugin/views/coverage'
import { coverageSettings } from '../../cms/plugin/views/coverageSettings'
import { ReviewText } from '../../cms/plugin/views/ReviewText'
import { reviewQueue } from '../../cms/plugin/views/reviewQueue'
import { allSendSlots, standardProgram } from '../../shared/program'
import { type Cms, startCms } from './support/cms'
import { lexical, messageData } from './support/content'
import { createWorld, type Person, type World } from './support/people'

// The admin chrome needs Next's request context; the view's own markup is what is under test.
vi.mock('../../cms/plugin/views/ViewFrame', () => ({
  ViewFrame: ({ children }: { children: ReactNode }) => children,
}))

let cms: Cms
let payload: Payload
let world: World

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  world = await createWorld(payload)
})
afterAll(() => cms?.stop())

const as = (who: Person) => ({ overrideAccess: false, user: world.users[who] }) as const
const create = (slot: string, data: Record<string, unknown> = {}) =>
  payload.create({ collection: 'messages', data: messageData(slot, data), ...as('editor') })
const setState = (who: Person, id: number | string, reviewState: string) =>
  payload.update({ collection: 'messages', id, data: { reviewState }, ...as(who) })
const approve = async (id: number | string) => {
  await setState('editor', id, 'in-review')
  await setState('supervisor', id, 'approved')
}

describe('review queue', () => {
  it('lists what waits for a supervisor, oldest submission first', async () => {
    const a = await create('newborn/1')
    const b = await create('newborn/2')
    const c = await create('newborn/3')
    await setState('editor', b.id, 'in-review')
    await setState('editor', a.id, 'in-review')
    await setState('editor', c.id, 'in-review')
    await setState('supervisor', a.id, 'approved')

    expect((await reviewQueue(payload, defaultSlugs)).map((item) => item.key)).toEqual([
      'newborn/2 primary ja',
      'newborn/3 primary ja',
    ])
  })
})

describe('review queue text', () => {
  it('shows the text in review and what changed from the live version', async () => {
    const message = await create('newborn/9', {
      subject: '沐浴のこと',
      body: lexical('沐浴は短めに。お湯は38度くらいに。'),
    })
    await approve(message.id)
    await payload.update({
      collection: 'messages',
      id: message.id,
      data: { body: lexical('沐浴は5分ほどで。お湯は38度くらいに。'), reviewState: 'in-review' },
      ...as('editor'),
    })
    const fresh = await create('newborn/10', { subject: '初めての外出' })
    await setState('editor', fresh.id, 'in-review')

    const queue = await reviewQueue(payload, defaultSlugs)
    const changed = queue.find((item) => item.key === 'newborn/9 primary ja')!
    expect(changed.liveVersion).toBe(1)
    expect(changed.text).toContain('沐浴は5分ほどで。')
    const marked = (kind: string) =>
      changed.changes
        .filter((part) => part.kind === kind)
        .map((part) => part.text)
        .join('')
    expect(marked('removed')).toBe('短めに')
    expect(marked('added')).toBe('5分ほどで')
    const markup = renderToStaticMarkup(
      createElement(ReviewText, { liveVersion: changed.liveVersion, changes: changed.changes }),
    )
    expect(markup).toMatch(/<del[^>]*>短めに<\/del>/)
    expect(markup).toMatch(/<ins[^>]*>5分ほどで<\/ins>/)
    const added = queue.find((item) => item.key === 'newborn/10 primary ja')!
    expect(added.liveVersion).toBeNull()
    expect(added.text).toContain('件名 / Subject: 初めての外出')
  })
})

describe('coverage', () => {
  it('shows each slot × audience × language as approved, stale, in review or missing, with what the edge would send', async () => {
    const source = await create('pregnancy/100')
    await approve(source.id)
    const partner = await create('pregnancy/100', { audience: 'partner', subject: 'パートナーの方へ' })
    await setState('editor', partner.id, 'in-review')
    const english = await create('pregnancy/100', {
      language: 'en',
      subject: 'A note for today',
      translationOf: source.id,
    })
    await approve(english.id)
    await payload.update({
      collection: 'messages',
      id: source.id,
      data: { subject: '改訂' },
      ...as('editor'),
    })
    await approve(source.id)

    const cells = await coverage(payload, defaultSlugs, standardProgram, ['ja', 'en'], ['ja'])
    const at = (slot: string, audience: string, language: string) =>
      cells.find((c) => c.slot === slot && c.audience === audience && c.language === language)

    expect(at('pregnancy/100', 'primary', 'ja')).toMatchObject({
      status: 'approved',
      reach: 'own',
      filledBy: null,
    })
    // No approved partner wording anywhere: the primary's would go out only as the last resort, a gap.
    expect(at('pregnancy/100', 'partner', 'ja')).toMatchObject({
      status: 'in-review',
      reach: 'none',
      filledBy: { audience: 'primary', language: 'ja' },
    })
    expect(at('pregnancy/100', 'family', 'ja')).toMatchObject({
      status: 'missing',
      reach: 'none',
      filledBy: { audience: 'primary', language: 'ja' },
    })
    expect(at('pregnancy/100', 'primary', 'en')).toMatchObject({ status: 'stale', reach: 'own' })
    expect(at('pregnancy/100', 'partner', 'en')).toMatchObject({
      status: 'missing',
      reach: 'none',
      filledBy: { audience: 'primary', language: 'en' },
    })
    expect(at('pregnancy/101', 'primary', 'ja')).toMatchObject({
      status: 'missing',
      reach: 'none',
      filledBy: null,
    })
    expect(at('pregnancy/300', 'primary', 'ja')).toBeUndefined()
    // The summary counts the same cells as `yorisoi coverage` does the sample content.
    const partnerJa = coverageSummary(cells).find((r) => r.language === 'ja' && r.audience === 'partner')!
    const mine = cells.filter((c) => c.language === 'ja' && c.audience === 'partner')
    expect(partnerJa).toEqual({
      language: 'ja',
      audience: 'partner',
      slots: mine.length,
      own: mine.filter((c) => c.reach === 'own').length,
      fallback: 0,
      none: mine.filter((c) => c.reach === 'none').length,
    })
    expect(partnerJa.none).toBeGreaterThan(0)
    expect(cells.filter((c) => c.status === 'missing').length).toBeGreaterThan(1000)
  })
})

describe('coverage for a tenant', () => {
  const programs = { standard: standardProgram }
  const settingsOf = async (
    tenant: { id: number | string },
    languages: string[],
    languageFallback: string[],
  ) => {
    await payload.update({ collection: 'tenants', id: tenant.id, data: { languages, languageFallback } })
    return coverageSettings(
      payload,
      world.users.editor,
      defaultSlugs,
      programs,
      defaultLanguages,
      String(tenant.id),
    )
  }
  const cellsFor = async (settings: Awaited<ReturnType<typeof coverageSettings>>) => {
    const cells = await coverage(
      payload,
      defaultSlugs,
      settings.program,
      settings.languages,
      settings.fallbackLanguages,
    )
    return (slot: string, audience: string, language: string) =>
      cells.find((c) => c.slot === slot && c.audience === audience && c.language === language)
  }

  it("counts a slot as covered when the tenant's own fallback order reaches an approved message", async () => {
    const both = await create('pregnancy/120')
    await approve(both.id)
    const english = await create('pregnancy/120', { language: 'en', subject: 'Note', translationOf: both.id })
    await approve(english.id)
    const onlyJapanese = await create('pregnancy/121')
    await approve(onlyJapanese.id)

    // Vietnamese offered, English before Japanese.
    const a = await settingsOf(world.tenantA, ['ja', 'en', 'vi'], ['en', 'ja'])
    expect(a).toMatchObject({ languages: ['ja', 'en', 'vi'], fallbackLanguages: ['en', 'ja'] })
    let at = await cellsFor(a)
    expect(at('pregnancy/120', 'primary', 'vi')).toMatchObject({
      status: 'missing',
      reach: 'fallback',
      covered: true,
      filledBy: { audience: 'primary', language: 'en' },
    })
    // A partner is never counted as reached by the pregnant person's wording.
    expect(at('pregnancy/120', 'partner', 'vi')).toMatchObject({
      reach: 'none',
      covered: false,
      filledBy: { audience: 'primary', language: 'en' },
    })
    expect(at('pregnancy/121', 'primary', 'vi')).toMatchObject({
      covered: true,
      filledBy: { audience: 'primary', language: 'ja' },
    })
    expect(at('pregnancy/122', 'primary', 'vi')).toMatchObject({
      status: 'missing',
      covered: false,
      filledBy: null,
    })
    expect(at('pregnancy/120', 'primary', 'ja')).toMatchObject({
      status: 'approved',
      covered: true,
      filledBy: null,
    })

    // Vietnamese's own order (やさしい日本語, English) comes before the town's Japanese-first order.
    at = await cellsFor(await settingsOf(world.tenantA, ['ja', 'en', 'vi'], ['ja', 'en']))
    expect(at('pregnancy/120', 'primary', 'vi')).toMatchObject({ filledBy: { language: 'en' } })

    // A tenant whose fallback never names Japanese: every chain still ends in it, the source.
    const b = await settingsOf(world.tenantB, ['ja', 'vi'], ['en'])
    at = await cellsFor(b)
    expect(at('pregnancy/121', 'primary', 'vi')).toMatchObject({
      reach: 'fallback',
      filledBy: { language: 'ja' },
    })
    expect(at('pregnancy/120', 'primary', 'vi')).toMatchObject({
      covered: true,
      filledBy: { language: 'en' },
    })
    expect(at('pregnancy/121', 'primary', 'ja')).toMatchObject({ covered: true, filledBy: null })
    expect(at('pregnancy/120', 'primary', 'en')).toBeUndefined()
  })

  it('uses the first program and the source language without a tenant', async () => {
    const national = await coverageSettings(
      payload,
      world.users.editor,
      defaultSlugs,
      programs,
      defaultLanguages,
    )
    expect(national).toMatchObject({
      tenant: null,
      programName: 'standard',
      languages: [...defaultLanguages],
      fallbackLanguages: ['ja'],
    })
    const unknown = await coverageSettings(
      payload,
      world.users.editor,
      defaultSlugs,
      programs,
      defaultLanguages,
      '999999',
    )
    expect(unknown.tenant).toBeNull()
  })
})

describe('coverage view', () => {
  const render = async (who: Person, tenant: number | string) => {
    const props = {
      initPageResult: { req: { payload, user: world.users[who] } },
      searchParams: { tenant: String(tenant) },
      slugs: defaultSlugs,
      programs: { standard: standardProgram },
      languages: defaultLanguages,
    } as unknown as Parameters<typeof CoverageView>[0] & AdminViewServerProps
    const html = renderToStaticMarkup(await CoverageView(props))
    // The town list, the settings line, the summary and the column heads; not the thousands of cells.
    return html.slice(0, html.lastIndexOf('<tbody>'))
  }

  it("shows staff only their own town: another town's name and languages are not shown", async () => {
    await payload.update({
      collection: 'tenants',
      id: world.tenantB.id,
      data: { languages: ['ja', 'ne'], languageFallback: ['ja'] },
    })
    // Those who work across towns see town B under its own languages.
    const editor = await render('editor', world.tenantB.id)
    expect(editor).toContain('世田谷区')
    expect(editor).toContain('本人（妊娠中の方・主な養育者）・ネパール語')

    expect(editor).toContain('言語 / languages 日本語、ネパール語 ・')

    // Staff asking for town B get the national view (every language), never B's settings.
    const staff = await render('staffA', world.tenantB.id)
    expect(staff).toContain('全国 / National')
    expect(staff).not.toContain('言語 / languages 日本語、ネパール語 ・')
    expect(staff).not.toContain('世田谷区')
    expect(await render('staffA', world.tenantA.id)).toContain('港区')
  })

  it('shows the day-by-day table a page of 60 days at a time, the summary still counting every day', async () => {
    const page = async (n?: number) => {
      const props = {
        initPageResult: { req: { payload, user: world.users.editor } },
        searchParams: { tenant: String(world.tenantA.id), ...(n ? { page: String(n) } : {}) },
        slugs: defaultSlugs,
        programs: { standard: standardProgram },
        languages: defaultLanguages,
      } as unknown as Parameters<typeof CoverageView>[0] & AdminViewServerProps
      const html = renderToStaticMarkup(await CoverageView(props))
      const days = html.slice(html.lastIndexOf('<tbody>')).match(/<small>[^<]+<\/small>/g) ?? []
      return { html, days: days.map((d) => d.replace(/<\/?small>/g, '')) }
    }
    const slots = allSendSlots(standardProgram)
    const first = await page()
    expect(first.days).toEqual(slots.slice(0, 60))
    expect(first.html).toContain(`1 / ${Math.ceil(slots.length / 60)} ページ`)
    expect(first.html).toContain(`<td>${slots.length}</td>`)
    expect(first.html).toContain(`href="?tenant=${world.tenantA.id}&amp;page=2"`)
    expect((await page(2)).days).toEqual(slots.slice(60, 120))
    expect((await page(999)).days).toEqual(slots.slice(Math.floor((slots.length - 1) / 60) * 60))
  })
})
