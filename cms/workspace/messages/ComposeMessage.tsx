'use client'
import { useId, useState } from 'react'
import { staffMessageMaxLength } from '../../../shared/contract/staff-messages'

export interface Recipient {
  id: string
  label: string
}

type Outcome = { kind: 'done' | 'error'; text: string } | null

/**
 * The compose form: the words, whom to (everyone receiving, or some), one request id per note so
 * a double click or a retry sends it once. Shows what the Worker answered.
 */
export function ComposeMessage({ endpoint, recipients }: { endpoint: string; recipients: Recipient[] }) {
  const ids = { text: useId(), to: useId() }
  const [text, setText] = useState('')
  const [chosen, setChosen] = useState<string[]>(recipients.map((r) => r.id))
  const [requestId, setRequestId] = useState(() => crypto.randomUUID())
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const send = async () => {
    setBusy(true)
    setOutcome(null)
    const to = chosen.length === recipients.length ? 'all' : chosen
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text, to, requestId }),
      })
      const answer = (await response.json().catch(() => ({}))) as { ok?: boolean; reason?: string }
      if (response.ok && answer.ok) {
        setOutcome({ kind: 'done', text: '送信しました / Sent' })
        setText('')
        setRequestId(crypto.randomUUID())
        window.location.reload()
      } else setOutcome({ kind: 'error', text: answer.reason ?? `エラー / Error ${response.status}` })
    } catch {
      setOutcome({
        kind: 'error',
        text: '送信できませんでした。もう一度押してください / Could not send: press again',
      })
    }
    setBusy(false)
  }
  const toggle = (id: string, on: boolean) =>
    setChosen((current) => (on ? [...current, id] : current.filter((c) => c !== id)))
  return (
    <form
      style={{ display: 'grid', gap: '0.5rem', maxWidth: '40rem' }}
      onSubmit={(event) => {
        event.preventDefault()
        void send()
      }}
    >
      <label htmlFor={ids.text}>
        メッセージ / Message（{staffMessageMaxLength}文字まで / up to {staffMessageMaxLength} characters）
      </label>
      <textarea
        id={ids.text}
        value={text}
        maxLength={staffMessageMaxLength}
        rows={5}
        required
        onChange={(event) => setText(event.target.value)}
      />
      <fieldset id={ids.to}>
        <legend>宛先 / To</legend>
        {recipients.map((r) => (
          <label key={r.id} style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
            <input
              type="checkbox"
              checked={chosen.includes(r.id)}
              onChange={(event) => toggle(r.id, event.target.checked)}
            />
            {r.label}
          </label>
        ))}
      </fieldset>
      <button
        type="submit"
        className="btn btn--style-primary"
        disabled={busy || text.trim() === '' || chosen.length === 0}
      >
        {busy ? '送信中… / Sending…' : '送信する / Send'}
      </button>
      {outcome ? (
        <p role={outcome.kind === 'error' ? 'alert' : 'status'} style={{ whiteSpace: 'pre-wrap' }}>
          {outcome.text}
        </p>
      ) : null}
    </form>
  )
}
