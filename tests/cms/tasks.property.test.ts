import fc from 'fast-check'
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { defaultContentSlugs } from '../../cms/publish/content'
import { approvedTasks } from '../../cms/publish/tasks'
import { type Cms, startCms } from './support/cms'
import { createWorld, password, type World } from './support/people'

// Whatever people of which roles do to a task in whatever order, the parts publishing builds carry
// only a version someone other than its writers approved (national: a medical supervisor).

let cms: Cms
let payload: Payload
let world: World
type Who = 'admin' | 'editor' | 'supervisor' | 'staffA' | 'colleagueA' | 'staffB' | 'viewer'
let users: Record<Who, World['users']['staffA']>

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  world = await createWorld(payload)
  const colleagueA = (await payload.create({
    collection: 'users',
    data: {
      email: 'colleague-a@example.jp',
      password,
      name: 'colleagueA',
      roles: ['municipal-staff'],
      tenants: [{ tenant: world.tenantA.id }],
    },
  })) as unknown as World['users']['staffA']
  users = { ...world.users, colleagueA: { ...colleagueA, collection: 'users' } }
})
afterAll(() => cms?.stop())

type Step = { kind: 'edit' | 'submit' | 'withdraw' | 'approve' | 'request-changes'; by: Who }
const who: Who[] = ['admin', 'editor', 'supervisor', 'staffA', 'colleagueA', 'staffB', 'viewer']
const step: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom('edit', 'submit', 'withdraw', 'approve', 'request-changes'),
  by: fc.constantFrom(...who),
})

/** The rules, written apart from the plugin. */
type Model = { national: boolean; state: string; editors: Set<Who>; current: string; approved: string | null }

function allowed(model: Model, s: Step): boolean {
  const saves = model.national
    ? ['admin', 'editor', 'supervisor'].includes(s.by)
    : ['admin', 'supervisor', 'staffA', 'colleagueA'].includes(s.by)
  if (!saves) return false
  const writes = model.national ? ['admin', 'editor'].includes(s.by) : s.by !== 'supervisor'
  const approves = s.by === 'supervisor' || (!model.national && writes)
  const target = {
    submit: 'in-review',
    withdraw: 'draft',
    approve: 'approved',
    'request-changes': 'changes-requested',
  }
  if (s.kind === 'edit') return writes || (model.national && s.by === 'supervisor')
  if (target[s.kind] === model.state) return true
  switch (s.kind) {
    case 'submit':
      return writes && (model.state === 'draft' || model.state === 'changes-requested')
    case 'withdraw':
      return writes && model.state === 'in-review'
    case 'request-changes':
      return approves && model.state === 'in-review'
    case 'approve':
      return approves && model.state === 'in-review' && !model.editors.has(s.by)
  }
}

let titles = 0

it('never publishes a task version nobody else approved', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.boolean(),
      fc.array(step, { minLength: 1, maxLength: 8 }),
      async (national, steps) => {
        const first = `タスク${++titles}`
        const author: Who = national ? 'editor' : 'staffA'
        const text = (title: string) => [{ language: 'ja', title, line: `${title}はお済みですか。` }]
        const task = await payload.create({
          collection: 'tasks',
          data: {
            ...(national ? {} : { tenant: world.tenantA.id }),
            texts: text(first),
            window: { unit: 'child-month', from: 3, to: 4 },
            audiences: ['primary'],
            doneBy: 'resident',
          },
          overrideAccess: false,
          user: users[author],
        })
        const model: Model = {
          national,
          state: 'draft',
          editors: new Set([author]),
          current: first,
          approved: null,
        }
        const approvedTitles = new Set<string>()
        for (const s of steps) {
          const edited = `タスク${++titles}`
          const data: Record<string, unknown> =
            s.kind === 'edit'
              ? { texts: text(edited) }
              : s.kind === 'request-changes'
                ? { state: 'changes-requested', reviewNote: '日付を確認してください' }
                : { state: { submit: 'in-review', withdraw: 'draft', approve: 'approved' }[s.kind] }
          const ok = await payload
            .update({ collection: 'tasks', id: task.id, data, overrideAccess: false, user: users[s.by] })
            .then(() => true)
            .catch(() => false)
          expect(ok, `${s.by} ${s.kind} from ${model.state} (${national ? 'national' : 'town'})`).toBe(
            allowed(model, s),
          )
          if (ok && s.kind === 'edit') {
            if (model.state === 'approved') model.editors = new Set()
            model.editors.add(s.by)
            model.current = edited
            model.state = 'draft'
          } else if (ok && s.kind === 'approve' && model.state !== 'approved') {
            model.approved = model.current
            approvedTitles.add(model.current)
            model.state = 'approved'
          } else if (ok && s.kind !== 'approve') {
            model.state = (data.state as string) ?? model.state
          }
          const { tasks } = await approvedTasks(
            payload,
            defaultContentSlugs,
            national ? null : world.tenantA.id,
          )
          const published = tasks.find((t) => t.id === `task-${task.id}`)
          expect(published?.texts[0]?.title ?? null).toBe(model.approved)
        }
      },
    ),
    { numRuns: 40 },
  )
})
