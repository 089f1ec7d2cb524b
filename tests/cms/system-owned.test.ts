import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultContentSlugs } from '../../cms/publish/content'
import { approvedSurveyDocs } from '../../cms/publish/surveys'
import { type Cms, startCms } from './support/cms'
import { createWorld, type Person, type World } from './support/people'
import { login, rest } from './support/rest'

let cms: Cms
let payload: Payload
let world: World
const tokens: Partial<Record<Person, string>> = {}

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  world = await createWorld(payload)
  const people: Person[] = ['admin', 'editor', 'supervisor', 'supervisor2', 'staffA', 'viewer']
  await Promise.all(
    people.map(async (who) => {
      tokens[who] = await login(cms.config, world.users[who].email)
    }),
  )
})
afterAll(() => cms?.stop())

const nationalSurvey = {
  title: '妊娠6か月のアンケート',
  language: 'ja',
  audiences: ['primary'],
  questions: [{ label: '体調はいかがですか', kind: 'scale', scaleMin: 1, scaleMax: 5 }],
  triggers: [{ window: { unit: 'pregnancy-month', from: 6, to: 6 } }],
}

/** What a forger would like residents to receive: questions no supervisor has read. */
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

const restAs = (who: Person, method: string, path: string, body?: unknown) =>
  rest(cms.config, method, path, { token: tokens[who], body })

const published = async () =>
  (await approvedSurveyDocs(payload, defaultContentSlugs)).map((doc) => ({ id: doc.id, title: doc.title }))

describe('national surveys cannot skip medical review', () => {
  it('keeps no `approved` an editor sends over REST, so nothing unreviewed is published', async () => {
    const created = await restAs('editor', 'POST', '/api/surveys', {
      ...nationalSurvey,
      approved: forgedApproval,
    })
    expect(created.status).toBe(201)
    const id = (created.body.doc as { id: number }).id
    const patched = await restAs('editor', 'PATCH', `/api/surveys/${id}`, { approved: forgedApproval })
    expect(patched.status).toBe(200)

    const stored = await payload.findByID({ collection: 'surveys', id, depth: 0 })
    expect(stored.approved ?? null).toBeNull()
    expect(await published()).toEqual([])
  })

  it('does not let a supervisor clear `versionEditors` and then approve their own edit', async () => {
    const created = await restAs('editor', 'POST', '/api/surveys', nationalSurvey)
    const id = (created.body.doc as { id: number }).id
    // The supervisor rewrites a question: the working version is now theirs too.
    const edit = await restAs('supervisor', 'PATCH', `/api/surveys/${id}`, {
      questions: [{ label: '監修者が書き換えた設問', kind: 'text' }],
    })
    expect(edit.status).toBe(200)
    // ...and tries to erase that they did.
    await restAs('supervisor', 'PATCH', `/api/surveys/${id}`, { versionEditors: [] })
    const submitted = await restAs('editor', 'PATCH', `/api/surveys/${id}`, { reviewState: 'in-review' })
    expect(submitted.status).toBe(200)

    const approval = await restAs('supervisor', 'PATCH', `/api/surveys/${id}`, { reviewState: 'approved' })
    expect(approval.status).toBe(400)
    expect(approval.body.errors?.[0]?.data).toMatchObject({
      errors: [{ message: expect.stringMatching(/^自分が編集した版は承認できません/) }],
    })
    expect(await published()).toEqual([])
  })
})
