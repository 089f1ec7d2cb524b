import type { Payload } from 'payload'
import { contentKey, messageKey } from '../../cms/plugin/workflow/content'
import { eachWithLimit } from '../../shared/concurrency'
import type { SampleMessage } from '../content/types'
import { insertApprovedMessages } from './bulk-messages'
import { type Counts, noCounts } from './counts'
import { messageDataOf, type Person } from './message-data'

type Doc = Record<string, unknown> & { id: number | string; reviewState?: string }

export interface MessageSeeding {
  editor: Person
  supervisor: Person
  /** Saves in flight at once; each one is its own transaction through the review hooks. */
  concurrency?: number
  /** New messages in bulk (default) or, like changed ones, saved one by one through the workflow. */
  bulk?: boolean
  log?: (line: string) => void
}

/**
 * Every sample message written by the editor and approved by the supervisor, so the history shows
 * who did what. Messages the database does not have yet are written in bulk as the rows the review
 * workflow leaves (insertApprovedMessages); a changed or unapproved one goes through the real
 * workflow (the CMS hooks decide, copy the approved version and record history). A message already
 * approved with the same text is left alone.
 */
export async function upsertMessages(
  payload: Payload,
  messages: readonly SampleMessage[],
  seeding: MessageSeeding,
): Promise<Counts & { approved: number }> {
  const counts = { ...noCounts(), approved: 0 }
  const stored = await payload.find({
    collection: 'messages',
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const byKey = new Map((stored.docs as Doc[]).map((doc) => [String(doc.key), doc]))
  // depth 0: the saved document comes back without its relationships populated (much faster).
  const asEditor = { overrideAccess: false, user: seeding.editor, depth: 0 } as const
  const asSupervisor = { overrideAccess: false, user: seeding.supervisor, depth: 0 } as const
  let done = 0

  const bulk = seeding.bulk ?? true
  const missing = bulk ? messages.filter((message) => !byKey.has(messageKey(message))) : []
  if (missing.length) {
    seeding.log?.(`  新しいメッセージ ${missing.length} 件を一括で / ${missing.length} new messages in bulk`)
    const inserted = await insertApprovedMessages(payload, missing, seeding)
    counts.created += inserted
    counts.approved += inserted
  }
  const oneByOne = bulk ? messages.filter((message) => byKey.has(messageKey(message))) : messages

  await eachWithLimit(oneByOne, seeding.concurrency ?? 8, async (message) => {
    const data = messageDataOf(message)
    const existing = byKey.get(messageKey(message))
    let state: string | undefined
    let id: number | string
    if (!existing) {
      const created = await payload.create({
        collection: 'messages',
        data: { ...data, reviewState: 'in-review' },
        ...asEditor,
      })
      ;({ id } = created)
      state = created.reviewState as string
      counts.created++
    } else if (contentKey(existing) !== contentKey({ ...existing, ...data })) {
      const updated = await payload.update({
        collection: 'messages',
        id: existing.id,
        data: { ...data, reviewState: 'in-review' },
        ...asEditor,
      })
      ;({ id } = updated)
      state = updated.reviewState as string
      counts.updated++
    } else {
      id = existing.id
      state = existing.reviewState
      if (state === 'approved') {
        counts.unchanged++
        return
      }
      counts.updated++
    }
    // Editing a version under review withdraws it: submit it again before it can be approved.
    if (state !== 'in-review') {
      await payload.update({ collection: 'messages', id, data: { reviewState: 'in-review' }, ...asEditor })
    }
    await payload.update({ collection: 'messages', id, data: { reviewState: 'approved' }, ...asSupervisor })
    counts.approved++
    if (++done % 200 === 0) seeding.log?.(`  メッセージ ${done} 件を承認 / ${done} messages approved`)
  })
  return counts
}
