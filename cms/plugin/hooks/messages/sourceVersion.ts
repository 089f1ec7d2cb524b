import type { PayloadRequest } from 'payload'
import type { YorisoiSlugs } from '../../slugs'

/** A relationship's id, whether it came populated or as the bare id. */
export const idOf = (value: unknown) =>
  value && typeof value === 'object' ? (value as { id: unknown }).id : value

/** The approved version number of the message a translation follows; 0 before its first approval. */
export async function approvedVersionOf(req: PayloadRequest, slugs: YorisoiSlugs, sourceId: unknown) {
  const source = await req.payload.findByID({
    collection: slugs.messages,
    id: sourceId as number | string,
    depth: 0,
    req,
    overrideAccess: true,
    disableErrors: true,
    select: { approvedVersionNumber: true },
  })
  return (source as { approvedVersionNumber?: number | null } | null)?.approvedVersionNumber ?? 0
}
