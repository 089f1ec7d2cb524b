import type { Payload } from 'payload'
import type { YorisoiSlugs } from '../slugs'

export type QueueItem = {
  id: number | string
  key: string
  subject: string
  version: number
  /** When it was submitted: a message in review is not changed until someone acts on it. */
  waitingSince: string
  editors: (number | string)[]
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
    select: { key: true, subject: true, version: true, updatedAt: true, versionEditors: true },
  })
  return docs.map((doc) => {
    const d = doc as Record<string, unknown>
    return {
      id: doc.id,
      key: String(d.key),
      subject: String(d.subject),
      version: Number(d.version ?? 1),
      waitingSince: String(d.updatedAt),
      editors: (d.versionEditors as (number | string)[] | null) ?? [],
    }
  })
}
