import type { Payload } from 'payload'
import { contentKey, messageKey } from '../../cms/plugin/workflow/content'
import { eachWithLimit } from '../../shared/concurrency'
import type { SampleMessage } from '../content/types'
import { type Counts, noCounts } from './counts'
import { portableToLexical } from './lexical'

type Doc = Record<string, unknown> & { id: number | string; reviewState?: string }
export type Person = Record<string, unknown> & { id: number | string }

export interface MessageSeeding {
  editor: Person
  supervisor: Person
  /** Saves in flight at once; each one is its own transaction through the review hooks. */
  concurrency?: number
  log?: (line: string) => void
}

export const messageDataOf = (message: SampleMessage) => ({
  slot: message.slot,
  audience: message.audience,
  language: message.language,
  subject: message.subject,
  body: portableToLexical(message.body),
  shortText: message.shortText,
  topics: message.topicTags,
  sample: message.sample,
})

/**
 * Every sample message written by the editor and approved by the supervisor through the real
 * review workflow (the CMS hooks decide, copy the approved version and record history), so the
 * history shows who did what. A message already approved with the same text is left alone.
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

  await eachWithLimit(messages, seeding.concurrency ?? 8, async (message) => {
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
