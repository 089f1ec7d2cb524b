import type { AdminViewServerProps, Payload } from 'payload'
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { ResidentPreviewView } from '../../cms/preview/ResidentPreviewView'
import { residentPreview } from '../../cms/preview/residentPreview'
import { standardProgram } from '../../shared/program'
import { type Cms, startCms } from './support/cms'
import { lexical, messageData } from './support/content'
import { createWorld, type World } from './support/people'
import { makePublishable } from './support/publishable-tenant'

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
  await payload.update({
    collection: 'tenants',
    id: world.tenantA.id,
    data: {
      postalAddress: '〒105-8511 東京都港区芝公園1-5-25',
      prefecture: '東京都',
      channels: ['email', 'sms', 'line'],
      senderNames: { email: '港区 子育て応援メール', sms: 'MINATO', line: '港区' },
      senders: { fromAddress: 'kosodate@example.jp', lineBasicId: '@minato' },
      branding: { color: '#336699' },
      desk: {
        name: '子ども家庭支援センター',
        phone: '03-1234-5678',
        hours: '平日 9:00–17:00',
        email: 'desk@example.jp',
      },
      privacyNotice: { url: 'https://www.example.lg.jp/privacy', version: '1' },
    },
  })
})
afterAll(() => cms?.stop())

it('shows what a resident gets that day on each channel: approved text only', async () => {
  // Due 2027-03-01; on 2026-08-16 the pregnancy is at day 280 − 197 = 83 (11w6d).
  const message = await payload.create({
    collection: 'messages',
    data: messageData('pregnancy/83', {
      subject: '今日のお便り',
      body: lexical('つわりがつらい時期です。'),
      shortText: '{{nickname}}さん、今日のお便りです',
    }),
    overrideAccess: false,
    user: world.users.editor,
  })
  const request = {
    user: world.users.editor,
    tenantId: world.tenantA.id,
    date: '2026-08-16',
    due: '2027-03-01',
    nickname: 'はな',
  }

  const before = await residentPreview(payload, request, { standard: standardProgram })
  expect(before.ok).toBe(true)
  expect(JSON.stringify(before)).not.toContain('つわりがつらい時期です')

  await payload.update({
    collection: 'messages',
    id: message.id,
    data: { reviewState: 'in-review' },
    overrideAccess: false,
    user: world.users.editor,
  })
  await payload.update({
    collection: 'messages',
    id: message.id,
    data: { reviewState: 'approved' },
    overrideAccess: false,
    user: world.users.supervisor,
  })
  await payload.update({
    collection: 'messages',
    id: message.id,
    data: { body: lexical('未承認の書きかけ') },
    overrideAccess: false,
    user: world.users.editor,
  })

  const preview = await residentPreview(payload, request, { standard: standardProgram })
  if (!preview.ok || preview.nothingToday) throw new Error(JSON.stringify(preview))
  expect(preview.email.text).toContain('つわりがつらい時期です。')
  expect(preview.email.text).not.toContain('未承認の書きかけ')
  expect(preview.email.html).toContain('〒105-8511')
  expect(preview.sms).toMatchObject({
    text: expect.stringContaining('はなさん、今日のお便りです'),
    segments: expect.any(Number),
  })
  expect('texts' in preview.line && preview.line.texts.join('\n')).toContain('つわりがつらい時期です。')
})

it('shows the email in a sandboxed iframe: no scripts, no same-origin access to the admin', async () => {
  const message = await payload.create({
    collection: 'messages',
    data: messageData('pregnancy/84'),
    overrideAccess: false,
    user: world.users.editor,
  })
  for (const [reviewState, user] of [
    ['in-review', world.users.editor],
    ['approved', world.users.supervisor],
  ] as const) {
    await payload.update({
      collection: 'messages',
      id: message.id,
      data: { reviewState },
      overrideAccess: false,
      user,
    })
  }
  const props = {
    initPageResult: { req: { payload, user: world.users.editor } },
    searchParams: { tenant: String(world.tenantA.id), date: '2026-08-17', due: '2027-03-01' },
    programs: { standard: standardProgram },
  } as unknown as AdminViewServerProps & { programs: Record<string, typeof standardProgram> }
  const html = renderToStaticMarkup(await ResidentPreviewView(props))
  const iframes = html.match(/<iframe[^>]*>/g) ?? []
  expect(iframes.length).toBeGreaterThan(0)
  for (const iframe of iframes) expect(iframe).toMatch(/ sandbox=""/)
})

it('shows staff only their own town: another town is neither listed nor composed', async () => {
  await makePublishable(payload, world.tenantB.id, 'setagaya')
  await payload.create({
    collection: 'local-support',
    data: {
      title: '世田谷の妊婦教室',
      body: '区民会館で開きます。',
      kind: 'event',
      language: 'ja',
      audiences: ['primary'],
      window: { unit: 'pregnancy-month', from: 2, to: 10 },
      tenant: world.tenantB.id,
      state: 'published',
    },
  })
  const message = await payload.create({
    collection: 'messages',
    data: messageData('pregnancy/85'),
    overrideAccess: false,
    user: world.users.editor,
  })
  for (const [reviewState, user] of [
    ['in-review', world.users.editor],
    ['approved', world.users.supervisor],
  ] as const) {
    await payload.update({
      collection: 'messages',
      id: message.id,
      data: { reviewState },
      overrideAccess: false,
      user,
    })
  }
  const day = { date: '2026-08-18', due: '2027-03-01' }
  const view = async (who: 'staffA' | 'editor', tenant: number | string) => {
    const props = {
      initPageResult: { req: { payload, user: world.users[who] } },
      searchParams: { tenant: String(tenant), ...day },
      programs: { standard: standardProgram },
    } as unknown as AdminViewServerProps & { programs: Record<string, typeof standardProgram> }
    return renderToStaticMarkup(await ResidentPreviewView(props))
  }

  // Those who work across towns see town B's delivery, its entry joined in.
  expect(await view('editor', world.tenantB.id)).toContain('世田谷の妊婦教室')

  const theirs = await view('staffA', world.tenantB.id)
  expect(theirs).not.toContain('世田谷の妊婦教室')
  expect(theirs).not.toContain('世田谷')
  expect(theirs).toContain('自治体が見つかりません / Tenant not found')
  const own = await view('staffA', world.tenantA.id)
  expect(own).toContain('港区')
  expect(own).not.toContain('世田谷')
  expect(own).toContain('<iframe')
})

it('carries the town’s number of entries a day, names the resting ones, and gives a translation to its reader', async () => {
  const message = await payload.create({
    collection: 'messages',
    data: messageData('pregnancy/86'),
    overrideAccess: false,
    user: world.users.editor,
  })
  for (const [reviewState, user] of [
    ['in-review', world.users.editor],
    ['approved', world.users.supervisor],
  ] as const)
    await payload.update({
      collection: 'messages',
      id: message.id,
      data: { reviewState },
      overrideAccess: false,
      user,
    })
  await payload.update({ collection: 'tenants', id: world.tenantA.id, data: { entriesPerMessage: 2 } })
  for (const [title, priority] of [
    ['港区の両親学級', 'high'],
    ['港区の妊婦健診', 'normal'],
    ['港区の歯科健診', 'normal'],
    ['港区の育児相談', 'normal'],
  ] as const)
    await payload.create({
      collection: 'local-support',
      data: {
        title,
        body: `${title}のご案内です。`,
        kind: 'event',
        language: 'ja',
        audiences: ['primary'],
        window: { unit: 'pregnancy-month', from: 2, to: 10 },
        tenant: world.tenantA.id,
        state: 'published',
        priority,
        translations:
          priority === 'high'
            ? [{ language: 'vi', title: 'Lớp học cha mẹ', body: 'Lớp học cho cha mẹ.' }]
            : [],
      },
    })
  const request = {
    user: world.users.editor,
    tenantId: world.tenantA.id,
    date: '2026-08-19',
    due: '2027-03-01',
  }
  const preview = await residentPreview(payload, request, { standard: standardProgram })
  if (!preview.ok || preview.nothingToday) throw new Error(JSON.stringify(preview))
  expect(preview.entries.shown.map((e) => e.title)).toContain('港区の両親学級')
  expect(preview.entries.shown).toHaveLength(2)
  expect(preview.entries.resting).toHaveLength(2)
  expect(preview.email.text).not.toContain(preview.entries.resting[0]!.title)

  await payload.update({
    collection: 'tenants',
    id: world.tenantA.id,
    data: { languages: ['ja', 'vi'], languageFallback: ['ja'] },
  })
  const vi = await residentPreview(payload, { ...request, language: 'vi' }, { standard: standardProgram })
  if (!vi.ok || vi.nothingToday) throw new Error(JSON.stringify(vi))
  expect(vi.entries.shown.map((e) => e.title)).toContain('Lớp học cha mẹ')
})
