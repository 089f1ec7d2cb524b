import fc from 'fast-check'
import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { staffTestPrivateKey } from '../support/staff-keys'
import { type Cms, startCms } from './support/cms'
import { messageData } from './support/content'
import { type FakeEdge, scheduledRun, startFakeEdge } from './support/fake-edge'
import { createWorld, password, type World } from './support/people'
import { makePublishable } from './support/publishable-tenant'
import { login } from './support/rest'

// Announcements (お知らせ) through Payload's real HTTP handler on real Postgres: a town's staff
// write, a second person approves, approval publishes the town's part to the fake edge, a nurse
// or the desk cancels at the edge; the edge's ingest and staff routes are a fake in their shapes.

type Who = 'staffA' | 'nurseA' | 'staffB' | 'supervisor' | 'admin'

let cms: Cms
let payload: Payload
let world: World
let edge: FakeEdge
const tokens: Partial<Record<Who, string>> = {}
const ids: Partial<Record<Who, number | string>> = {}

async function call(who: Who, method: string, path: string, body?: unknown) {
  const headers = new Headers({ 'content-type': 'application/json' })
  headers.set('authorization', `JWT ${tokens[who]}`)
  const request = new Request(`http://localhost${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const response = await handleEndpoints({ config: cms.config, request })
  const text = await response.text()
  let json: Record<string, unknown> = {}
  try {
    json = JSON.parse(text)
  } catch {}
  return { status: response.status, text, json }
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

let titles = 0
const announcementData = (overrides: Record<string, unknown> = {}) => ({
  tenant: world.tenantA.id,
  texts: [
    {
      language: 'ja',
      title: `4か月児健診のお知らせ ${++titles}`,
      body: '12月10日に4か月児健診があります。\n\n母子健康手帳をお持ちください。',
    },
  ],
  urgent: false,
  health: false,
  sendAt: inDays(3),
  target: { window: { unit: 'child-month', from: 3, to: 4 }, audiences: ['primary'], channels: ['email'] },
  url: 'https://minato.example.jp/kenshin',
  ...overrides,
})

const doc = (id: number | string) =>
  payload.findByID({ collection: 'announcements', id, depth: 0 }) as Promise<Record<string, unknown>>

async function create(who: Who, overrides: Record<string, unknown> = {}) {
  const answer = await call(who, 'POST', '/api/announcements', announcementData(overrides))
  if (answer.status !== 201) throw new Error(`create failed: ${answer.text}`)
  return (answer.json.doc as { id: number | string }).id
}

async function act(who: Who, id: number | string, action: string, note?: string) {
  const seenAt = String((await doc(id)).updatedAt)
  return call(who, 'POST', `/api/announcements/${id}/workflow`, { action, note, seenAt })
}

const livePart = () =>
  (edge.activePart('minato')?.announcements ?? []) as {
    id: string
    version: number
    sendAt: string
    texts: { title: string }[]
    approval: { by: string }
  }[]
const liveOf = (id: number | string) => livePart().filter((a) => a.id === `ann-${id}`)

beforeAll(async () => {
  edge = await startFakeEdge()
  vi.stubEnv('YORISOI_EDGE_URL', edge.url)
  vi.stubEnv('YORISOI_INGEST_TOKEN', edge.token)
  vi.stubEnv('YORISOI_STAFF_API_PRIVATE_KEY', JSON.stringify(staffTestPrivateKey))
  cms = await startCms()
  payload = cms.payload
  world = await createWorld(payload)
  await makePublishable(payload, world.tenantA.id, 'minato')
  await makePublishable(payload, world.tenantB.id, 'setagaya')
  // A nurse of town A who is also its municipal staff (she publishes the town's part).
  await payload.create({
    collection: 'users',
    data: {
      email: 'nursea@example.jp',
      password,
      name: 'nurseA',
      roles: ['municipal-staff', 'nurse'],
      tenants: [{ tenant: world.tenantA.id }],
    },
  })
  const emails: Record<Who, string> = {
    staffA: world.users.staffA.email,
    nurseA: 'nursea@example.jp',
    staffB: world.users.staffB.email,
    supervisor: world.users.supervisor.email,
    admin: world.users.admin.email,
  }
  await Promise.all(
    (Object.keys(emails) as Who[]).map(async (who) => {
      tokens[who] = await login(cms.config, emails[who])
    }),
  )
  const users = await payload.find({ collection: 'users', pagination: false, depth: 0 })
  for (const who of Object.keys(emails) as Who[])
    ids[who] = users.docs.find((u) => u.email === emails[who])!.id
  // The national part must be live before any town's part.
  const message = await payload.create({
    collection: 'messages',
    data: messageData('pregnancy/30'),
    overrideAccess: false,
    user: world.users.editor,
  })
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
  const national = await call('admin', 'POST', '/api/publications/publish', {
    scope: 'national',
    confirmGaps: true,
  })
  if (national.status !== 200) throw new Error(`national publish failed: ${national.text}`)
})
afterAll(async () => {
  await cms?.stop()
  await edge?.close()
  vi.unstubAllEnvs()
})

describe('approving an announcement', () => {
  it('refuses the author her own approval; a colleague of the town approves it and the town part carries it', async () => {
    const id = await create('staffA')
    expect((await act('staffA', id, 'submit')).status).toBe(200)
    expect((await doc(id)).state).toBe('in-review')

    const own = await act('staffA', id, 'approve')
    expect(own.status).toBe(403)
    expect(own.text).toContain('自分が書いた・変更した・依頼したお知らせは承認できません')
    expect(liveOf(id)).toEqual([])

    const colleague = await act('nurseA', id, 'approve')
    expect(colleague.status).toBe(200)
    expect(colleague.json.published).toBe(true)
    const approved = await doc(id)
    expect(approved.state).toBe('approved')
    expect(String(approved.approvedBy)).toBe(String(ids.nurseA))
    const [live] = liveOf(id)
    expect(live).toMatchObject({
      id: `ann-${id}`,
      version: 1,
      urgent: false,
      texts: [{ language: 'ja', title: approved.title }],
      target: {
        window: { unit: 'child-month', from: 3, to: 4 },
        audiences: ['primary'],
        channels: ['email'],
      },
      url: 'https://minato.example.jp/kenshin',
      approval: { by: 'nurseA', at: approved.approvedAt },
    })
    expect(Date.parse(live!.sendAt)).toBe(Date.parse(String(approved.sendAt)))
  })

  it("keeps another town's announcements out of its staff's sight and hands", async () => {
    const id = await create('staffA')
    await act('staffA', id, 'submit')
    expect((await call('staffB', 'GET', `/api/announcements/${id}`)).status).toBe(404)
    const list = await call('staffB', 'GET', '/api/announcements')
    expect(list.json.totalDocs).toBe(0)
    const approve = await act('staffB', id, 'approve')
    expect(approve.status).toBe(404)
    expect(
      (await call('staffB', 'PATCH', `/api/announcements/${id}`, { url: 'https://evil.example/' })).status,
    ).not.toBe(200)
    expect((await doc(id)).state).toBe('in-review')
    // Nor may they write for a town that is not theirs.
    const foreign = await call('staffB', 'POST', '/api/announcements', announcementData())
    expect(foreign.status).toBe(403)
  })

  it('has health content approved by a medical supervisor only, whose approval publishes the town', async () => {
    const id = await create('staffA', { health: true })
    await act('staffA', id, 'submit')
    const colleague = await act('nurseA', id, 'approve')
    expect(colleague.status).toBe(403)
    expect(colleague.text).toContain('健康・医療の内容は医療監修者が承認します')
    expect(liveOf(id)).toEqual([])

    // The supervisor cannot publish a town's part from the Publish screen, but her approval of
    // its announcement brings it to the edge.
    const supervisor = await act('supervisor', id, 'approve')
    expect(supervisor.status).toBe(200)
    expect(supervisor.json.published).toBe(true)
    expect(await doc(id)).toMatchObject({ state: 'approved', publishOutcome: null })
    expect(liveOf(id)).toHaveLength(1)
    const direct = await call('supervisor', 'POST', '/api/publications/publish', {
      scope: { tenant: world.tenantA.id },
      confirmGaps: true,
    })
    expect(direct.status).toBe(403)
  })

  it('ignores an approval, a state or a version a client posts', async () => {
    const forged = {
      state: 'approved',
      approvedBy: ids.nurseA,
      approverName: 'nurseA',
      approvedAt: new Date().toISOString(),
      version: 9,
      author: ids.nurseA,
    }
    const created = await call('staffA', 'POST', '/api/announcements', { ...announcementData(), ...forged })
    expect(created.status).toBe(201)
    const id = (created.json.doc as { id: number }).id
    const saved = await doc(id)
    expect(saved).toMatchObject({ state: 'draft', approvedBy: null, version: 1 })
    expect(String(saved.author)).toBe(String(ids.staffA))
    await call('staffA', 'PATCH', `/api/announcements/${id}`, forged)
    expect(await doc(id)).toMatchObject({ state: 'draft', approvedBy: null, version: 1 })
    // Texts: Japanese always, and only in the town's languages (town A offers Japanese alone).
    const english = await call('staffA', 'POST', '/api/announcements', {
      ...announcementData(),
      texts: [{ language: 'en', title: 'Checkup', body: 'On 10 December.' }],
    })
    expect(english.status).toBe(400)
    expect(english.text).toContain('日本語の文面が必要です')
    const foreign = await call('staffA', 'POST', '/api/announcements', {
      ...announcementData(),
      texts: [
        { language: 'ja', title: '健診', body: '12月10日です。' },
        { language: 'en', title: 'Checkup', body: 'On 10 December.' },
      ],
    })
    expect(foreign.status).toBe(400)
    expect(foreign.text).toContain('この自治体が使っていない言語です')
    // An approval without a second person is refused, also from the workflow endpoint.
    await act('staffA', id, 'submit')
    expect((await act('staffA', id, 'approve')).status).toBe(403)
  })

  it('sends an edited approved announcement back to 下書き, and locks one that is due', async () => {
    const id = await create('staffA')
    await act('staffA', id, 'submit')
    await act('nurseA', id, 'approve')
    const edited = await call('staffA', 'PATCH', `/api/announcements/${id}`, {
      texts: [{ language: 'ja', title: '4か月児健診の日が変わりました', body: '12月17日になりました。' }],
    })
    expect(edited.status).toBe(200)
    expect(await doc(id)).toMatchObject({ state: 'draft', approvedBy: null, approvedAt: null, version: 2 })
    // Until the town is published again the approved version is live: the view says so.
    expect(String((await doc(id)).publishOutcome)).toContain('前に承認した版がまだ公開中')
    await act('staffA', id, 'submit')
    expect((await act('nurseA', id, 'approve')).json.published).toBe(true)
    expect(await doc(id)).toMatchObject({ state: 'approved', version: 2, publishOutcome: null })
    expect(liveOf(id).map((a) => a.version)).toEqual([2])

    // An urgent one goes at once: approved, it is read-only and its part's time is the approval's.
    const urgent = await create('staffA', { urgent: true, sendAt: null })
    await act('staffA', urgent, 'submit')
    await act('nurseA', urgent, 'approve')
    const approved = await doc(urgent)
    expect(liveOf(urgent)[0]?.sendAt).toBe(approved.approvedAt)
    const late = await call('staffA', 'PATCH', `/api/announcements/${urgent}`, {
      url: 'https://minato.example.jp/x',
    })
    expect(late.status).not.toBe(200)
    expect((await doc(urgent)).url).toBe('https://minato.example.jp/kenshin')
  })
})

describe('cancelling and following an announcement', () => {
  it('cancels at the edge for a nurse and marks it 取り消し; municipal staff alone are told who can', async () => {
    const id = await create('staffA')
    await act('staffA', id, 'submit')
    await act('nurseA', id, 'approve')
    expect(liveOf(id)).toHaveLength(1)

    const staff = await call('staffA', 'POST', `/api/announcements/${id}/cancel`, {})
    expect(staff.status).toBe(403)
    expect(staff.text).toContain('送信の取り消しは保健師か子育て窓口の役割の人が行います')
    expect(edge.staffCalls.filter((c) => c.path.includes(`ann-${id}`))).toEqual([])

    const nurse = await call('nurseA', 'POST', `/api/announcements/${id}/cancel`, { reason: '日程変更' })
    expect(nurse.status).toBe(200)
    expect(edge.staffCalls).toContainEqual({
      method: 'POST',
      path: `/staff/announcements/ann-${id}/cancel`,
      tenant: 'minato',
      body: { reason: '日程変更' },
      role: 'nurse',
    })
    expect(await doc(id)).toMatchObject({ state: 'cancelled', cancelledBy: ids.nurseA })
    // A cancelled one is no longer in the town's part the next time it is published.
    await call('staffA', 'POST', '/api/publications/publish', {
      scope: { tenant: world.tenantA.id },
      confirmGaps: true,
    })
    expect(liveOf(id)).toEqual([])
  })

  it("shows the edge's figures, and a sentence instead when the edge cannot be reached or the role may not ask", async () => {
    const id = await create('staffA')
    await act('staffA', id, 'submit')
    await act('nurseA', id, 'approve')
    edge.announcementRuns.set('minato', [
      { ...scheduledRun(`ann-${id}`), state: 'sending', recipients: 10, sent: 6, failed: 1, opened: 2 },
    ])
    const nurse = await call('nurseA', 'GET', '/api/announcements/statuses')
    expect(nurse.status).toBe(200)
    expect((nurse.json.statuses as Record<string, unknown>)[`ann-${id}`]).toMatchObject({
      state: 'sending',
      sent: 6,
      failed: 1,
      opened: 2,
    })
    const staff = await call('staffA', 'GET', '/api/announcements/statuses')
    expect(staff.json).toMatchObject({ ok: false, problem: expect.stringContaining('保健師か子育て窓口') })

    vi.stubEnv('YORISOI_EDGE_URL', 'http://127.0.0.1:9')
    try {
      const down = await call('nurseA', 'GET', '/api/announcements/statuses')
      expect(down.status).toBe(200)
      expect(down.json).toMatchObject({ ok: false, problem: expect.stringContaining('配信サーバー') })
    } finally {
      vi.stubEnv('YORISOI_EDGE_URL', edge.url)
    }
  })
})

// ——— property: whatever people do, the live part holds only approved versions ———

type Step = { kind: 'edit' | 'submit' | 'approve' | 'reject' | 'cancel'; by: Who }
const everyone: Who[] = ['staffA', 'nurseA', 'staffB', 'supervisor', 'admin']
// Submitting and approving come up more often, so that runs reach approval and what follows it.
const step: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom('edit', 'submit', 'submit', 'approve', 'approve', 'approve', 'reject', 'cancel'),
  // Town A's people more often than town B's, who are refused everything.
  by: fc.constantFrom<Who>(...everyone, 'staffA', 'nurseA', 'supervisor', 'admin'),
})
/** What the runs did, so the property is known to have reached approval, an edit after it and a cancel. */
const seen = { approved: 0, reopened: 0, cancelled: 0 }

/** The rules, written apart from the plugin: what a town's staff would expect. */
type Model = {
  state: 'draft' | 'in-review' | 'approved' | 'cancelled'
  health: boolean
  version: number
  title: string
  author: Who
  lastEditor: Who
  submittedBy: Who | null
  approved: { version: number; title: string }[]
}
const writesA = (who: Who) => who === 'staffA' || who === 'nurseA' || who === 'admin'
const approvesA = (who: Who, health: boolean) => who === 'supervisor' || (!health && writesA(who))
/** Who publishes town A's part: its municipal staff and admins. */
const publishesA = (who: Who) => who === 'staffA' || who === 'nurseA' || who === 'admin'

function allowed(model: Model, s: Step): boolean {
  switch (s.kind) {
    case 'edit':
      return writesA(s.by) && model.state !== 'cancelled'
    case 'submit':
      return writesA(s.by) && model.state === 'draft'
    case 'approve':
      return (
        model.state === 'in-review' &&
        approvesA(s.by, model.health) &&
        ![model.author, model.lastEditor, model.submittedBy].includes(s.by)
      )
    case 'reject':
      return model.state === 'in-review' && approvesA(s.by, model.health)
    case 'cancel':
      // Cancelling again is answered as done.
      return (model.state === 'approved' || model.state === 'cancelled') && s.by === 'nurseA'
  }
}

it('never publishes a draft, a sent-back or a cancelled announcement, whoever does what in whatever order', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom<Who>('staffA', 'nurseA'),
      fc.constantFrom(false, false, true),
      fc.array(step, { minLength: 4, maxLength: 12 }),
      async (author, health, steps) => {
        const id = await create(author, { health })
        const model: Model = {
          state: 'draft',
          health,
          version: 1,
          title: String((await doc(id)).title),
          author,
          lastEditor: author,
          submittedBy: null,
          approved: [],
        }
        for (const s of steps) {
          const expected = allowed(model, s)
          let answer: Awaited<ReturnType<typeof call>>
          if (s.kind === 'edit') {
            const title = `変更したお知らせ ${++titles}`
            answer = await call(s.by, 'PATCH', `/api/announcements/${id}`, {
              texts: [{ language: 'ja', title, body: '本文を変えました。' }],
            })
            if (answer.status === 200) {
              if (model.state === 'approved') seen.reopened++
              model.title = title
              model.version += 1
              model.lastEditor = s.by
              if (model.state !== 'draft') model.submittedBy = null
              model.state = 'draft'
            }
          } else if (s.kind === 'cancel') {
            answer = await call(s.by, 'POST', `/api/announcements/${id}/cancel`, {})
            if (answer.status === 200 && model.state === 'approved') seen.cancelled++
            if (answer.status === 200) model.state = 'cancelled'
          } else {
            answer = await act(s.by, id, s.kind, s.kind === 'reject' ? '日付を直してください' : undefined)
            if (answer.status === 200 && s.kind === 'submit') {
              model.state = 'in-review'
              model.submittedBy = s.by
            }
            if (answer.status === 200 && s.kind === 'reject') {
              model.state = 'draft'
              model.submittedBy = null
            }
            if (answer.status === 200 && s.kind === 'approve') {
              seen.approved++
              model.state = 'approved'
              model.approved.push({ version: model.version, title: model.title })
              // Approval publishes the town's part as the approver, when they may publish it.
              if (publishesA(s.by))
                expect(liveOf(id).map((a) => [a.version, a.texts[0]?.title])).toEqual([
                  [model.version, model.title],
                ])
            }
          }
          expect(answer.status === 200, `${s.by} ${s.kind} from ${model.state}: ${answer.text}`).toBe(
            expected,
          )
          expect((await doc(id)).state).toBe(model.state)
          // Whatever is live is a version someone other than its writers approved, never a draft.
          for (const live of liveOf(id))
            expect(model.approved).toContainEqual({ version: live.version, title: live.texts[0]?.title })
        }
        // Published now, the part holds it exactly when it is approved, in that version.
        const publish = await call('admin', 'POST', '/api/publications/publish', {
          scope: { tenant: world.tenantA.id },
          confirmGaps: true,
        })
        expect(publish.status).toBe(200)
        expect(liveOf(id).map((a) => [a.version, a.texts[0]?.title])).toEqual(
          model.state === 'approved' ? [[model.version, model.title]] : [],
        )
        for (const live of livePart()) {
          const stored = await doc(live.id.replace('ann-', ''))
          expect(stored).toMatchObject({ state: 'approved', version: live.version })
        }
      },
    ),
    {
      numRuns: 40,
      endOnFailure: true,
      // Always among the runs: approval, an edit after it, approval again, a cancel (also refused ones).
      examples: [
        [
          'staffA',
          false,
          [
            { kind: 'submit', by: 'staffA' },
            { kind: 'approve', by: 'nurseA' },
            { kind: 'edit', by: 'staffA' },
            { kind: 'submit', by: 'staffA' },
            { kind: 'approve', by: 'admin' },
            { kind: 'cancel', by: 'nurseA' },
          ],
        ],
        [
          'nurseA',
          true,
          [
            { kind: 'submit', by: 'nurseA' },
            { kind: 'approve', by: 'staffA' },
            { kind: 'approve', by: 'supervisor' },
            { kind: 'cancel', by: 'staffA' },
            { kind: 'cancel', by: 'nurseA' },
            { kind: 'edit', by: 'nurseA' },
          ],
        ],
      ],
    },
  )
  expect(
    Object.values(seen).every((count) => count > 0),
    JSON.stringify(seen),
  ).toBe(true)
  // 40 runs of up to six REST actions: 7 s alone, up to 56 s beside next builds on 2 cores.
}, 180_000)
