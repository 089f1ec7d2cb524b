import type { Payload } from 'payload'
import { defaultSlugs, type YorisoiSlugs } from './slugs'

/** An approved message version as the CMS stores it (approved-message-versions). */
export interface ApprovedVersionDoc {
  message: number | string
  version: number
  slot: string
  audience: string
  language: string
  subject: string
  /** The Lexical document exactly as approved. */
  body: unknown
  shortText?: string | null
  topics?: unknown
  supervisingExperts?: unknown
  /** Sample content no doctor has reviewed; the edge marks it visibly. */
  sample?: boolean | null
  approverName: string
}

export type PublishableMessage = ApprovedVersionDoc & {
  id: number | string
  approvedBy: number | string
  approvedAt: string
}

const idOf = (value: unknown) =>
  value && typeof value === 'object' ? (value as { id: number | string }).id : value

/**
 * What the publish step may send to residents: for each message, the approved version it points
 * at, read from the approved-versions collection, which only an approval can write. A message's
 * working draft is never read here. Publishing (cms/publish) reads approved content through this.
 */
export async function publishableMessages(
  payload: Payload,
  slugs: Pick<YorisoiSlugs, 'messages' | 'approvedMessageVersions'> = defaultSlugs,
): Promise<PublishableMessage[]> {
  const pointers = await payload.find({
    collection: slugs.messages,
    where: { approved: { exists: true } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { approved: true },
  })
  const ids = pointers.docs.map((doc) => idOf((doc as { approved?: unknown }).approved)).filter(Boolean)
  if (!ids.length) return []
  const approved = await payload.find({
    collection: slugs.approvedMessageVersions,
    where: { id: { in: ids } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    sort: 'slot',
  })
  return approved.docs.map((doc) => {
    const row = doc as unknown as PublishableMessage
    return {
      ...row,
      message: idOf(row.message) as number | string,
      approvedBy: idOf(row.approvedBy) as number | string,
    }
  })
}
