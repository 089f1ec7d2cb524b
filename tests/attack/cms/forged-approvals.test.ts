import type { Payload } from 'payload'
import { afterAll, beforeAll, expect } from 'vitest'
import { defaultContentSlugs } from '../../../cms/publish/content'
import { approvedSurveyDocs } from '../../../cms/publish/surveys'
import { type Cms, startCms } from '../../cms/support/cms'
import { messageData } from '../../cms/support/content'
import { createWorld, type Person, type World } from '../../cms/support/people'
import { login } from '../../cms/support/rest'
import { attack } from '../support/attempts'
import { type Answer, call, graphql } from './support/calls'

// Editors, supervisors and staff trying to get unreviewed or self-approved content to residents:
// through REST, GraphQL and the review endpoint. Each try is refused or loses the forged fields,
// and afterwards no approved version exists that the workflow did not make.

let cms: Cms
let payload: Payload
let world: World
const tokens: Partial<Record<Person, string>> = {}
let slot = 60

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  world = await createWorld(payload)
  const people: Person[] = ['editor', 'supervisor', 'staffA', 'viewer']
  await Promise.all(
    people.map(async (who) => {
      tokens[who] = await login(cms.config, world.users[who].email)
    }),
  )
})
afterAll(() => cms?.stop())

const as = (who: Person, method: string, path: string, body?: unknown) =>
  call(cms.config, tokens[who], method, path, body)
const gql = (who: Person, query: string, variables?: Record<string, unknown>) =>
  graphql(cms.config, tokens[who], query, variables)

const nationalSurvey = {
  title: '妊娠6か月のアンケート',
  language: 'ja',
  audiences: ['primary'],
  questions: [{ label: '体調はいかがですか', kind: 'scale', scaleMin: 1, scaleMax: 5 }],
  triggers: [{ window: { unit: 'pregnancy-month', from: 6, to: 6 } }],
}
const forgedApproval = {
  version: 1,
  title: '未監修のアンケート',
  language: 'ja',
  audiences: ['primary'],
  questions: [{ label: '監修されていない設問', kind: 'text' }],
  triggers: [{ window: { unit: 'pregnancy-month', from: 6, to: 6 } }],
  reminders: { max: 1, afterDays: 7 },
  approvedBy: 1,
  approvedAt: '2026-01-01T00:00:00.000Z',
}

/** What residents could be sent: approved message versions and published surveys. */
const approvedState = async () => ({
  versions: (await payload.count({ collection: 'approved-message-versions' })).totalDocs,
  surveys: (await approvedSurveyDocs(payload, defaultContentSlugs)).length,
})

/** A message in review, written by the editor (or edited by `editedBy` too). */
async function messageInReview(editedBy?: Person) {
  const created = await as('editor', 'POST', '/api/messages', messageData(`pregnancy/${slot++}`))
  const id = (created.json.doc as { id: number }).id
  if (editedBy) await as(editedBy, 'PATCH', `/api/messages/${id}`, { subject: '監修者が直した件名' })
  await as('editor', 'PATCH', `/api/messages/${id}`, { reviewState: 'in-review' })
  return payload.findByID({ collection: 'messages', id, depth: 0 })
}

/** GraphQL answers 200 with errors: a refusal is one by access (403) or by the review rules (400). */
function expectRefusedByGraphql(answer: Answer) {
  const errors = (answer.json.errors ?? []) as { extensions?: { statusCode?: number } }[]
  expect(errors.map((e) => e.extensions?.statusCode)).toEqual([expect.toBeOneOf([400, 403])])
}

attack(
  'forged approval',
  'editors, supervisors and staff forging or self-granting approval',
  async (attempts) => {
    const before = await approvedState()
    const expectNothingApproved = async () => expect(await approvedState()).toEqual(before)

    // A survey carrying its own approval, over REST (create and update) and GraphQL.
    const created = await attempts.refused(async () => {
      const answer = await as('editor', 'POST', '/api/surveys', {
        ...nationalSurvey,
        approved: forgedApproval,
      })
      expect(answer.status).toBe(201)
      const id = (answer.json.doc as { id: number }).id
      expect((await payload.findByID({ collection: 'surveys', id, depth: 0 })).approved ?? null).toBeNull()
      await expectNothingApproved()
      return id
    })
    for (const who of ['editor', 'supervisor'] as const) {
      await attempts.refused(async () => {
        await as(who, 'PATCH', `/api/surveys/${created}`, { approved: forgedApproval, versionEditors: [] })
        expect(
          (await payload.findByID({ collection: 'surveys', id: created, depth: 0 })).approved ?? null,
        ).toBeNull()
        await expectNothingApproved()
      })
      await attempts.refused(async () => {
        const answer = await gql(
          who,
          'mutation ($id: Int!, $data: mutationSurveyUpdateInput!) { updateSurvey(id: $id, data: $data) { id } }',
          { id: created, data: { approved: forgedApproval } },
        )
        // Accepted, with the forged field stripped.
        expect(answer.json.errors).toBeUndefined()
        expect(
          (await payload.findByID({ collection: 'surveys', id: created, depth: 0 })).approved ?? null,
        ).toBeNull()
        await expectNothingApproved()
      })
    }

    // A message approved by someone who may not approve.
    for (const who of ['editor', 'staffA', 'viewer'] as const) {
      const message = await messageInReview()
      await attempts.refused(async () => {
        const answer = await as(who, 'PATCH', `/api/messages/${message.id}`, { reviewState: 'approved' })
        expect(answer.status).toBeGreaterThanOrEqual(400)
        expect(
          (await payload.findByID({ collection: 'messages', id: message.id, depth: 0 })).reviewState,
        ).toBe('in-review')
        await expectNothingApproved()
      })
      await attempts.refused(async () => {
        const answer = await as(who, 'POST', `/api/messages/${message.id}/review`, {
          action: 'approve',
          seenAt: message.updatedAt,
        })
        expect(answer.status).toBeGreaterThanOrEqual(400)
        await expectNothingApproved()
      })
      await attempts.refused(async () => {
        const answer = await gql(
          who,
          'mutation ($id: Int!) { updateMessage(id: $id, data: { reviewState: approved }) { id reviewState } }',
          { id: message.id },
        )
        expectRefusedByGraphql(answer)
        await expectNothingApproved()
      })
      await attempts.refused(async () => {
        const answer = await as(who, 'POST', '/api/approved-message-versions', {
          ...messageData(`pregnancy/${slot++}`),
          message: message.id,
          version: 1,
        })
        expect(answer.status).toBeGreaterThanOrEqual(400)
        await expectNothingApproved()
      })
    }

    // A supervisor approving their own edit, having tried to erase that they made it.
    const own = await messageInReview('supervisor')
    await attempts.refused(async () => {
      await as('supervisor', 'PATCH', `/api/messages/${own.id}`, { versionEditors: [] })
      const answer = await as('supervisor', 'PATCH', `/api/messages/${own.id}`, { reviewState: 'approved' })
      expect(answer.status).toBe(400)
      await expectNothingApproved()
    })
    await attempts.refused(async () => {
      const fresh = await payload.findByID({ collection: 'messages', id: own.id, depth: 0 })
      const answer = await as('supervisor', 'POST', `/api/messages/${own.id}/review`, {
        action: 'approve',
        seenAt: fresh.updatedAt,
      })
      expect(answer.status).toBe(400)
      expect(answer.text).toContain('自分が編集した版は承認できません')
      await expectNothingApproved()
    })
    await attempts.refused(async () => {
      const answer = await gql(
        'supervisor',
        'mutation ($id: Int!) { updateMessage(id: $id, data: { reviewState: approved }) { id } }',
        { id: own.id },
      )
      expectRefusedByGraphql(answer)
      await expectNothingApproved()
    })
    // A supervisor may approve what they did not write: the workflow is alive, not merely shut.
    const others = await messageInReview()
    const approved = await as('supervisor', 'POST', `/api/messages/${others.id}/review`, {
      action: 'approve',
      seenAt: others.updatedAt,
    })
    expect(approved.status).toBe(200)
    expect((await approvedState()).versions).toBe(before.versions + 1)
  },
)
