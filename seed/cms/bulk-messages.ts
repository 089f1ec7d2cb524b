import { type PostgresAdapter, sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { keyInWords } from '../../cms/plugin/views/keyInWords'
import { messageKey } from '../../cms/plugin/workflow/content'
import type { SampleMessage } from '../content/types'
import { messageDataOf, type Person } from './message-data'

type Row = Record<string, unknown>
type Tx = Parameters<Parameters<PostgresAdapter['drizzle']['transaction']>[0]>[0]

// Rows per INSERT: Postgres takes at most 65,535 parameters in one statement (a message row has 19).
const chunk = 500

/**
 * New sample messages written straight into the tables, many rows per statement in one transaction,
 * as exactly the rows the review workflow leaves when the editor submits a message on creating it
 * and a supervisor approves it (upsertMessages): the message, its two saved versions, its approved
 * copy, and its history (submitted by the editor, approved by the supervisor). Through the hooks
 * one by one, 1,626 messages took 36 s on 2 cores, so all 9,214 would take over 3 minutes; this
 * takes about half a minute. Only for messages the database does not have: a changed one goes
 * through the workflow, and tests/cms/seed-bulk.test.ts holds these rows to the workflow's.
 */
export async function insertApprovedMessages(
  payload: Payload,
  messages: readonly SampleMessage[],
  people: { editor: Person; supervisor: Person },
): Promise<number> {
  if (messages.length === 0) return 0
  const db = payload.db as unknown as PostgresAdapter
  const table = (name: string) => {
    const found = db.tables[name]
    if (!found) throw new Error(`No table ${name}: the messages schema changed, so must the bulk seed`)
    return found
  }
  const editor = people.editor.id
  const supervisor = people.supervisor.id
  const approverName = String(people.supervisor.name || people.supervisor.email || supervisor)
  // The editor submits as they create; the supervisor approves a moment later (history sorts by time).
  const submittedAt = new Date()
  const approvedAt = new Date(submittedAt.getTime() + 1)

  await db.drizzle.transaction(async (tx) => {
    for (let start = 0; start < messages.length; start += chunk) {
      await insertChunk(tx, table, messages.slice(start, start + chunk), {
        editor,
        supervisor,
        approverName,
        submittedAt,
        approvedAt,
      })
    }
  })
  return messages.length
}

interface Stamp {
  editor: number | string
  supervisor: number | string
  approverName: string
  submittedAt: Date
  approvedAt: Date
}

async function insertChunk(
  tx: Tx,
  table: (name: string) => PostgresAdapter['tables'][string],
  messages: readonly SampleMessage[],
  stamp: Stamp,
) {
  const { editor, supervisor, approverName, submittedAt, approvedAt } = stamp
  const insert = (name: string, rows: Row[]) =>
    rows.length ? tx.insert(table(name)).values(rows) : undefined
  const datas = messages.map(messageDataOf)

  // 1. The messages, approved, pointing at no approved copy yet (its id is not known).
  const content = (data: (typeof datas)[number]) => ({
    slot: data.slot,
    audience: data.audience,
    language: data.language,
    subject: data.subject,
    body: data.body,
    shortText: data.shortText,
    sample: data.sample,
    translationOf: null,
    translatedFromVersion: null,
    reviewNote: null,
    version: 1,
    lastEditedBy: editor,
    key: messageKey(data),
    title: keyInWords(messageKey(data)),
  })
  const created = (await insert(
    'messages',
    datas.map((data) => ({
      ...content(data),
      reviewState: 'approved',
      approvedVersionNumber: 1,
      createdAt: submittedAt,
      updatedAt: approvedAt,
    })),
  )?.returning({ id: table('messages').id, key: table('messages').key })) as { id: number; key: string }[]
  const idOfKey = new Map(created.map((row) => [row.key, row.id]))
  const messageIds = datas.map((data) => idOfKey.get(messageKey(data))!)

  // 2. The approved copies, as recordApproval writes them.
  const approved = (await insert(
    'approved_message_versions',
    datas.map((data, i) => ({
      message: messageIds[i],
      version: 1,
      slot: data.slot,
      audience: data.audience,
      language: data.language,
      subject: data.subject,
      body: data.body,
      shortText: data.shortText,
      topics: data.topics,
      supervisingExperts: [],
      sample: data.sample,
      translationOf: null,
      sourceVersion: null,
      approvedBy: supervisor,
      approverName,
      approvedAt,
      createdAt: approvedAt,
      updatedAt: approvedAt,
    })),
  )?.returning({
    id: table('approved_message_versions').id,
    message: table('approved_message_versions').message,
  })) as { id: number; message: number }[]
  const approvedOf = new Map(approved.map((row) => [row.message, row.id]))
  await insert(
    'approved_message_versions_rels',
    approved.map((row) => ({ parent: row.id, path: 'editors', order: 1, usersID: editor })),
  )
  // One statement for the chunk: each message now points at its approved copy.
  const m = table('messages')
  const a = table('approved_message_versions')
  await tx.execute(
    sql`update ${m} set ${sql.identifier(m.approved.name)} = ${a.id} from ${a}
        where ${a.message} = ${m.id} and ${a.id} in (${sql.join(
          approved.map((row) => sql`${row.id}`),
          sql`, `,
        )})`,
  )

  // 3. The message's own hasMany rows: its topics and the editors of its version.
  await insert(
    'messages_texts',
    datas.flatMap((data, i) =>
      data.topics.map((text, t) => ({ parent: messageIds[i], path: 'topics', order: t + 1, text })),
    ),
  )
  await insert(
    'messages_rels',
    messageIds.map((id) => ({ parent: id, path: 'versionEditors', order: 1, usersID: editor })),
  )

  // 4. The two saved versions: submitted on creation, then approved.
  const versions = (await insert(
    '_messages_v',
    datas.flatMap((data, i) => {
      const own = content(data)
      const version = (state: 'in-review' | 'approved', at: Date) => ({
        parent: messageIds[i],
        ...Object.fromEntries(Object.entries(own).map(([field, value]) => [`version_${field}`, value])),
        version_reviewState: state,
        version_approved: state === 'approved' ? approvedOf.get(messageIds[i]!) : null,
        version_approvedVersionNumber: state === 'approved' ? 1 : null,
        version_createdAt: submittedAt,
        version_updatedAt: at,
        createdAt: at,
        updatedAt: at,
      })
      return [version('in-review', submittedAt), version('approved', approvedAt)]
    }),
  )?.returning({ id: table('_messages_v').id, parent: table('_messages_v').parent })) as {
    id: number
    parent: number
  }[]
  const topicsOf = new Map(datas.map((data, i) => [messageIds[i], data.topics]))
  await insert(
    '_messages_v_texts',
    versions.flatMap((row) =>
      (topicsOf.get(row.parent) ?? []).map((text, t) => ({
        parent: row.id,
        path: 'version.topics',
        order: t + 1,
        text,
      })),
    ),
  )
  await insert(
    '_messages_v_rels',
    versions.map((row) => ({ parent: row.id, path: 'version.versionEditors', order: 1, usersID: editor })),
  )

  // 5. The history: the editor submitted version 1, the supervisor approved it.
  await insert(
    'message_history',
    messageIds.flatMap((id) => [
      {
        message: id,
        version: 1,
        event: 'submitted',
        actor: editor,
        note: null,
        createdAt: submittedAt,
        updatedAt: submittedAt,
      },
      {
        message: id,
        version: 1,
        event: 'approved',
        actor: supervisor,
        note: null,
        createdAt: approvedAt,
        updatedAt: approvedAt,
      },
    ]),
  )
}
