import type { Payload } from 'payload'
import type { YorisoiSlugs } from '../slugs'
import { reviewText } from '../workflow/bodyText'
import { type DiffPart, textDiff } from './textDiff'

export type QueueItem = {
  id: number | string
  key: string
  subject: string
  version: number
  /** When it was submitted: a message in review is not changed until someone acts on it. */
  waitingSince: string
  editors: (number | string)[]
  /** The version in review as text, and what changed from the live (last approved) version. */
  text: string
  liveVersion: number | null
  changes: DiffPart[]
}

/** Messages waiting for a medical supervisor, oldest first, so nothing waits forever. */
export async function reviewQueue(payload: Payload, slugs: YorisoiSlugs): Promise<QueueItem[]> {
  const { docs } = await payload.find({
    collection: slugs.messages,
    where: { reviewState: { equals: 'in-review' } },
    sort: 'updatedAt',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: {
      key: true,
      subject: true,
      body: true,
      shortText: true,
      version: true,
      updatedAt: true,
      versionEditors: true,
    },
  })
  const live = await liveVersions(
    payload,
    slugs,
    docs.map((doc) => doc.id),
  )
  return docs.map((doc) => {
    const d = doc as Record<string, unknown>
    const text = reviewText(d)
    const approved = live.get(String(doc.id))
    return {
      text,
      liveVersion: approved?.version ?? null,
      changes: textDiff(approved ? reviewText(approved) : null, text),
      id: doc.id,
      key: String(d.key),
      subject: String(d.subject),
      version: Number(d.version ?? 1),
      waitingSince: String(d.updatedAt),
      editors: (d.versionEditors as (number | string)[] | null) ?? [],
    }
  })
}

type Approved = {
  message: number | string
  version: number
  subject: string
  body: unknown
  shortText?: string
}

/** The newest approved version of each message: what residents get while the new one waits. */
async function liveVersions(payload: Payload, slugs: YorisoiSlugs, ids: (number | string)[]) {
  const live = new Map<string, Approved>()
  if (ids.length === 0) return live
  const { docs } = await payload.find({
    collection: slugs.approvedMessageVersions,
    where: { message: { in: ids } },
    sort: '-version',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { message: true, version: true, subject: true, body: true, shortText: true },
  })
  for (const doc of docs as unknown as Approved[]) {
    const key = String(doc.message)
    if (!live.has(key)) live.set(key, doc)
  }
  return live
}
