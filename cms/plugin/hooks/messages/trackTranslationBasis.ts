import type { CollectionBeforeChangeHook } from 'payload'
import type { YorisoiSlugs } from '../../slugs'
import type { ReviewContext } from '../../workflow/context'
import { approvedVersionOf, idOf } from './sourceVersion'

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
    data.translatedFromVersion = await approvedVersionOf(req, slugs, sourceId)
    return data
  }
