import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultSlugs } from '../../cms/plugin/slugs'
import { reviewQueue } from '../../cms/plugin/views/reviewQueue'
import { approvedVersions, defaultContentSlugs } from '../../cms/publish/content'
import type { Person } from '../../seed/cms/message-data'
import { upsertMessages } from '../../seed/cms/messages'
import { sampleEditions } from '../../seed/content/editions'
import { generateSampleMessages } from '../../seed/content/generate'
import { seed } from '../../seed/index'
import { type Cms, startCms } from './support/cms'

// The seed writes new sample messages straight into the tables. Seeded one by one through the
// review workflow in one database and in bulk in another, the same messages must leave the same
// rows, and a bulk-seeded message must then behave as any other in the review workflow.
const password = 'seed-bulk-password'
// Every 97th of all 9,214: each language and audience, pregnancy and child slots, links and readings.
const all = generateSampleMessages(undefined, sampleEditions)
const subset = all.filter((_, i) => i % 97 === 0)
let workflow: Cms
let bulk: Cms
let bulkPeople: { editor: Person; supervisor: Person }

/** The seed's users, tenants and surveys, no messages; the editor and the supervisor who approves. */
async function world(cms: Cms) {
  await seed({ payload: cms.payload, password, editions: [] })
  const person = async (email: string): Promise<Person> => {
    const found = await cms.payload.find({
      collection: 'users',
      where: { email: { equals: email } },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
    return { ...found.docs[0]!, collection: 'users' } as unknown as Person
  }
  return { editor: await person('editor@yorisoi.test'), supervisor: await person('supervisor1@yorisoi.test') }
}

beforeAll(async () => {
  ;[workflow, bulk] = await Promise.all([startCms({ sideBySide: true }), startCms({ sideBySide: true })])
  const workflowPeople = await world(workflow)
  bulkPeople = await world(bulk)
  const viaWorkflow = await upsertMessages(workflow.payload, subset, { ...workflowPeople, bulk: false })
  expect(viaWorkflow).toMatchObject({ created: subset.length, approved: subset.length })
  const inBulk = await upsertMessages(bulk.payload, subset, bulkPeople)
  expect(inBulk).toMatchObject({ created: subset.length, approved: subset.length })
}, 300_000)
afterAll(() => Promise.all([workflow?.stop(), bulk?.stop()]))

type Row = Record<string, unknown>
const rowsOf = async (payload: Payload, table: string): Promise<Row[]> =>
  (await (payload.db as unknown as PostgresAdapter).drizzle.execute(sql.raw(`select * from "${table}"`)))
    .rows as Row[]

/**
 * Every row the messages leave, with ids replaced by what they stand for (a message by its key, a
 * user by email, a saved version by its message and state) and the moments left out.
 */
async function messageRows(payload: Payload) {
  const emails = new Map((await rowsOf(payload, 'users')).map((u) => [u.id, u.email]))
  const messages = await rowsOf(payload, 'messages')
  const keyOf = new Map(messages.map((m) => [m.id, m.key]))
  const approved = await rowsOf(payload, 'approved_message_versions')
  const approvedKey = new Map(approved.map((a) => [a.id, `approved ${keyOf.get(a.message_id)}`]))
  const versions = await rowsOf(payload, '_messages_v')
  const versionKey = new Map(
    versions.map((v) => [v.id, `${keyOf.get(v.parent_id)} ${v.version_review_state}`]),
  )
  const refs: Record<string, Map<unknown, unknown>> = {
    message_id: keyOf,
    users_id: emails,
    actor_id: emails,
    approved_by_id: emails,
    last_edited_by_id: emails,
    version_last_edited_by_id: emails,
    approved_id: approvedKey,
    version_approved_id: approvedKey,
  }
  const plain = (row: Row, parents?: Map<unknown, unknown>) =>
    JSON.stringify(
      Object.fromEntries(
        Object.entries(row)
          .filter(([column]) => column !== 'id' && !column.endsWith('_at'))
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([column, value]) => {
            if (column === 'parent_id' && parents) return [column, parents.get(value) ?? `?${value}`]
            const ref = refs[column]
            return [column, ref && value !== null ? (ref.get(value) ?? `?${value}`) : sortedJson(value)]
          }),
      ),
    )
  const table = async (name: string, parents?: Map<unknown, unknown>) =>
    [name, (await rowsOf(payload, name)).map((row) => plain(row, parents)).sort()] as const
  return Object.fromEntries([
    await table('messages'),
    await table('messages_texts', keyOf),
    await table('messages_rels', keyOf),
    await table('_messages_v', keyOf),
    await table('_messages_v_texts', versionKey),
    await table('_messages_v_rels', versionKey),
    await table('approved_message_versions'),
    await table('approved_message_versions_rels', approvedKey),
    await table('message_history'),
  ])
}

// jsonb keeps its own key order: compare documents with their keys sorted.
function sortedJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedJson)
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortedJson((value as Row)[key])]),
    )
  return value
}

const messageByKey = async (payload: Payload, key: string) =>
  (
    await payload.find({
      collection: 'messages',
      where: { key: { equals: key } },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
  ).docs[0] as unknown as Row & { id: number; version: number; approvedVersionNumber: number }

describe('messages seeded in bulk', () => {
  it('leave exactly the rows the review workflow leaves, table by table', async () => {
    const [viaWorkflow, inBulk] = await Promise.all([
      messageRows(workflow.payload),
      messageRows(bulk.payload),
    ])
    expect(viaWorkflow.messages).toHaveLength(subset.length)
    expect(viaWorkflow._messages_v).toHaveLength(2 * subset.length)
    expect(viaWorkflow.message_history).toHaveLength(2 * subset.length)
    for (const table of Object.keys(viaWorkflow)) expect(inBulk[table], table).toEqual(viaWorkflow[table])
  })

  it('are what publishing reads, the same as after the workflow', async () => {
    const read = async (payload: Payload) =>
      (await approvedVersions(payload, defaultContentSlugs))
        .map(
          ({ slot, audience, language, subject, body, shortText, topics, sample, approverName, version }) =>
            JSON.stringify(
              sortedJson({
                slot,
                audience,
                language,
                subject,
                body,
                shortText,
                topics,
                sample,
                approverName,
                version,
              }),
            ),
        )
        .sort()
    const published = await read(bulk.payload)
    expect(published).toHaveLength(subset.length)
    expect(published).toEqual(await read(workflow.payload))
  })

  it('show in their history the editor submitting and the supervisor approving, one after the other', async () => {
    const message = await messageByKey(bulk.payload, messageKeyOf(0))
    const history = await bulk.payload.find({
      collection: 'message-history',
      where: { message: { equals: message.id } },
      sort: 'createdAt',
      depth: 1,
      overrideAccess: true,
    })
    expect(history.docs.map((h) => [h.event, (h.actor as { email: string }).email, h.version])).toEqual([
      ['submitted', 'editor@yorisoi.test', 1],
      ['approved', 'supervisor1@yorisoi.test', 1],
    ])
  })

  it('wait for no review', async () => {
    expect(await reviewQueue(bulk.payload, defaultSlugs)).toEqual([])
  })

  it('go through the workflow when edited in the admin: a new version, approved again before it serves', async () => {
    const payload = bulk.payload
    const user = async (email: string) =>
      ({
        ...(
          await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0 })
        ).docs[0]!,
        collection: 'users',
      }) as unknown as Person
    // Not supervisor1, who approved version 1: any medical supervisor who did not edit version 2 may.
    const editor = await user('editor@yorisoi.test')
    const supervisor2 = await user('supervisor2@yorisoi.test')
    const before = await messageByKey(payload, messageKeyOf(1))
    const as = (who: Person) => ({ overrideAccess: false, user: who, depth: 0 }) as const

    const edited = await payload.update({
      collection: 'messages',
      id: before.id,
      data: { subject: `${before.subject}（改訂）` },
      ...as(editor),
    })
    expect(edited).toMatchObject({
      version: 2,
      reviewState: 'draft',
      approvedVersionNumber: 1,
      approved: before.approved,
    })
    expect((await reviewQueue(payload, defaultSlugs)).map((item) => item.key)).toEqual([])

    await payload.update({
      collection: 'messages',
      id: before.id,
      data: { reviewState: 'in-review' },
      ...as(editor),
    })
    expect(
      (await reviewQueue(payload, defaultSlugs)).map((item) => [item.key, item.version, item.liveVersion]),
    ).toEqual([[before.key, 2, 1]])
    // Still the approved version 1 is what residents get until a supervisor approves version 2.
    const serving = async () =>
      (await approvedVersions(payload, defaultContentSlugs)).find(
        (v) => String(v.message) === String(before.id),
      )
    expect(await serving()).toMatchObject({ version: 1, subject: before.subject })

    const approved = await payload.update({
      collection: 'messages',
      id: before.id,
      data: { reviewState: 'approved' },
      ...as(supervisor2),
    })
    expect(approved).toMatchObject({ version: 2, reviewState: 'approved', approvedVersionNumber: 2 })
    expect(await serving()).toMatchObject({
      version: 2,
      subject: `${before.subject}（改訂）`,
      approverName: supervisor2.name,
    })
    const saved = await payload.findVersions({
      collection: 'messages',
      where: { parent: { equals: before.id } },
      limit: 0,
    })
    // Created (submitted) and approved by the seed, then edited, submitted and approved here.
    expect(saved.totalDocs).toBe(5)
  })

  it('leave a second seed with nothing to do, and a changed sample message to the workflow', async () => {
    const payload = bulk.payload
    const again = await upsertMessages(payload, subset, bulkPeople)
    // The one edited above is the seed's text again: saved, submitted and approved as version 3.
    expect(again).toMatchObject({ created: 0, updated: 1, unchanged: subset.length - 1, approved: 1 })
    const restored = await messageByKey(payload, messageKeyOf(1))
    expect(restored).toMatchObject({ version: 3, approvedVersionNumber: 3, reviewState: 'approved' })
    expect(await upsertMessages(payload, subset, bulkPeople)).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: subset.length,
    })
  })

  it('add sample messages the database lacks in bulk next to those it has (an older seed)', async () => {
    const payload = bulk.payload
    const more = all.filter((_, i) => i % 97 === 1)
    expect(await upsertMessages(payload, [...subset, ...more], bulkPeople)).toMatchObject({
      created: more.length,
      updated: 0,
      unchanged: subset.length,
    })
    expect(await approvedVersions(payload, defaultContentSlugs)).toHaveLength(subset.length + more.length)
    expect(await reviewQueue(payload, defaultSlugs)).toEqual([])
  })
})

function messageKeyOf(index: number) {
  const m = subset[index]!
  return `${m.slot} ${m.audience} ${m.language}`
}
