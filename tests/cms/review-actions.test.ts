import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Cms, startCms } from './support/cms'
import { lexical, messageData } from './support/content'
import { createWorld, type Person, type World } from './support/people'
import { login, rest } from './support/rest'

// The admin's review buttons post to /api/messages/:id/review; these go through Payload's REST
// handlers with each person's login, on real Postgres.
let cms: Cms
let payload: Payload
let world: World
const tokens: Partial<Record<Person, string>> = {}
let slotNumber = 40

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  world = await createWorld(payload)
  for (const who of ['admin', 'editor', 'supervisor', 'supervisor2', 'staffA', 'viewer'] as const)
    tokens[who] = await login(cms.config, world.users[who].email)
})
afterAll(() => cms?.stop())

const as = (who: Person) => ({ overrideAccess: false, user: world.users[who] }) as const

async function inReview() {
  const message = await payload.create({
    collection: 'messages',
    data: messageData(`pregnancy/${slotNumber++}`),
    ...as('editor'),
  })
  return payload.update({
    collection: 'messages',
    id: message.id,
    data: { reviewState: 'in-review' },
    ...as('editor'),
  })
}

const press = (who: Person | 'anonymous', message: { id: unknown; updatedAt?: unknown }, body: object) =>
  rest(cms.config, 'POST', `/api/messages/${message.id}/review`, {
    token: who === 'anonymous' ? undefined : tokens[who],
    body: { seenAt: message.updatedAt, ...body },
  })

const errorText = (response: { body: { errors?: { message: string }[] } }) =>
  response.body.errors?.map((e) => e.message).join(' | ') ?? ''

async function stored(id: unknown) {
  return payload.findByID({ collection: 'messages', id: id as number, depth: 0 })
}
async function approvals(id: unknown) {
  const { docs } = await payload.find({
    collection: 'approved-message-versions',
    where: { message: { equals: id } },
    depth: 0,
  })
  return docs
}

describe('review buttons', () => {
  it('承認する / Approve: a supervisor approves, the approved copy and the history name them', async () => {
    const message = await inReview()
    const response = await press('supervisor', message, { action: 'approve', note: '問題ありません' })

    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({
      ok: true,
      reviewState: 'approved',
      message: '承認しました / Approved',
    })
    expect((await stored(message.id)).reviewState).toBe('approved')
    const [copy] = await approvals(message.id)
    expect(copy).toMatchObject({ version: 1, approvedBy: world.users.supervisor.id })
    const { docs } = await payload.find({
      collection: 'message-history',
      where: { message: { equals: message.id }, event: { equals: 'approved' } },
      depth: 0,
    })
    expect(docs[0]).toMatchObject({ actor: world.users.supervisor.id, note: '問題ありません' })
  })

  it('never approves a version the supervisor edited themselves; another supervisor can', async () => {
    const message = await inReview()
    await payload.update({
      collection: 'messages',
      id: message.id,
      data: { body: lexical('監修者が書き直した本文です。') },
      ...as('supervisor'),
    })
    const resubmitted = await payload.update({
      collection: 'messages',
      id: message.id,
      data: { reviewState: 'in-review' },
      ...as('editor'),
    })

    const own = await press('supervisor', resubmitted, { action: 'approve' })
    expect(own.status).toBe(400)
    expect(errorText(own)).toMatch(
      /自分が編集した版は承認できません.*another medical supervisor must approve/,
    )
    expect((await stored(message.id)).reviewState).toBe('in-review')
    expect(await approvals(message.id)).toHaveLength(0)

    const other = await press('supervisor2', resubmitted, { action: 'approve' })
    expect(other.status).toBe(200)
    expect(await approvals(message.id)).toHaveLength(1)
  })

  it('修正を依頼 / Request changes needs a comment, which goes to the history', async () => {
    const message = await inReview()
    for (const note of [undefined, '', '   ']) {
      const refused = await press('supervisor', message, { action: 'request-changes', note })
      expect(refused.status).toBe(400)
      expect(refused.body.errors?.[0]).toMatchObject({
        path: 'note',
        message: '修正依頼には監修コメントを書いてください / Write a reviewer note when requesting changes',
      })
    }
    expect((await stored(message.id)).reviewState).toBe('in-review')

    const sent = await press('supervisor', message, {
      action: 'request-changes',
      note: '受診の目安を足してください',
    })
    expect(sent.status).toBe(200)
    expect(sent.body).toMatchObject({
      reviewState: 'changes-requested',
      message: '修正を依頼しました / Changes requested',
    })
    const { docs } = await payload.find({
      collection: 'message-history',
      where: { message: { equals: message.id }, event: { equals: 'changes-requested' } },
      depth: 0,
    })
    expect(docs[0]).toMatchObject({ actor: world.users.supervisor.id, note: '受診の目安を足してください' })
  })

  it('answers everyone but a medical supervisor with a refusal, and changes nothing', async () => {
    const message = await inReview()
    const anonymous = await press('anonymous', message, { action: 'approve' })
    expect(anonymous.status).toBe(401)
    expect(errorText(anonymous)).toBe('ログインしてください / Log in first')
    for (const who of ['editor', 'admin'] as const) {
      const refused = await press(who, message, { action: 'approve' })
      expect(refused.status).toBe(400)
      expect(errorText(refused)).toMatch(/医療監修者だけ.*Only a medical supervisor/)
    }
    for (const who of ['viewer', 'staffA'] as const) {
      const refused = await press(who, message, { action: 'approve' })
      expect(refused.status).toBe(403)
      expect(errorText(refused)).toMatch(/権限がありません.*may not review/)
    }
    expect((await stored(message.id)).reviewState).toBe('in-review')
    expect(await approvals(message.id)).toHaveLength(0)
  })

  it('refuses to approve text that changed after the supervisor opened it', async () => {
    const opened = await inReview()
    await payload.update({
      collection: 'messages',
      id: opened.id,
      data: { subject: '差し替えた件名' },
      ...as('editor'),
    })
    const resubmitted = await payload.update({
      collection: 'messages',
      id: opened.id,
      data: { reviewState: 'in-review' },
      ...as('editor'),
    })

    const stale = await press('supervisor', opened, { action: 'approve' })
    expect(stale.status).toBe(409)
    expect(errorText(stale)).toMatch(/開き直して.*reload and read it again/)
    expect(await approvals(opened.id)).toHaveLength(0)

    expect((await press('supervisor', resubmitted, { action: 'approve' })).status).toBe(200)
    expect((await approvals(opened.id))[0]).toMatchObject({ subject: '差し替えた件名' })
  })

  it('refuses a message that is not waiting for review, and bad requests, in both languages', async () => {
    const draft = await payload.create({
      collection: 'messages',
      data: messageData(`pregnancy/${slotNumber++}`),
      ...as('editor'),
    })
    const notWaiting = await press('supervisor', draft, { action: 'approve' })
    expect(notWaiting.status).toBe(409)
    expect(errorText(notWaiting)).toBe(
      'このメッセージは監修待ちではありません / This message is not waiting for review',
    )

    const message = await inReview()
    const unknown = await press('supervisor', message, { action: 'publish' })
    expect(unknown.status).toBe(400)
    expect(errorText(unknown)).toMatch(/監修を依頼.*submit, approve or request-changes/)
    const noTime = await rest(cms.config, 'POST', `/api/messages/${message.id}/review`, {
      token: tokens.supervisor,
      body: { action: 'approve' },
    })
    expect(noTime.status).toBe(400)
    expect(errorText(noTime)).toMatch(/表示した版の日時.*version you read/)
    const missing = await press(
      'supervisor',
      { id: 999999, updatedAt: message.updatedAt },
      { action: 'approve' },
    )
    expect(missing.status).toBe(404)
    expect((await stored(message.id)).reviewState).toBe('in-review')
  })

  it('監修を依頼する / Ask for review: an editor submits a saved draft; nobody else can, and not twice', async () => {
    const draft = await payload.create({
      collection: 'messages',
      data: messageData(`pregnancy/${slotNumber++}`),
      ...as('editor'),
    })
    for (const who of ['supervisor', 'staffA', 'viewer'] as const) {
      const refused = await press(who, draft, { action: 'submit' })
      expect(refused.status, who).toBeGreaterThanOrEqual(400)
    }
    expect((await stored(draft.id)).reviewState).toBe('draft')
    const submitted = await press('editor', draft, { action: 'submit' })
    expect(submitted.status, errorText(submitted)).toBe(200)
    expect(submitted.body.message).toBe('監修を依頼しました / Review requested')
    const now = await stored(draft.id)
    expect(now.reviewState).toBe('in-review')
    const again = await press('editor', now, { action: 'submit' })
    expect(again.status).toBe(409)
    expect(errorText(again)).toContain('すでに監修待ちか承認済み')
  })
})
