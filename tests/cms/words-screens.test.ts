import type { AdminViewServerProps, Payload } from 'payload'
import { createElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { defaultLanguages } from '../../cms/plugin/languages'
import { defaultSlugs } from '../../cms/plugin/slugs'
import { CoverageView } from '../../cms/plugin/views/CoverageView'
import { ResidentPreviewView } from '../../cms/preview/ResidentPreviewView'
import { PublishPanel, type PublishPanelProps } from '../../cms/publish/view/PublishPanel'
import { publishQuestion, scopeNames } from '../../cms/publish/view/words'
import { standardProgram } from '../../shared/program'
import { type Cms, startCms } from './support/cms'
import { createWorld, type World } from './support/people'

// The project's own screens in a Japanese admin: days, audiences and languages in words (妊娠4週0日,
// 本人, 日本語), never the codes pregnancy/28, primary, ja on their own; each language its own sentence.

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
  await payload.update({
    collection: 'tenants',
    id: world.tenantA.id,
    data: { languages: ['ja', 'en'], languageFallback: ['ja'] },
  })
})
afterAll(() => cms?.stop())

const textOf = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ')

describe('the coverage screen', () => {
  it('names each day, audience and language in words, the code only beside the day', async () => {
    const props = {
      initPageResult: { req: { payload, user: world.users.editor } },
      searchParams: { tenant: String(world.tenantA.id) },
      slugs: defaultSlugs,
      programs: { standard: standardProgram },
      languages: defaultLanguages,
    } as unknown as Parameters<typeof CoverageView>[0] & AdminViewServerProps
    const html = renderToStaticMarkup(await CoverageView(props))
    // The settings line, the summary and the column heads, then the first day's row (not thousands of cells).
    const head = textOf(html.slice(0, html.lastIndexOf('<tbody>')))
    const start = html.lastIndexOf('<tbody>') + '<tbody>'.length
    const firstRow = html.slice(start, html.indexOf('</td>', start) + '</td>'.length)
    expect(head).toContain('標準プログラム')
    expect(head).toContain('言語 / languages 日本語、英語')
    expect(head).toContain('本人（妊娠中の方・主な養育者）・日本語')
    expect(head).toContain('家族・英語')
    expect(head).toContain('英語 家族 542')
    expect(head).not.toMatch(/primary|family|standard/)
    expect(firstRow).toBe('<tr><td>妊娠4週0日 <small>pregnancy/28</small></td>')
  })
})

describe('the resident preview', () => {
  it('offers audiences and languages by name', async () => {
    const props = {
      initPageResult: { req: { payload, user: world.users.editor } },
      searchParams: { tenant: String(world.tenantA.id) },
      programs: { standard: standardProgram },
    } as unknown as AdminViewServerProps & { programs: Record<string, typeof standardProgram> }
    const html = renderToStaticMarkup(await ResidentPreviewView(props))
    expect(html).toMatch(/<option value="primary"[^>]*>本人（妊娠中の方・主な養育者）<\/option>/)
    expect(html).toContain('<option value="partner">パートナー</option>')
    expect(html).toContain('<option value="family">家族</option>')
    expect(html).toMatch(/<option value="ja"[^>]*>日本語<\/option>/)
    expect(html).not.toMatch(/>(primary|partner|family)</)
  })
})

describe('the publish screen', () => {
  it('asks before publishing in two sentences, not "全国コンテンツ / National contentを公開しますか？"', () => {
    expect(publishQuestion(scopeNames.national, false)).toBe(
      '「全国コンテンツ」を公開しますか？ / Publish National content?',
    )
    expect(publishQuestion({ ja: '港区', en: 'Minato City' }, true)).toBe(
      'メッセージのない日がありますが、「港区」を公開しますか？ / Some days have no message. Publish Minato City anyway?',
    )
  })

  it('says what each publication was and which days and language have no message, in words', () => {
    const props: PublishPanelProps = {
      scopes: [{ value: 'national', label: '全国コンテンツ / National content', name: scopeNames.national }],
      current: { value: 'national', label: '全国コンテンツ / National content', name: scopeNames.national },
      preview: {
        ok: true,
        edgeProblem: null,
        problems: [],
        gaps: [{ tenant: 'minato', language: 'en', missing: ['pregnancy/28', 'newborn/3'] }],
        liveManifestId: 'pub-1',
        counts: {},
        diff: {
          messages: { added: [], changed: [], removed: [] },
          entries: { added: [], changed: [], removed: [] },
        },
      } as unknown as PublishPanelProps['preview'],
      changes: null,
      published: null,
      history: {
        ok: true,
        entries: [
          {
            id: 1,
            manifestId: 'pub-1',
            previousManifestId: null,
            action: 'publish',
            activatedAt: '2026-11-22T01:00:00.000Z',
            actor: { id: '1', name: 'admin@example.jp' },
            available: true,
            publication: { id: 1, scope: 'national', tenant: null, state: 'active' },
            canRollBack: false,
          },
        ],
      } as unknown as PublishPanelProps['history'],
      api: '/api/publications',
      viewPath: '/admin/publish',
    }
    const html = renderToStaticMarkup(createElement(PublishPanel, props))
    const text = textOf(html)
    expect(html).toContain('<td>全国コンテンツ / National content</td>')
    expect(html).not.toContain('<td>national</td>')
    expect(text).toContain('minato ・ 英語: 2日 / days（妊娠4週0日、生後3日）')
    expect(text).not.toContain('pregnancy/28')
  })
})
