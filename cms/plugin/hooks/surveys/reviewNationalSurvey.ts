import { type CollectionBeforeChangeHook, ValidationError } from 'payload'
import { idsOf } from '../../workflow/content'
import { contentKeyOf } from '../../workflow/contentKey'
import { decideReview } from '../../workflow/decide'
import type { ReviewState } from '../../workflow/reviewStates'

export const surveyContentFields = [
  'title',
  'tenant',
  'language',
  'audiences',
  'questions',
  'triggers',
  'reminders',
]
const relations = ['tenant']
const systemActor = { id: 'system', roles: ['editor'] as string[] }
const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/**
 * Versions for every survey; for national surveys (no tenant) also the medical review messages go
 * through (decideReview): only a medical supervisor approves, never their own edit, and what is
 * approved is kept as a copy, so residents get the approved version while a new one is written.
 * A tenant's survey is its staff's own and needs no review.
 */
export const reviewNationalSurvey: CollectionBeforeChangeHook = ({
  data,
  originalDoc,
  operation,
  req,
  collection,
}) => {
  const before = operation === 'update' ? (originalDoc as Record<string, unknown>) : undefined
  const merged = { ...before, ...data }
  const changed =
    !before ||
    contentKeyOf(before, surveyContentFields, relations) !==
      contentKeyOf(merged, surveyContentFields, relations)
  const version = Number(before?.version ?? 1)

  if (idOf(merged.tenant)) {
    data.version = before ? (changed ? version + 1 : version) : 1
    data.reviewState = undefined
    return data
  }

  const from = (before?.reviewState as ReviewState | undefined) ?? 'draft'
  const to = (data.reviewState as ReviewState | undefined) ?? from
  const versionEditors = idsOf(before?.versionEditors)
  const decision = decideReview({
    from,
    to,
    contentChanged: changed,
    actor: req.user ?? systemActor,
    versionEditors,
    note: merged.reviewNote as string | null | undefined,
  })
  if (!decision.ok) {
    throw new ValidationError(
      { collection: collection.slug, errors: [{ path: 'reviewState', message: decision.error }] },
      req.t,
    )
  }
  data.reviewState = decision.state
  data.version = before ? (decision.startsNewVersion ? version + 1 : version) : 1
  if (changed) {
    const human = req.user ? [req.user.id] : []
    data.versionEditors = decision.startsNewVersion ? human : [...new Set([...versionEditors, ...human])]
  }
  if (decision.approves && req.user) {
    data.approved = {
      version: data.version,
      title: merged.title,
      language: merged.language,
      audiences: merged.audiences,
      questions: merged.questions,
      triggers: merged.triggers,
      reminders: merged.reminders,
      approvedBy: req.user.id,
      approvedAt: new Date().toISOString(),
    }
  }
  return data
}
