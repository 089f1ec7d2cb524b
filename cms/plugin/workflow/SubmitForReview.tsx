'use client'
import { Button } from '@payloadcms/ui'
import { useState } from 'react'
import { postReview, type ReviewOutcome } from './postReview'

/** The editor's one step from a saved draft to the supervisors' queue. */
export function SubmitForReview({ endpoint, seenAt }: { endpoint: string; seenAt: string }) {
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<ReviewOutcome | null>(null)
  const submit = async () => {
    setBusy(true)
    const result = await postReview(endpoint, { action: 'submit', seenAt })
    setOutcome(result)
    setBusy(false)
    if (result.kind === 'done') window.location.reload()
  }
  return (
    <div style={{ display: 'grid', gap: '0.5rem', maxWidth: '28rem' }}>
      <Button
        buttonStyle="primary"
        size="small"
        margin={false}
        disabled={busy}
        onClick={() => void submit()}
        extraButtonProps={{ 'data-review-action': 'submit' }}
      >
        監修を依頼する / Ask for review
      </Button>
      <small>保存済みの内容で依頼します / The saved text is sent for review</small>
      {outcome ? (
        <p role={outcome.kind === 'error' ? 'alert' : 'status'} data-review-outcome={outcome.kind}>
          {outcome.text}
        </p>
      ) : null}
    </div>
  )
}
