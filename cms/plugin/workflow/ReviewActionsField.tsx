'use client'
import { useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { ReviewActions } from './ReviewActions'
import { SubmitForReview } from './SubmitForReview'

type Saved = { reviewState?: string; updatedAt?: string; versionEditors?: unknown[] }

const idOf = (value: unknown) =>
  String(value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/**
 * In a message's sidebar: for an editor, "ask for review" on a saved draft; for a medical
 * supervisor, the review buttons while the version is in review.
 */
export function ReviewActionsField() {
  const { id, collectionSlug, data } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const saved = (data ?? {}) as Saved
  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[]
  if (!id || !saved.updatedAt) return null
  const endpoint = `${config.serverURL}${config.routes.api}/${collectionSlug}/${id}/review`
  if (
    (saved.reviewState === 'draft' || saved.reviewState === 'changes-requested') &&
    (roles.includes('editor') || roles.includes('admin'))
  )
    return (
      <div style={{ marginBottom: '1.5rem' }}>
        <SubmitForReview endpoint={endpoint} seenAt={saved.updatedAt} />
      </div>
    )
  if (saved.reviewState !== 'in-review' || !roles.includes('medical-supervisor')) return null
  const ownEdit = (saved.versionEditors ?? []).some((editor) => idOf(editor) === String(user?.id))
  return (
    <div style={{ marginBottom: '1.5rem' }}>
      <ReviewActions endpoint={endpoint} seenAt={saved.updatedAt} ownEdit={ownEdit} afterwards="reload" />
    </div>
  )
}
