import { type CollectionBeforeChangeHook, ValidationError } from 'payload'
import type { YorisoiSlugs } from '../../slugs'
import { contentKey, idsOf } from '../../workflow/content'
import type { ReviewContext } from '../../workflow/context'
import { decideReview } from '../../workflow/decide'
import { recordApproval } from '../../workflow/recordApproval'
import type { ReviewState } from '../../workflow/reviewStates'

// Server code without a logged-in user (seed, import) may write and submit drafts, never approve.
const systemActor = { id: 'system', roles: ['editor'] as string[] }

/** Moves a message through draft -> in review -> approved / changes requested; see decideReview. */
export const applyReview =
  (slugs: YorisoiSlugs): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, operation, req, collection }) => {
    const before = operation === 'update' ? (originalDoc as Record<string, unknown>) : undefined
    const merged = { ...before, ...data }
    const contentChanged = !before || contentKey(before) !== contentKey(merged)
    const from = (before?.reviewState as ReviewState | undefined) ?? 'draft'
    const to = (data.reviewState as ReviewState | undefined) ?? from
    const actor = req.user ?? systemActor
    const versionEditors = idsOf(before?.versionEditors)

    const decision = decideReview({
      from,
      to,
      contentChanged,
      actor,
      versionEditors,
      note: merged.reviewNote,
    })
    if (!decision.ok) {
      throw new ValidationError(
        { collection: collection.slug, errors: [{ path: 'reviewState', message: decision.error }] },
        req.t,
      )
    }

    data.reviewState = decision.state
    const version = Number(before?.version ?? 1)
    if (contentChanged) {
      const human = req.user ? [req.user.id] : []
      data.version = decision.startsNewVersion ? version + 1 : version
      data.versionEditors = decision.startsNewVersion ? human : [...new Set([...versionEditors, ...human])]
      if (req.user) data.lastEditedBy = req.user.id
    }
    if (decision.approves && before && req.user) {
      const approved = await recordApproval({
        req,
        slugs,
        message: before as Parameters<typeof recordApproval>[0]['message'],
        approver: req.user,
      })
      data.approved = approved.id
      data.approvedVersionNumber = version
    }

    const review: ReviewContext = {
      reviewEvent: decision.event,
      contentChanged,
      noteChanged: (merged.reviewNote ?? '') !== (before?.reviewNote ?? '') && Boolean(merged.reviewNote),
    }
    // req.context, not the hook's `context`: a nested create above may have replaced the object.
    Object.assign(req.context, review)
    return data
  }
