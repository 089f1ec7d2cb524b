import fc from 'fast-check'
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { publishableMessages } from '../../cms/plugin/publishable'
import { languageTags } from '../../shared/languages'
import { type Cms, startCms } from './support/cms'
import { messageData } from './support/content'
import { createWorld, type Person, type World } from './support/people'

let cms: Cms
let payload: Payload
let world: World

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  world = await createWorld(payload)
})
afterAll(() => cms?.stop())

type Step =
  | { kind: 'edit'; by: Person }
  | { kind: 'submit' | 'withdraw'; by: Person }
  | { kind: 'approve' | 'request-changes'; by: Person }

const people: Person[] = ['editor', 'supervisor', 'supervisor2', 'admin', 'viewer']
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    by: fc.constantFrom<Person>('editor', 'supervisor', 'admin', 'viewer'),
  }),
  fc.record({
    kind: fc.constantFrom('submit' as const, 'withdraw' as const),
    by: fc.constantFrom(...people),
  }),
  fc.record({
    kind: fc.constantFrom('approve' as const, 'request-changes' as const),
    by: fc.constantFrom(...people),
  }),
)

let runs = 0
let subjects = 0

/** The rules, written independently of the plugin: what a reviewer would expect to happen. */
type Model = { state: string; editors: Set<Person>; current: string; approved: string | null }

function expectedOutcome(model: Model, s: Step): boolean {
  const author = ['editor', 'admin', 'supervisor', 'supervisor2'].includes(s.by)
  const isSupervisor = s.by === 'supervisor' || s.by === 'supervisor2'
  const target = {
    submit: 'in-review',
    withdraw: 'draft',
    approve: 'approved',
    'request-changes': 'changes-requested',
  }
  // Asking for the state the message is already in changes nothing, and anyone who may save may.
  if (s.kind !== 'edit' && target[s.kind] === model.state) return author
  switch (s.kind) {
    case 'edit':
      return author
    case 'submit':
      return (
        ['editor', 'admin'].includes(s.by) && (model.state === 'draft' || model.state === 'changes-requested')
      )
    case 'withdraw':
      return ['editor', 'admin'].includes(s.by) && model.state === 'in-review'
    case 'request-changes':
      return isSupervisor && model.state === 'in-review'
    case 'approve':
      return isSupervisor && model.state === 'in-review' && !model.editors.has(s.by)
  }
}

it('never makes unapproved text publishable, whatever people edit and review in whatever order', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
      runs++
      const first = `件名${++subjects}`
      const message = await payload.create({
        collection: 'messages',
        data: messageData(`pregnancy/${28 + (runs % 260)}`, {
          subject: first,
          language: languageTags[Math.floor(runs / 260)],
        }),
        overrideAccess: false,
        user: world.users.editor,
      })
      const model: Model = { state: 'draft', editors: new Set(['editor']), current: first, approved: null }
      const written = new Set([first])

      for (const s of steps) {
        const user = world.users[s.by]
        const data: Record<string, unknown> =
          s.kind === 'edit'
            ? { subject: `件名${++subjects}` }
            : s.kind === 'submit'
              ? { reviewState: 'in-review' }
              : s.kind === 'withdraw'
                ? { reviewState: 'draft' }
                : s.kind === 'approve'
                  ? { reviewState: 'approved' }
                  : { reviewState: 'changes-requested', reviewNote: `note ${subjects}` }
        const ok = await payload
          .update({ collection: 'messages', id: message.id, data, overrideAccess: false, user })
          .then(() => true)
          .catch(() => false)
        expect(ok, `${s.by} ${s.kind} from ${model.state}`).toBe(expectedOutcome(model, s))
        if (!ok) continue
        if (s.kind === 'edit') {
          written.add(data.subject as string)
          if (model.state === 'approved') model.editors = new Set()
          model.editors.add(s.by)
          model.current = data.subject as string
          model.state = 'draft'
        } else if (s.kind === 'approve') {
          model.approved = model.current
          model.state = 'approved'
        } else {
          model.state = data.reviewState as string
        }

        const serving = (await publishableMessages(payload)).filter(
          (m) => String(m.message) === String(message.id),
        )
        expect(serving.map((m) => m.subject)).toEqual(model.approved ? [model.approved] : [])
      }

      // Text that was written but never approved appears nowhere among the approved versions.
      const approved = await payload.find({
        collection: 'approved-message-versions',
        where: { message: { equals: message.id } },
        pagination: false,
      })
      for (const version of approved.docs) expect(written.has(version.subject as string)).toBe(true)
      const everApproved = new Set(approved.docs.map((v) => v.subject))
      expect(everApproved.has(model.current) || model.state !== 'approved').toBe(true)
    }),
    { numRuns: 25, endOnFailure: true },
  )
})
