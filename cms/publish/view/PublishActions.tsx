'use client'
import { useId, useState } from 'react'
import { type BothNames, publishQuestion } from './words'

type Outcome = { kind: 'done' | 'error'; text: string; manifestId?: string } | null

async function post(endpoint: string, body: unknown): Promise<Outcome> {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const answer = (await response.json().catch(() => ({}))) as {
      ok?: boolean
      reason?: string
      manifestId?: string
    }
    if (response.ok && answer.ok)
      return { kind: 'done', text: '完了しました / Done', manifestId: answer.manifestId }
    return { kind: 'error', text: answer.reason ?? `エラー / Error ${response.status}` }
  } catch {
    return { kind: 'error', text: '送信できませんでした / Could not send: check the connection' }
  }
}

function Result({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null
  return (
    <p role={outcome.kind === 'error' ? 'alert' : 'status'} style={{ whiteSpace: 'pre-wrap' }}>
      {outcome.text}
    </p>
  )
}

/**
 * Publishes one scope. With gaps, the person must tick that they saw them before the button works,
 * then confirm once more; the server refuses gaps without that confirmation too.
 */
export function PublishButton({
  endpoint,
  scope,
  scopeName,
  hasGaps,
  blocked,
  afterPublish,
}: {
  endpoint: string
  scope: 'national' | { tenant: string }
  scopeName: BothNames
  hasGaps: boolean
  blocked: boolean
  /** The screen to return to, which then says what is now live. */
  afterPublish: string
}) {
  const id = useId()
  const [seen, setSeen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const publish = async () => {
    if (!window.confirm(publishQuestion(scopeName, hasGaps))) return
    setBusy(true)
    const result = await post(endpoint, { scope, confirmGaps: hasGaps && seen })
    setOutcome(result)
    setBusy(false)
    if (result?.kind === 'done')
      window.location.assign(`${afterPublish}&published=${encodeURIComponent(result.manifestId ?? '')}`)
  }
  return (
    <div style={{ display: 'grid', gap: '0.5rem', maxWidth: '32rem', margin: '1rem 0' }}>
      {hasGaps ? (
        <label htmlFor={id} style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
          <input id={id} type="checkbox" checked={seen} onChange={(e) => setSeen(e.target.checked)} />
          メッセージのない日があることを確認しました / I have seen the days without a message
        </label>
      ) : null}
      <button
        type="button"
        className="btn btn--style-primary"
        disabled={busy || blocked || (hasGaps && !seen)}
        onClick={publish}
      >
        {hasGaps ? '未対応を承知で公開する / Publish with gaps' : '公開する / Publish'}
      </button>
      <Result outcome={outcome} />
    </div>
  )
}

/** Makes an earlier publication live again, after a confirmation naming it. */
export function RollbackButton({
  endpoint,
  publication,
  manifestId,
}: {
  endpoint: string
  publication: number | string
  manifestId: string
}) {
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const rollBack = async () => {
    if (
      !window.confirm(
        `${manifestId} に戻しますか？ 今の公開内容は置き換わります / Roll back to ${manifestId}? What is live now will be replaced`,
      )
    )
      return
    setBusy(true)
    const result = await post(endpoint, { publication })
    setOutcome(result)
    setBusy(false)
    if (result?.kind === 'done') window.location.reload()
  }
  return (
    <>
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small"
        disabled={busy}
        onClick={rollBack}
      >
        この版に戻す / Roll back to this
      </button>
      <Result outcome={outcome} />
    </>
  )
}
