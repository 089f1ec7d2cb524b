import type { CollectionBeforeChangeHook } from 'payload'
import type { YorisoiSlugs } from '../../slugs'
import type { ReviewContext } from '../../workflow/context'

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/**
 * A translation is written against its source's approved version at that moment; remembering
 * which one lets the CMS mark the translation stale once the source moves on.
 */
export const trackTranslationBasis =
  (slugs: YorisoiSlugs): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req, context }) => {
    if (!(context as ReviewContext).contentChanged) return data
    const sourceId = idOf(data.translationOf !== undefined ? data.translationOf : originalDoc?.translationOf)
    if (!sourceId) {
      data.translatedFromVersion = null
      return data
    }
    const source = await req.payload.findByID({
      collection: slugs.messages,
      id: sourceId as number | string,
      depth: 0,
      req,
      overrideAccess: true,
      disableErrors: true,
    })
    data.translatedFromVersion =
      (source as { approvedVersionNumber?: number } | null)?.approvedVersionNumber ?? 0
    return data
  }
