import { exportJWK, generateKeyPair } from 'jose'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { PreviewAnswer } from '../../cms/announcements/preview/answer'
import { announcementPreviewEndpoints } from '../../cms/announcements/preview/endpoints'
import type { AnnouncementRecipient } from '../../shared/announcements/target'
import { slotContext } from '../../shared/program'
import { measureSms, smsPricePerSegment } from '../../shared/sms'
import { type Cms, startCms } from './support/cms'
import { type FakeEdge, startFakeEdge } from './support/fake-edge'
import { createWorld, password, type World } from './support/people'
import { makePublishable } from './support/publishable-tenant'
import { login, rest } from './support/rest'

// The announcement preview through Payload's real HTTP handler on real Postgres: renderings from the
// town's settings, recipients counted by the (fake) edge's staff API behind a signed assertion.

let cms: Cms
let payload: Payload
let world: World
let edge: FakeEdge
const tokens: Record<'nurse' | 'staff', string> = { nurse: '', staff: '' }

const today = new Date().toISOString().slice(0, 10)
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
// 妊娠8か月 (gestational day 196–223) today: due 70 days on.
const eightMonths = slotContext({ from: inDays(-200), due: inDays(70) }, today)
const newborn = slotContext({ from: inDays(-200), due: inDays(-10), birth: { date: inDays(-10) } }, today)
const bereaved = slotContext(
  { from: inDays(-200), due: inDays(100), loss: { date: inDays(-5), reportedOn: inDays(-4) } },
  today,
)
const resident = (channel: AnnouncementRecipient['channel'], over: Partial<AnnouncementRecipient> = {}) =>
  ({
    audience: 'primary',
    language: 'ja',
    channel,
    state: 'active',
    townNotices: true,
    contexts: [eightMonths],
    ...over,
  }) as AnnouncementRecipient

const form = (over: Record<string, unknown> = {}) => ({
  tenant: world.tenantA.id,
  urgent: false,
  texts: [
    {
      id: 'row-1',
      language: 'ja',
      title: '8か月面談のご案内',
      body: '面談の予約を受け付けています。\n\nお電話でどうぞ。<script>alert(1)</script>',
      shortText: '8か月面談の予約を受け付けています。',
    },
    { id: 'row-2', language: 'en', title: 'Book your 8-month talk', body: 'Call us to book.', shortText: '' },
  ],
  target: {
    window: { unit: 'pregnancy-month', from: 8, to: 8 },
    audiences: ['primary'],
    languages: [],
    channels: null,
  },
  url: '',
  ...over,
})

async function preview(who: keyof typeof tokens | null, body: unknown) {
  const answer = await rest(cms.config, 'POST', '/api/announcements/preview', {
    token: who ? tokens[who] : undefined,
    body,
  })
  return { status: answer.status, json: answer.body as unknown as PreviewAnswer }
}

beforeAll(async () => {
  const keys = await generateKeyPair('ES256', { extractable: true })
  edge = await startFakeEdge('fake-edge-token', {
    publicKey: keys.publicKey,
    residents: {
      minato: [
        resident('email'),
        resident('sms'),
        resident('sms', { language: 'en' }),
        resident('line', { contexts: [newborn] }),
        resident('sms', { contexts: [bereaved] }),
        resident('email', { state: 'stopped' }),
      ],
    },
  })
  vi.stubEnv('YORISOI_EDGE_URL', edge.url)
  vi.stubEnv('YORISOI_STAFF_API_PRIVATE_KEY', JSON.stringify(await exportJWK(keys.privateKey)))
  cms = await startCms()
  payload = cms.payload
  // Until the announcements collection mounts them, the endpoints stand where it will.
  if (!payload.collections.announcements)
    payload.config.endpoints.push(
      ...announcementPreviewEndpoints.map((e) => ({ ...e, path: `/announcements${e.path}` })),
    )
  world = await createWorld(payload)
  await makePublishable(payload, world.tenantA.id, 'minato')
  await payload.update({
    collection: 'tenants',
    id: world.tenantA.id,
    overrideAccess: true,
    data: {
      channels: ['email', 'sms', 'line'],
      senderNames: { email: '子育て応援便', sms: 'Minato', line: '港区子育て' },
      senders: { fromAddress: 'yorisoi@minato.example.jp', lineBasicId: '@minato' },
      languages: ['ja', 'en'],
      languageFallback: ['ja'],
    },
  })
  await payload.create({
    collection: 'users',
    data: {
      email: 'nurse-a@example.jp',
      password,
      name: 'nurseA',
      roles: ['nurse'],
      tenants: [{ tenant: world.tenantA.id }],
    },
  })
  tokens.nurse = await login(cms.config, 'nurse-a@example.jp')
  tokens.staff = await login(cms.config, world.users.staffA.email)
})
afterAll(async () => {
  await cms?.stop()
  await edge?.close()
  vi.unstubAllEnvs()
})

describe('the announcement preview', () => {
  it("shows a nurse each language on each of the town's channels, who would receive it now, and the SMS cost", async () => {
    const { status, json } = await preview('nurse', form())
    expect(status).toBe(200)
    if (!json.ok) throw new Error(json.reason)
    expect(json.channels).toEqual(['email', 'sms', 'line'])
    const [ja, en] = json.renderings
    expect(ja?.email?.subject).toBe('【港区からのお知らせ】8か月面談のご案内')
    expect(ja?.email?.html).toContain('お電話でどうぞ。&lt;script&gt;')
    expect(ja?.email?.html).not.toContain('<script>')
    expect(
      ja?.sms?.text.startsWith(
        '【港区からのお知らせ】8か月面談のご案内\n8か月面談の予約を受け付けています。\n',
      ),
    ).toBe(true)
    expect(ja?.sms?.segments).toBe(measureSms(ja!.sms!.text).segments)
    expect(ja?.line?.bubbles[0]).toContain('8か月面談のご案内')
    expect(en?.email?.text.indexOf('Book your 8-month talk')).toBeLessThan(
      en!.email!.text.indexOf('8か月面談のご案内'),
    )
    expect(en?.sms?.text).not.toContain('面談')

    // Three residents at 妊娠8か月 who keep the town's notices: not the newborn, the bereaved or the stopped.
    const recipients = json.recipients
    if (!recipients.ok) throw new Error(recipients.reason)
    expect(recipients.total).toBe(3)
    expect(recipients.byChannel).toEqual({ email: 1, sms: 2, line: 0 })
    expect(recipients.byStage).toEqual([{ stage: 'pregnancy', month: 8, count: 3 }])
    const segments = Math.max(ja!.sms!.segments, en!.sms!.segments)
    expect(json.sms).toEqual({ segments, price: smsPricePerSegment })
    expect(recipients.smsCost).toEqual({
      segments,
      yen: 2 * segments * smsPricePerSegment.yen,
      low: 2 * segments * smsPricePerSegment.low,
      high: 2 * segments * smsPricePerSegment.high,
    })
    expect(edge.announcementPreviews.at(-1)).toMatchObject({ tenant: 'minato', role: 'nurse' })
  })

  it('counts an urgent notice without a window for everyone active, the bereaved too, and offers no stop', async () => {
    const { json } = await preview('nurse', form({ urgent: true, target: { window: null } }))
    if (!json.ok || !json.recipients.ok) throw new Error(JSON.stringify(json))
    expect(json.recipients.total).toBe(5)
    expect(json.recipients.byStage).toContainEqual({ stage: 'loss', count: 1 })
    expect(json.recipients.byStage).toContainEqual({ stage: 'child', month: 0, count: 1 })
    expect(json.renderings[0]?.email?.subject.startsWith('【緊急】')).toBe(true)
    expect(json.renderings[0]?.email?.text).not.toContain('受け取らない')
  })

  it('shows a municipal-staff-only user the renderings, and says the counts need the nurse or desk role', async () => {
    const asked = edge.announcementPreviews.length
    const { status, json } = await preview('staff', form())
    expect(status).toBe(200)
    if (!json.ok) throw new Error(json.reason)
    expect(json.renderings[0]?.email?.subject).toBe('【港区からのお知らせ】8か月面談のご案内')
    expect(json.recipients).toEqual({ ok: false, reason: expect.stringContaining('保健師または子育て窓口') })
    expect(json.recipients.ok === false && json.recipients.reason).toContain('nurse or desk role')
    expect(edge.announcementPreviews.length).toBe(asked)
  })

  it("refuses another town's tenant id, and anyone not signed in", async () => {
    for (const who of ['nurse', 'staff'] as const) {
      const { status, json } = await preview(who, form({ tenant: world.tenantB.id }))
      expect(status).toBe(403)
      expect(json).toEqual({ ok: false, reason: '担当外の自治体です / You do not act for this town' })
    }
    expect((await preview(null, form())).status).toBe(401)
  })

  it('answers bad input with 400 and every problem in Japanese and English', async () => {
    const { status, json } = await preview('nurse', {
      ...form(),
      texts: [{ language: 'en', title: '', body: 'x' }],
      url: 'http://insecure.example.jp',
    })
    expect(status).toBe(400)
    if (json.ok) throw new Error('accepted')
    expect(json.reason).toContain('日本語の文面が必要です / A Japanese text is required')
    expect(json.reason).toContain('https:// で始まる URL にしてください / Use an https:// URL')
    expect(json.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['texts.0.title', 'texts', 'url']))
    const halfWindow = await preview(
      'nurse',
      form({ target: { window: { unit: 'pregnancy-month', from: 8, to: null } } }),
    )
    expect(halfWindow.status).toBe(400)
    expect(halfWindow.json.ok === false && halfWindow.json.reason).toContain(
      '対象期間の開始と終了を入力してください（例: 妊娠6か月〜8か月） / Enter where the window starts and ends',
    )
    expect((await preview('nurse', 'not json')).status).toBe(400)
  })
})
