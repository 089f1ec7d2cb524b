'use client'
import { useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { ReviewActions } from './ReviewActions'

type Saved = { reviewState?: string; updatedAt?: string; versionEditors?: unknown[] }

const idOf = (value: unknown) =>
  String(value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/** In a message's sidebar: the review buttons, for a medical supervisor, while the version is in review. */
export function ReviewActionsField() {
  const { id, collectionSlug, data } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const saved = (data ?? {}) as Saved
  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[]
  if (!id || saved.reviewState !== 'in-review' || !saved.updatedAt) return null
  if (!roles.includes('medical-supervisor')) return null
  const ownEdit = (saved.versionEditors ?? []).some((editor) => idOf(editor) === String(user?.id))
  return (
    <div style={{ marginBottom: '1.5rem' }}>
      <ReviewActions
        endpoint={`${config.serverURL}${config.routes.api}/${collectionSlug}/${id}/review`}
        seenAt={saved.updatedAt}
        ownEdit={ownEdit}
        afterwards="reload"
      />
    </div>
  )
}
