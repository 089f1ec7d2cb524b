import { GRAPHQL_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultContentSlugs } from '../../cms/publish/content'
import { approvedSurveyDocs } from '../../cms/publish/surveys'
import { type Cms, startCms } from './support/cms'
import { lexical, messageData } from './support/content'
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

// ---------------------------------------------------------------------------------------------
// Every system-owned field of every collection, for every role, over REST, GraphQL and the Local
// API (overrideAccess: false): a save either is refused or leaves each of them as the workflow
// set it. Written out by hand, not read from the code.

type Role = Extract<Person, 'admin' | 'editor' | 'supervisor' | 'staffA' | 'viewer'>
type Api = 'REST' | 'GraphQL' | 'Local'
type Write = 'create' | 'update'
const roles: Role[] = ['admin', 'editor', 'supervisor', 'staffA', 'viewer']
const apis: Api[] = ['REST', 'GraphQL', 'Local']

type Target = {
  slug: string
  /** Payload's GraphQL name for one document of the collection. */
  graphql: string
  owned: readonly string[]
  /** Who may save such a document at all: C create, U update (admin, editor, supervisor, staffA, viewer). */
  writes: Record<Role, string>
  /** Valid content a person may send, without the system-owned fields. */
  content: () => Record<string, unknown>
  /** A value for each system-owned field that the workflow would never have set here. */
  forged: () => Record<string, unknown>
  /** The document updates are tried on. */
  existing: () => number | string
  /** What Payload's GraphQL input types require besides (fields with a default, a required group). */
  graphqlNeeds?: Partial<Record<Write, Record<string, unknown>>>
}

const can = (admin: string, editor: string, supervisor: string, staffA: string, viewer: string) => ({
  admin,
  editor,
  supervisor,
  staffA,
  viewer,
})

let slotCounter = 40
let approvedVersionId: number | string
const existing: Record<string, number | string> = {}
const other = () => world.users.supervisor2.id

const entry = () => ({
  title: '両親学級',
  body: '予約制です。',
  kind: 'event',
  language: 'ja',
  audiences: ['primary'],
  window: { unit: 'child-month', from: 3, to: 4 },
  tenant: world.tenantA.id,
  state: 'published',
})

// Collections the workflow owns wholly: every field.
const approvedVersionFields = [
  'message',
  'version',
  'slot',
  'audience',
  'language',
  'subject',
  'body',
  'shortText',
  'topics',
  'supervisingExperts',
  'sample',
  'translationOf',
  'sourceVersion',
  'editors',
  'approvedBy',
  'approverName',
  'approvedAt',
]
const publicationFields = [
  'scope',
  'tenant',
  'state',
  'failureReason',
  'publishedBy',
  'manifestId',
  'previousManifestId',
  'parts',
  'uploadedParts',
  'skippedParts',
  'counts',
  'diff',
  'gaps',
  'gapsConfirmed',
  'index',
]
const countFields = {
  'survey-answer-counts': ['date', 'tenant', 'surveyId', 'surveyVersion', 'questionId', 'value', 'count'],
  'desk-forward-counts': ['date', 'tenant', 'failed', 'pending'],
  'flagged-delivery-counts': ['date', 'tenant', 'open', 'resolved', 'deadLetters'],
  'undecided-ages': ['date', 'tenant', 'flaggedDeliveryDays', 'deskForwardDays'],
}

const publicationForged = () => ({
  scope: 'national',
  tenant: world.tenantA.id,
  state: 'active',
  failureReason: '偽造',
  publishedBy: other(),
  manifestId: 'forged-manifest',
  previousManifestId: 'forged-previous',
  parts: [{ forged: true }],
  uploadedParts: [{ forged: true }],
  skippedParts: [{ forged: true }],
  counts: { messages: 999, tenants: 999, localEntries: 999 },
  diff: { added: ['forged'], changed: [], removed: [] },
  gaps: [{ forged: true }],
  gapsConfirmed: true,
  index: { messages: { forged: 'forged@9' }, tenants: {} },
})
const countForged = {
  'survey-answer-counts': () => ({
    date: '2020-01-01',
    tenant: world.tenantB.id,
    surveyId: 'forged',
    surveyVersion: 99,
    questionId: 'q99',
    value: 'forged',
    count: 999,
  }),
  'desk-forward-counts': () => ({ date: '2020-01-01', tenant: world.tenantB.id, failed: 999, pending: 999 }),
  'flagged-delivery-counts': () => ({
    date: '2020-01-01',
    tenant: world.tenantB.id,
    open: 999,
    resolved: 999,
    deadLetters: 999,
  }),
  'undecided-ages': () => ({
    date: '2020-01-01',
    tenant: world.tenantB.id,
    flaggedDeliveryDays: 999,
    deskForwardDays: 999,
  }),
}
const approvedVersionForged = () => ({
  message: existing.messages,
  version: 99,
  slot: 'pregnancy/99',
  audience: 'family',
  language: 'en',
  subject: '改ざん',
  body: lexical('改ざんされた本文'),
  shortText: '改ざん',
  topics: ['forged'],
  supervisingExperts: ['forged'],
  sample: true,
  translationOf: existing.messages,
  sourceVersion: 99,
  editors: [other()],
  approvedBy: other(),
  approverName: '偽の監修者',
  approvedAt: '2020-01-01T00:00:00.000Z',
})

const targets: Target[] = [
  {
    slug: 'messages',
    graphql: 'Message',
    owned: [
      'version',
      'versionEditors',
      'lastEditedBy',
      'approved',
      'approvedVersionNumber',
      'translatedFromVersion',
      'key',
    ],
    writes: can('CU', 'CU', 'U', '', ''),
    content: () => messageData(`pregnancy/${slotCounter++}`),
    forged: () => ({
      version: 99,
      versionEditors: [other()],
      lastEditedBy: other(),
      approved: approvedVersionId,
      approvedVersionNumber: 99,
      translatedFromVersion: 99,
      key: 'forged key',
    }),
    existing: () => existing.messages!,
    graphqlNeeds: { create: { reviewState: 'draft' } },
  },
  {
    slug: 'surveys',
    graphql: 'Survey',
    owned: ['version', 'versionEditors', 'approved'],
    writes: can('CU', 'CU', 'U', '', ''),
    content: () => nationalSurvey,
    forged: () => ({ version: 99, versionEditors: [other()], approved: forgedApproval }),
    existing: () => existing.nationalSurvey!,
  },
  {
    // A tenant's own survey: its staff save it without review, and still never set these.
    slug: 'surveys',
    graphql: 'Survey',
    owned: ['version', 'versionEditors', 'approved'],
    writes: can('CU', '', '', 'CU', ''),
    content: () => ({ ...nationalSurvey, tenant: world.tenantA.id }),
    forged: () => ({ version: 99, versionEditors: [other()], approved: forgedApproval }),
    existing: () => existing.tenantSurvey!,
  },
  {
    slug: 'local-support',
    graphql: 'LocalSupport',
    owned: ['version'],
    writes: can('CU', '', '', 'CU', ''),
    content: entry,
    forged: () => ({ version: 99 }),
    existing: () => existing['local-support']!,
    graphqlNeeds: {
      create: { priority: 'normal' },
      update: { window: { unit: 'child-month', from: 3, to: 4 } },
    },
  },
  {
    slug: 'message-history',
    graphql: 'MessageHistory',
    owned: ['event', 'actor', 'version'],
    writes: can('C', 'C', 'C', '', ''),
    content: () => ({ message: existing.messages, note: '表現をやわらかく' }),
    forged: () => ({ event: 'approved', actor: other(), version: 99 }),
    existing: () => existing['message-history']!,
  },
  {
    slug: 'approved-message-versions',
    graphql: 'ApprovedMessageVersion',
    owned: approvedVersionFields,
    writes: can('', '', '', '', ''),
    content: () => ({}),
    forged: approvedVersionForged,
    existing: () => approvedVersionId,
  },
  {
    slug: 'publications',
    graphql: 'Publication',
    owned: publicationFields,
    writes: can('', '', '', '', ''),
    content: () => ({}),
    forged: publicationForged,
    existing: () => existing.publications!,
  },
  ...(
    ['survey-answer-counts', 'desk-forward-counts', 'flagged-delivery-counts', 'undecided-ages'] as const
  ).map(
    (slug): Target => ({
      slug,
      graphql: {
        'survey-answer-counts': 'SurveyAnswerCount',
        'desk-forward-counts': 'DeskForwardCount',
        'flagged-delivery-counts': 'FlaggedDeliveryCount',
        'undecided-ages': 'UndecidedAge',
      }[slug],
      owned: countFields[slug],
      writes: can('', '', '', '', ''),
      content: () => ({}),
      forged: countForged[slug],
      existing: () => existing[slug]!,
    }),
  ),
]

const nameOf = (target: Target) =>
  target.slug === 'surveys'
    ? target.writes.staffA
      ? 'surveys (tenant A)'
      : 'surveys (national)'
    : target.slug

beforeAll(async () => {
  const editor = { overrideAccess: false, user: world.users.editor } as const
  const message = await payload.create({
    collection: 'messages',
    data: messageData('pregnancy/30'),
    ...editor,
  })
  existing.messages = message.id
  await payload.update({
    collection: 'messages',
    id: message.id,
    data: { reviewState: 'in-review' },
    ...editor,
  })
  await payload.update({
    collection: 'messages',
    id: message.id,
    data: { reviewState: 'approved' },
    overrideAccess: false,
    user: world.users.supervisor,
  })
  const copies = await payload.find({
    collection: 'approved-message-versions',
    where: { message: { equals: message.id } },
  })
  approvedVersionId = copies.docs[0]!.id
  const history = await payload.find({
    collection: 'message-history',
    where: { message: { equals: message.id } },
  })
  existing['message-history'] = history.docs[0]!.id
  existing.nationalSurvey = (
    await payload.create({ collection: 'surveys', data: nationalSurvey, ...editor })
  ).id
  existing.tenantSurvey = (
    await payload.create({
      collection: 'surveys',
      data: { ...nationalSurvey, tenant: world.tenantA.id },
      overrideAccess: false,
      user: world.users.staffA,
    })
  ).id
  existing['local-support'] = (await payload.create({ collection: 'local-support', data: entry() })).id
  // What publish and the edge's report write, as server code.
  existing.publications = (
    await payload.create({
      collection: 'publications',
      data: { scope: 'national', state: 'active', manifestId: 'pub-real' },
    })
  ).id
  const counts = { date: '2026-01-01', tenant: world.tenantA.id }
  existing['survey-answer-counts'] = (
    await payload.create({
      collection: 'survey-answer-counts',
      data: { ...counts, surveyId: 'survey-1-1', surveyVersion: 1, questionId: 'q1', value: 'c1', count: 3 },
    })
  ).id
  existing['desk-forward-counts'] = (
    await payload.create({ collection: 'desk-forward-counts', data: { ...counts, failed: 1, pending: 0 } })
  ).id
  existing['flagged-delivery-counts'] = (
    await payload.create({
      collection: 'flagged-delivery-counts',
      data: { ...counts, open: 1, resolved: 0, deadLetters: 0 },
    })
  ).id
  existing['undecided-ages'] = (
    await payload.create({
      collection: 'undecided-ages',
      data: { ...counts, flaggedDeliveryDays: 3, deskForwardDays: null },
    })
  ).id
})

async function graphql(who: Role, query: string, variables: Record<string, unknown>) {
  const request = new Request('http://localhost/api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${tokens[who]}` },
    body: JSON.stringify({ query, variables }),
  })
  const response = await GRAPHQL_POST(cms.config)(request)
  return (await response.json()) as {
    data?: Record<string, { id: number } | null>
    errors?: { message: string }[]
  }
}

// GraphQL names select options as enums, with `_` for `-`.
const asGraphql = (value: unknown, key = ''): unknown => {
  if (Array.isArray(value)) return value.map((item) => asGraphql(item, key))
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asGraphql(v, k)]))
  return key === 'unit' && typeof value === 'string' ? value.replace(/-/g, '_') : value
}

/** One save as `who` through `api`; the id it created or updated, or null when it was refused. */
async function save(
  api: Api,
  who: Role,
  target: Target,
  write: Write,
  data: Record<string, unknown>,
): Promise<number | string | null> {
  const id = write === 'update' ? target.existing() : undefined
  if (api === 'Local') {
    const as = { collection: target.slug, overrideAccess: false, user: world.users[who], depth: 0 } as const
    try {
      const doc =
        write === 'create'
          ? await payload.create({ ...as, data })
          : await payload.update({ ...as, id: id!, data })
      return doc.id
    } catch {
      return null
    }
  }
  if (api === 'REST') {
    const response =
      write === 'create'
        ? await restAs(who, 'POST', `/api/${target.slug}`, data)
        : await restAs(who, 'PATCH', `/api/${target.slug}/${id}`, data)
    const ok = response.status === (write === 'create' ? 201 : 200)
    return ok ? ((response.body.doc as { id: number }).id ?? null) : null
  }
  const name = `${write}${target.graphql}`
  const query =
    write === 'create'
      ? `mutation ($data: mutation${target.graphql}Input!) { ${name}(data: $data) { id } }`
      : `mutation ($id: Int!, $data: mutation${target.graphql}UpdateInput!) { ${name}(id: $id, data: $data) { id } }`
  const result = await graphql(who, query, {
    id,
    data: asGraphql({ ...target.graphqlNeeds?.[write], ...data }),
  })
  return result.errors?.length ? null : (result.data?.[name]?.id ?? null)
}

const stored = async (slug: string, id: number | string, fields: readonly string[]) => {
  const doc = (await payload.findByID({ collection: slug, id, depth: 0 })) as Record<string, unknown>
  return Object.fromEntries(fields.map((field) => [field, doc[field] ?? null]))
}

describe.each(targets.map((target) => [nameOf(target), target] as const))('%s', (_name, target) => {
  describe.each(apis)('over %s', (api) => {
    it.each(roles)('as %s: no create or update sets a system-owned field', async (who) => {
      // Create: refused, or made with the workflow's values, never the forged ones.
      const forged = target.forged()
      const created = await save(api, who, target, 'create', { ...target.content(), ...forged })
      expect(created !== null, `${who} may create`).toBe(target.writes[who].includes('C'))
      if (created !== null) {
        const values = await stored(target.slug, created, target.owned)
        for (const field of target.owned) expect(values[field], field).not.toEqual(forged[field])
      }

      // Update: refused, or every system-owned field is as it was.
      const before = await stored(target.slug, target.existing(), target.owned)
      const updated = await save(api, who, target, 'update', target.forged())
      expect(updated !== null, `${who} may update`).toBe(target.writes[who].includes('U'))
      expect(await stored(target.slug, target.existing(), target.owned)).toEqual(before)
    })
  })
})

// The second line: server code saving for a person with overrideAccess: true skips field access;
// the beforeValidate hook still drops what the workflow owns.
describe.each(targets.map((target) => [nameOf(target), target] as const))(
  '%s, saved for a person with overrideAccess: true',
  (_name, target) => {
    it('keeps every system-owned field as the workflow set it', async () => {
      const as = { collection: target.slug, overrideAccess: true, user: world.users.admin, depth: 0 } as const
      const forged = target.forged()
      const created = await payload
        .create({ ...as, data: { ...target.content(), ...forged } })
        .catch(() => null)
      if (created) {
        const values = await stored(target.slug, created.id, target.owned)
        for (const field of target.owned) expect(values[field], field).not.toEqual(forged[field])
      }
      const before = await stored(target.slug, target.existing(), target.owned)
      await payload.update({ ...as, id: target.existing(), data: target.forged() }).catch(() => null)
      expect(await stored(target.slug, target.existing(), target.owned)).toEqual(before)
    })
  },
)

it('forges a value for every field of the wholly system-owned collections', () => {
  expect(Object.keys(approvedVersionForged())).toEqual(approvedVersionFields)
  expect(Object.keys(publicationForged())).toEqual(publicationFields)
  for (const slug of Object.keys(countFields) as (keyof typeof countFields)[])
    expect(Object.keys(countForged[slug]())).toEqual(countFields[slug])
})

it('still publishes no national survey, whatever was sent', async () => {
  expect(await published()).toEqual([])
})
