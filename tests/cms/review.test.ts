import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publishableMessages } from '../../cms/plugin/publishable'
import { type Cms, startCms } from './support/cms'
import { lexical, messageData } from './support/content'
import { createWorld, type Person, type World } from './support/people'

let cms: Cms
let payload: Payload
let world: World
let slotNumber = 28

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  world = await createWorld(payload)
})
afterAll(() => cms?.stop())

// Each test writes its own message, on a slot no other test uses.
const nextSlot = () => `pregnancy/${slotNumber++}`

const as = (who: Person) => ({ overrideAccess: false, user: world.users[who] }) as const

async function create(who: Person, data: Record<string, unknown> = {}) {
  return payload.create({ collection: 'messages', data: messageData(nextSlot(), data), ...as(who) })
}
async function update(who: Person, id: number | string, data: Record<string, unknown>) {
  return payload.update({ collection: 'messages', id, data, ...as(who) })
}
async function history(id: number | string) {
  const { docs } = await payload.find({
    collection: 'message-history',
    where: { message: { equals: id } },
    sort: 'createdAt',
    depth: 0,
  })
  return docs.map((d) => ({ event: d.event, actor: d.actor, version: d.version }))
}
async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    const data = (error as { data?: { errors?: { message: string }[] } }).data
    return data?.errors?.map((e) => e.message).join(' | ') ?? String((error as Error).message)
  }
  throw new Error('expected the save to be refused')
}
async function approvedVersionsOf(id: number | string) {
  const { docs } = await payload.find({
    collection: 'approved-message-versions',
    where: { message: { equals: id } },
    sort: 'version',
  })
  return docs
}

describe('editorial review', () => {
  it('takes a message from draft through review to approved, recording who did what', async () => {
    const message = await create('editor')
    expect(message.reviewState).toBe('draft')
    expect(message.version).toBe(1)

    await update('editor', message.id, { reviewState: 'in-review' })
    const approved = await update('supervisor', message.id, {
      reviewState: 'approved',
      reviewNote: '医学的に問題ありません',
    })

    expect(approved.reviewState).toBe('approved')
    expect(approved.approvedVersionNumber).toBe(1)
    const [copy] = await approvedVersionsOf(message.id)
    expect(copy).toMatchObject({ version: 1, subject: '今日のお便り' })
    expect((copy?.approvedBy as { id: unknown } | undefined)?.id).toBe(world.users.supervisor.id)
    expect(await history(message.id)).toEqual([
      { event: 'created', actor: world.users.editor.id, version: 1 },
      { event: 'submitted', actor: world.users.editor.id, version: 1 },
      { event: 'approved', actor: world.users.supervisor.id, version: 1 },
    ])
  })

  it('lets only a medical supervisor approve', async () => {
    const message = await create('editor', { reviewState: 'in-review' })
    for (const who of ['editor', 'admin', 'viewer', 'staffA'] as const) {
      await expect(update(who, message.id, { reviewState: 'approved' })).rejects.toThrow()
    }
    expect(await rejection(update('admin', message.id, { reviewState: 'approved' }))).toMatch(
      /医療監修者だけ.*Only a medical supervisor/,
    )
    expect(await approvedVersionsOf(message.id)).toHaveLength(0)
  })

  it('never lets a supervisor approve a version they edited themselves', async () => {
    const message = await create('editor', { reviewState: 'in-review' })
    const edited = await update('supervisor', message.id, { body: lexical('監修者が直した本文です。') })
    expect(edited.reviewState).toBe('draft')

    await update('editor', message.id, { reviewState: 'in-review' })
    expect(await rejection(update('supervisor', message.id, { reviewState: 'approved' }))).toMatch(
      /自分が編集した版は承認できません.*another medical supervisor must approve/,
    )
    const approved = await update('supervisor2', message.id, { reviewState: 'approved' })
    expect(approved.reviewState).toBe('approved')
  })

  it('sends a version back with a note, and the next submission can be approved', async () => {
    const message = await create('editor', { reviewState: 'in-review' })
    expect(await rejection(update('supervisor', message.id, { reviewState: 'changes-requested' }))).toMatch(
      /監修コメント.*reviewer note/,
    )
    await update('supervisor', message.id, {
      reviewState: 'changes-requested',
      reviewNote: '受診の目安を足してください',
    })
    await update('editor', message.id, {
      body: lexical('受診の目安: 出血や強いおなかの張りがあればすぐに連絡を。'),
    })
    await update('editor', message.id, { reviewState: 'in-review' })
    await update('supervisor', message.id, { reviewState: 'approved' })

    const events = (await history(message.id)).map((h) => h.event)
    expect(events).toEqual(['submitted', 'changes-requested', 'edited', 'submitted', 'approved'])
    const notes = await payload.find({
      collection: 'message-history',
      where: { message: { equals: message.id }, event: { equals: 'changes-requested' } },
    })
    expect(notes.docs[0]?.note).toBe('受診の目安を足してください')
  })

  it('withdraws a version from review when it is edited there', async () => {
    const message = await create('editor', { reviewState: 'in-review' })
    const edited = await update('editor', message.id, { subject: '今日のお知らせ', reviewState: 'in-review' })
    expect(edited.reviewState).toBe('draft')
  })

  it('keeps serving the last approved version while a new draft is open', async () => {
    const message = await create('editor', { reviewState: 'in-review' })
    await update('supervisor', message.id, { reviewState: 'approved' })

    const draft = await update('editor', message.id, { subject: '新しい件名' })
    expect(draft).toMatchObject({ reviewState: 'draft', version: 2, approvedVersionNumber: 1 })
    let serving = (await publishableMessages(payload)).find((m) => String(m.message) === String(message.id))
    expect(serving).toMatchObject({ version: 1, subject: '今日のお便り' })

    await update('editor', message.id, { reviewState: 'in-review' })
    serving = (await publishableMessages(payload)).find((m) => String(m.message) === String(message.id))
    expect(serving?.subject).toBe('今日のお便り')

    await update('supervisor', message.id, { reviewState: 'approved' })
    serving = (await publishableMessages(payload)).find((m) => String(m.message) === String(message.id))
    expect(serving).toMatchObject({ version: 2, subject: '新しい件名' })
    expect((await approvedVersionsOf(message.id)).map((v) => v.subject)).toEqual([
      '今日のお便り',
      '新しい件名',
    ])
  })

  it('refuses to create a message as already approved', async () => {
    expect(await rejection(create('editor', { reviewState: 'approved' }))).toMatch(/Approved|approved|承認/)
    expect(await rejection(create('admin', { reviewState: 'approved' }))).toMatch(/承認/)
  })

  it('keeps approved versions immutable, even for server code that overrides access', async () => {
    const message = await create('editor', { reviewState: 'in-review' })
    await update('supervisor', message.id, { reviewState: 'approved' })
    const [copy] = await approvedVersionsOf(message.id)
    await expect(
      payload.update({ collection: 'approved-message-versions', id: copy!.id, data: { subject: '改ざん' } }),
    ).rejects.toThrow(/承認版/)
    await expect(payload.delete({ collection: 'approved-message-versions', id: copy!.id })).rejects.toThrow(
      /承認版/,
    )
    await expect(
      payload.create({
        collection: 'approved-message-versions',
        data: { ...copy, id: undefined, version: 99 } as Record<string, unknown>,
      }),
    ).rejects.toThrow(/承認版/)
    expect((await approvedVersionsOf(message.id)).map((v) => v.subject)).toEqual(['今日のお便り'])
  })

  it('signs reviewer comments with the commenter, whatever the request claims', async () => {
    const message = await create('editor')
    const comment = await payload.create({
      collection: 'message-history',
      data: { message: message.id, note: '表現をやわらかく', event: 'approved', actor: world.users.admin.id },
      ...as('supervisor'),
    })
    expect(comment.event).toBe('commented')
    expect((comment.actor as { id: unknown }).id).toBe(world.users.supervisor.id)
  })

  it('marks a translation stale once its source has a newer approved version', async () => {
    const source = await create('editor', { reviewState: 'in-review' })
    await update('supervisor', source.id, { reviewState: 'approved' })
    const translation = await payload.create({
      collection: 'messages',
      data: messageData(source.slot, { language: 'en', subject: "Today's note", translationOf: source.id }),
      ...as('editor'),
    })
    expect(translation).toMatchObject({ translatedFromVersion: 1, stale: false })

    await update('editor', source.id, { subject: '改訂した件名' })
    expect((await payload.findByID({ collection: 'messages', id: translation.id })).stale).toBe(false)
    await update('editor', source.id, { reviewState: 'in-review' })
    await update('supervisor', source.id, { reviewState: 'approved' })
    expect((await payload.findByID({ collection: 'messages', id: translation.id })).stale).toBe(true)

    await update('editor', translation.id, { subject: "Today's revised note" })
    expect((await payload.findByID({ collection: 'messages', id: translation.id })).stale).toBe(false)
  })
})
