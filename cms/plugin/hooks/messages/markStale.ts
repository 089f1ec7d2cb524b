import type { FieldHook } from 'payload'
import type { YorisoiSlugs } from '../../slugs'
import { approvedVersionOf, idOf } from './sourceVersion'

/** A translation is stale once its source has an approved version newer than the one it follows. */
export const markStale =
  (slugs: YorisoiSlugs): FieldHook =>
  async ({ siblingData, req }) => {
    const sourceId = idOf(siblingData?.translationOf)
    if (!sourceId) return false
    const latest = await approvedVersionOf(req, slugs, sourceId)
    return latest > Number(siblingData.translatedFromVersion ?? 0)
  }
