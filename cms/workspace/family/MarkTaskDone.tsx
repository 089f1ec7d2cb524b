'use client'
import { useState } from 'react'

type Outcome = { kind: 'done' | 'error'; text: string } | null

/**
 * 「記録する」: staff record that a member has done a task; the page reloads with it done. Payload's
 * button look by its classes, as the compose form does: importing @payloadcms/ui here would pull its
 * CSS into the server-rendered family page and the tests that render it.
 */
export function MarkTaskDone({ endpoint, member, task }: { endpoint: string; member: string; task: string }) {
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const mark = async () => {
    setBusy(true)
    setOutcome(null)
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ member, task }),
      })
      const answer = (await response.json().catch(() => ({}))) as { ok?: boolean; reason?: string }
      if (response.ok && answer.ok) {
        setOutcome({ kind: 'done', text: '記録しました / Recorded' })
        window.location.reload()
      } else setOutcome({ kind: 'error', text: answer.reason ?? `エラー / Error ${response.status}` })
    } catch {
      setOutcome({
        kind: 'error',
        text: '記録できませんでした。もう一度押してください / Could not record: press again',
      })
    }
    setBusy(false)
  }
  return (
    <>
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small btn--withoutPopup"
        style={{ margin: 0 }}
        disabled={busy || outcome?.kind === 'done'}
        onClick={() => void mark()}
        data-mark-task={`${member}:${task}`}
      >
        記録する / Record as done
      </button>
      {outcome ? (
        <span role={outcome.kind === 'error' ? 'alert' : 'status'} style={{ marginLeft: '0.5rem' }}>
          {outcome.text}
        </span>
      ) : null}
    </>
  )
}
