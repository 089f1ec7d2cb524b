'use client'
import { Button } from '@payloadcms/ui'
import { useId, useState } from 'react'
import { postReview, type ReviewOutcome } from './postReview'
import type { ReviewAction } from './reviewRequest'

export type ReviewActionsProps = {
  /** e.g. /api/messages/12/review */
  endpoint: string
  /** updatedAt of the version on screen: the server refuses if it has changed since. */
  seenAt: string
  /** The reviewer edited this version: approving it is not theirs to do. */
  ownEdit?: boolean
  /** After success: reload the page (edit view) or just say so in place (review queue). */
  afterwards?: 'reload' | 'stay'
}

type Outcome = ReviewOutcome | null

const noteRequired =
  '修正依頼には監修コメントを書いてください / Write a reviewer note when requesting changes'

/** The supervisor's two answers to a version in review, as buttons, with the reviewer's note. */
export function ReviewActions({
  endpoint,
  seenAt,
  ownEdit = false,
  afterwards = 'stay',
}: ReviewActionsProps) {
  const noteId = useId()
  const hintId = useId()
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)

  async function send(action: ReviewAction) {
    if (action === 'request-changes' && !note.trim()) {
      setOutcome({ kind: 'error', text: noteRequired })
      return
    }
    setBusy(true)
    setOutcome(null)
    const result = await postReview(endpoint, { action, note: note.trim() || undefined, seenAt })
    setOutcome(result)
    setBusy(false)
    if (result.kind === 'done' && afterwards === 'reload') window.location.reload()
  }

  if (outcome?.kind === 'done') {
    return (
      <p role="status" data-review-outcome="done">
        {outcome.text}
      </p>
    )
  }
  return (
    <div className="yorisoi-review-actions" style={{ display: 'grid', gap: '0.5rem', maxWidth: '28rem' }}>
      <label htmlFor={noteId}>監修コメント / Reviewer note</label>
      <textarea
        id={noteId}
        aria-describedby={hintId}
        rows={2}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        data-review-note
      />
      <small id={hintId}>修正を依頼するときは必須 / Required when requesting changes</small>
      <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
        <Button
          buttonStyle="primary"
          size="small"
          margin={false}
          disabled={busy || ownEdit}
          onClick={() => void send('approve')}
          extraButtonProps={{ 'data-review-action': 'approve' }}
        >
          承認する / Approve
        </Button>
        <Button
          buttonStyle="secondary"
          size="small"
          margin={false}
          disabled={busy}
          onClick={() => void send('request-changes')}
          extraButtonProps={{ 'data-review-action': 'request-changes' }}
        >
          修正を依頼 / Request changes
        </Button>
      </div>
      {ownEdit ? (
        <small>
          自分が編集した版は承認できません。別の医療監修者に依頼してください / You edited this version:
          another medical supervisor must approve it
        </small>
      ) : null}
      {outcome?.kind === 'error' ? (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }} data-review-outcome="error">
          {outcome.text}
        </p>
      ) : null}
    </div>
  )
}
