import type { FieldHook } from 'payload'
import type { YorisoiSlugs } from '../../slugs'

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/** A translation is stale once its source has an approved version newer than the one it follows. */
export const markStale =
  (slugs: YorisoiSlugs): FieldHook =>
  async ({ siblingData, req }) => {
    const sourceId = idOf(siblingData?.translationOf)
    if (!sourceId) return false
    const source = await req.payload.findByID({
      collection: slugs.messages,
      id: sourceId as number | string,
      depth: 0,
      req,
      overrideAccess: true,
      disableErrors: true,
      select: { approvedVersionNumber: true },
    })
    const latest = (source as { approvedVersionNumber?: number | null } | null)?.approvedVersionNumber ?? 0
    return latest > Number(siblingData.translatedFromVersion ?? 0)
  }
