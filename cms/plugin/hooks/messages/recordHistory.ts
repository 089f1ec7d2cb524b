import type { CollectionAfterChangeHook } from 'payload'
import type { YorisoiSlugs } from '../../slugs'
import { historyContextKey, type ReviewContext } from '../../workflow/context'

/** Who changed, submitted, approved or sent back which version, and when. */
export const recordHistory =
  (slugs: YorisoiSlugs): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req }) => {
    const review = req.context as ReviewContext
    let event: string | undefined = review.reviewEvent === 'none' ? undefined : review.reviewEvent
    if (operation === 'create') event = event === 'submitted' ? 'submitted' : 'created'
    if (!event && review.noteChanged) event = 'commented'
    if (!event) return doc
    // An approval is of the version that was in review, which the approved copy records.
    const version = event === 'approved' ? doc.approvedVersionNumber : doc.version
    try {
      await req.payload.create({
        collection: slugs.messageHistory,
        req,
        overrideAccess: true,
        // Nobody reads the entry back here: depth 0 skips populating its message and actor.
        depth: 0,
        context: { [historyContextKey]: true },
        data: {
          message: doc.id,
          version: version ?? previousDoc?.version ?? 1,
          event,
          actor: req.user?.id ?? null,
          note: review.noteChanged ? doc.reviewNote : null,
        },
      })
    } finally {
      delete req.context[historyContextKey]
    }
    return doc
  }
