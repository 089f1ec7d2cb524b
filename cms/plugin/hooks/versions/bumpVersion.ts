import type { CollectionBeforeChangeHook } from 'payload'
import { contentKeyOf } from '../../workflow/contentKey'

/**
 * A new document is version 1; a save that changes any of `fields` raises the version by one, any
 * other save (a state change, the same data sent again) keeps it. The version is never taken from
 * the request.
 */
export const bumpVersion =
  (fields: readonly string[], relations: readonly string[] = []): CollectionBeforeChangeHook =>
  ({ data, originalDoc, operation }) => {
    if (operation !== 'update' || !originalDoc) return { ...data, version: 1 }
    const before = originalDoc as Record<string, unknown>
    const version = Number(before.version ?? 1)
    const changed =
      contentKeyOf(before, fields, relations) !== contentKeyOf({ ...before, ...data }, fields, relations)
    return { ...data, version: changed ? version + 1 : version }
  }
