import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildScope } from '../../cms/publish/build'
import { defaultContentSlugs } from '../../cms/publish/content'
import type { PublishSetup } from '../../cms/publish/types'
import type { NationalPart, TenantPart } from '../../shared/contract'
import { standardProgram } from '../../shared/program'
import { type Cms, startCms } from './support/cms'
import { createWorld, password, type World } from './support/people'
import { makePublishable } from './support/publishable-tenant'
import { login, rest } from './support/rest'

// Tasks (タスク) on real Postgres: a town's staff write, a colleague approves, and only approved
// copies reach the parts publishing builds; national tasks go through a medical supervisor.

let cms: Cms
let payload: Payload
let world: World
let colleagueA: World['users']['staffA']
let setup: PublishSetup

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  world = await createWorld(payload)
  await makePublishable(payload, world.tenantA.id, 'minato')
  await makePublishable(payload, world.tenantB.id, 'setagaya')
  await payload.update({
    collection: 'tenants',
    id: world.tenantA.id,
    data: { languages: ['ja', 'en'], languageFallback: ['ja'] },
    overrideAccess: true,
  })
  colleagueA = (await payload.create({
    collection: 'users',
    data: {
      email: 'colleague-a@example.jp',
      password,
      name: '港区の同僚',
      roles: ['municipal-staff'],
      tenants: [{ tenant: world.tenantA.id }],
    },
  })) as unknown as World['users']['staffA']
  colleagueA.collection = 'users'
  setup = {
    payload,
    edge: { url: 'http://127.0.0.1:1', token: 'unused' },
    slugs: { ...defaultContentSlugs, publications: 'publications' },
    programs: { standard: standardProgram },
  }
})
afterAll(() => cms?.stop())

type User = World['users']['staffA']
let names = 0
const taskData = (overrides: Record<string, unknown> = {}) => ({
  texts: [
    { language: 'ja', title: `4か月児健診の予約 ${++names}`, line: '4か月児健診の予約はお済みですか。' },
    {
      language: 'en',
      title: `Book the 4-month checkup ${names}`,
      line: 'Have you booked the 4-month checkup?',
    },
  ],
  window: { unit: 'child-month', from: 3, to: 4 },
  audiences: ['primary'],
  doneBy: 'resident',
  url: 'https://minato.example.jp/kenshin',
  ...overrides,
})

const as = (user: User) => ({ overrideAccess: false, user }) as const
const create = (user: User, data: Record<string, unknown>) =>
  payload.create({ collection: 'tasks', data, ...as(user) }) as Promise<
    Record<string, unknown> & { id: number }
  >
const save = (user: User, id: number | string, data: Record<string, unknown>) =>
  payload.update({ collection: 'tasks', id, data, ...as(user) }) as Promise<Record<string, unknown>>
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal')
    },
    (error: Error & { data?: { errors?: { message: string }[] } }) =>
      error.data?.errors?.[0]?.message ?? error.message,
  )

async function tenantTasks(tenantId: number | string) {
  const built = await buildScope(setup, { kind: 'tenant', tenantId })
  if ('missing' in built || !built.part) throw new Error(JSON.stringify(built))
  return (built.part as TenantPart).tasks
}
async function nationalTasks() {
  const built = await buildScope(setup, { kind: 'national' })
  if ('missing' in built || !built.part) throw new Error(JSON.stringify(built))
  return (built.part as NationalPart).tasks
}

describe("a town's task", () => {
  it('is written by its staff, approved by a colleague (never its author), and reaches only its part', async () => {
    const task = await create(world.users.staffA, { ...taskData(), tenant: world.tenantA.id })
    expect(task).toMatchObject({ state: 'draft', version: 1 })
    // Another town's staff neither write for A nor see A's tasks.
    expect(await refusal(create(world.users.staffB, { ...taskData(), tenant: world.tenantA.id }))).toMatch(
      /not allowed|許可/,
    )

    await save(world.users.staffA, task.id, { state: 'in-review' })
    expect(await refusal(save(world.users.staffA, task.id, { state: 'approved' }))).toMatch(
      /^自分が書いた・変更したタスクは承認できません.* \/ You wrote or changed this task/,
    )
    await refusal(save(world.users.staffB, task.id, { state: 'approved' }))
    expect(await tenantTasks(world.tenantA.id)).toEqual([])

    const approved = await save(colleagueA, task.id, { state: 'approved' })
    expect(approved).toMatchObject({ state: 'approved', approverName: '港区の同僚' })

    expect(await tenantTasks(world.tenantA.id)).toEqual([
      {
        id: `task-${task.id}`,
        version: 1,
        window: { unit: 'child-month', from: 3, to: 4 },
        audiences: ['primary'],
        doneBy: 'resident',
        remindAfterDays: [7, 14],
        url: 'https://minato.example.jp/kenshin',
        texts: [
          {
            language: 'ja',
            title: expect.stringMatching(/^4か月児健診の予約/),
            line: '4か月児健診の予約はお済みですか。',
          },
          {
            language: 'en',
            title: expect.stringMatching(/^Book/),
            line: 'Have you booked the 4-month checkup?',
          },
        ],
        supervisors: [],
        sample: false,
      },
    ])
    expect(await tenantTasks(world.tenantB.id)).toEqual([])
    expect((await nationalTasks()).map((t) => t.id)).not.toContain(`task-${task.id}`)
  })

  it('keeps the approved version live while a new one is written, until that is approved', async () => {
    const task = await create(world.users.staffA, { ...taskData(), tenant: world.tenantA.id })
    await save(world.users.staffA, task.id, { state: 'in-review' })
    await save(colleagueA, task.id, { state: 'approved' })
    const edited = await save(colleagueA, task.id, { remindAfterDays: [3, 10, 20] })
    expect(edited).toMatchObject({ state: 'draft', version: 2 })
    const live = (await tenantTasks(world.tenantA.id)).find((t) => t.id === `task-${task.id}`)
    expect(live).toMatchObject({ version: 1, remindAfterDays: [7, 14] })

    await save(colleagueA, task.id, { state: 'in-review' })
    // The colleague changed version 2: now the author of version 1 approves it.
    expect(await refusal(save(colleagueA, task.id, { state: 'approved' }))).toMatch(/^自分が書いた/)
    await save(world.users.staffA, task.id, { state: 'approved' })
    const next = (await tenantTasks(world.tenantA.id)).find((t) => t.id === `task-${task.id}`)
    expect(next).toMatchObject({ version: 2, remindAfterDays: [3, 10, 20] })
  })

  it('stays in its town', async () => {
    const task = await create(world.users.staffA, { ...taskData(), tenant: world.tenantA.id })
    expect(await refusal(save(world.users.admin, task.id, { tenant: world.tenantB.id }))).toMatch(
      /^自治体は作成後に変更できません/,
    )
  })

  it('is deleted only while never approved: once it may have reached residents it stays', async () => {
    const draft = await create(world.users.staffA, { ...taskData(), tenant: world.tenantA.id })
    await payload.delete({ collection: 'tasks', id: draft.id, ...as(world.users.staffA) })
    const task = await create(world.users.staffA, { ...taskData(), tenant: world.tenantA.id })
    await save(world.users.staffA, task.id, { state: 'in-review' })
    await save(colleagueA, task.id, { state: 'approved' })
    await save(world.users.staffA, task.id, { remindAfterDays: [7] })
    await refusal(payload.delete({ collection: 'tasks', id: task.id, ...as(world.users.admin) }))
    expect(await payload.count({ collection: 'tasks', where: { id: { equals: task.id } } })).toEqual({
      totalDocs: 1,
    })
  })
})

describe('a national task', () => {
  it('is absent from the national part until a medical supervisor approves it, and present after', async () => {
    expect(await refusal(create(world.users.staffA, taskData()))).toMatch(/not allowed|許可/)
    const task = await create(world.users.editor, { ...taskData(), sample: true })
    expect(task.tenant ?? null).toBeNull()
    const ids = async () => (await nationalTasks()).map((t) => t.id)
    expect(await ids()).not.toContain(`task-${task.id}`)

    await save(world.users.editor, task.id, { state: 'in-review' })
    expect(await ids()).not.toContain(`task-${task.id}`)
    // Town staff approve only their own town's tasks; the editor is its author.
    await refusal(save(world.users.staffA, task.id, { state: 'approved' }))
    expect(await refusal(save(world.users.editor, task.id, { state: 'approved' }))).toMatch(
      /^全国のタスクは医療監修者が承認します/,
    )
    await save(world.users.supervisor, task.id, { state: 'approved' })
    const published = (await nationalTasks()).find((t) => t.id === `task-${task.id}`)
    expect(published).toMatchObject({ version: 1, supervisors: ['supervisor'], sample: true })
  })

  it('waits for the survey occasion of its own window', async () => {
    const survey = await payload.create({
      collection: 'surveys',
      data: {
        title: '妊娠中のアンケート',
        language: 'ja',
        audiences: ['primary'],
        questions: [{ label: '気分はいかがですか', kind: 'text' }],
        triggers: [
          { window: { unit: 'pregnancy-month', from: 6, to: 6 } },
          { window: { unit: 'pregnancy-month', from: 8, to: 8 } },
        ],
      },
      ...as(world.users.editor),
    })
    const data = taskData({
      window: { unit: 'pregnancy-month', from: 8, to: 8 },
      doneBy: 'survey',
      survey: survey.id,
    })
    const task = await create(world.users.editor, data)
    await save(world.users.editor, task.id, { state: 'in-review' })
    await save(world.users.supervisor, task.id, { state: 'approved' })
    // The survey itself is not approved yet: publishing says so instead of naming a missing survey.
    const refused = await buildScope(setup, { kind: 'national' })
    expect('problems' in refused && refused.problems[0]?.message).toMatch(
      /^このタスクのアンケートが公開されません/,
    )

    await payload.update({
      collection: 'surveys',
      id: survey.id,
      data: { reviewState: 'in-review' },
      ...as(world.users.editor),
    })
    await payload.update({
      collection: 'surveys',
      id: survey.id,
      data: { reviewState: 'approved' },
      ...as(world.users.supervisor),
    })
    const published = (await nationalTasks()).find((t) => t.id === `task-${task.id}`)
    expect(published).toMatchObject({ doneBy: 'survey', surveyId: `survey-${survey.id}-2` })
  })
})

describe('bad input is refused in Japanese first, then English', () => {
  type FieldError = { path: string; message: string }
  let token: string
  beforeAll(async () => {
    token = await login(cms.config, world.users.staffA.email)
  })
  const errorsOf = async (body: Record<string, unknown>): Promise<FieldError[]> => {
    const response = await rest(cms.config, 'POST', '/api/tasks', {
      token,
      body: { tenant: world.tenantA.id, ...taskData(), ...body },
    })
    expect(response.status).toBe(400)
    return (response.body.errors ?? []).flatMap(
      (e) => ((e.data as { errors?: FieldError[] })?.errors ?? []) as FieldError[],
    )
  }

  it('a task without a Japanese text, or in a language the town does not use', async () => {
    expect(await errorsOf({ texts: [{ language: 'en', title: 'Checkup', line: 'Book it.' }] })).toEqual([
      expect.objectContaining({
        path: 'texts',
        message: '日本語の文面が必要です / A Japanese text is required',
      }),
    ])
    const vietnamese = { language: 'vi', title: 'Khám', line: 'Đặt lịch.' }
    expect(await errorsOf({ texts: [...taskData().texts, vietnamese] })).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^この自治体が使っていない言語です: .*vi/) }),
    ])
  })

  it('reminder days that fall, an http link, a survey task without a survey', async () => {
    const errors = await errorsOf({
      remindAfterDays: [14, 7],
      url: 'http://minato.example.jp',
      doneBy: 'survey',
    })
    expect(errors.map((e) => e.message).sort()).toEqual([
      'https:// で始まる URL にしてください / Use an https:// URL',
      'リマインドの日は少ない順に並べてください / Reminder days must rise',
      '完了にするアンケートを選んでください / Choose the survey whose answer marks it done',
    ])
  })

  it('more than five reminders, a title too long', async () => {
    const long = { language: 'ja', title: 'あ'.repeat(61), line: 'お済みですか。' }
    const errors = await errorsOf({ remindAfterDays: [1, 2, 3, 4, 5, 6], texts: [long] })
    for (const error of errors)
      expect(error.message).toMatch(/^[\u3040-\u30ff\u4e00-\u9fff0-9].* \/ [A-Za-z]/)
    expect(errors.length).toBeGreaterThanOrEqual(2)
  })
})
