'use client'
import { useId, useState } from 'react'
import type { ConsultationSource, ConsultationStatus } from '../../../shared/contract'
import { statusLabels } from './labels'
import { type Outcome, postJson } from './post-json'

export interface ConsultationActionsProps {
  /** /api/workspace on this CMS. */
  api: string
  tenant: string
  id: string
  status: ConsultationStatus
  assignee: string | null
  source: ConsultationSource
  interviewDoneOn: string | null
  staff: { id: string; name: string }[]
  /** Today in Asia/Tokyo: the latest day an interview can have been held. */
  today: string
}

function Result({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null
  return (
    <p role={outcome.kind === 'error' ? 'alert' : 'status'} style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
      {outcome.text}
    </p>
  )
}

const row = { display: 'flex', flexWrap: 'wrap', gap: '0.5rem', alignItems: 'end' } as const
const field = { display: 'grid', gap: '0.25rem' } as const

/** Status and assignee, "interview done" with its date, and a reply to the resident. */
export function ConsultationActions(props: ConsultationActionsProps) {
  const ids = useId()
  const [status, setStatus] = useState(props.status)
  const [assignee, setAssignee] = useState(props.assignee ?? '')
  const [doneOn, setDoneOn] = useState(props.today)
  const [reply, setReply] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const url = (path: string) =>
    `${props.api}/consultations/${encodeURIComponent(props.id)}${path}?tenant=${encodeURIComponent(props.tenant)}`
  const run = async (path: string, body: unknown, reload: boolean) => {
    setBusy(true)
    const result = await postJson(url(path), body)
    setOutcome(result)
    setBusy(false)
    if (result?.kind === 'done' && reload) window.location.reload()
    return result
  }
  const save = () => run('', { status, assignee: assignee === '' ? null : assignee }, true)
  const [replyId, setReplyId] = useState(() => crypto.randomUUID())
  const sendReply = async () => {
    if (reply.trim() === '') {
      setOutcome({ kind: 'error', text: '返信を書いてください / Write a reply first' })
      return
    }
    // The same id until it is sent: pressing again after a lost answer sends the reply once.
    const result = await run('/reply', { text: reply, requestId: replyId }, false)
    if (result?.kind === 'done') {
      setReply('')
      setReplyId(crypto.randomUUID())
      setOutcome({ kind: 'done', text: '返信を送りました / Reply sent' })
    }
  }
  return (
    <div style={{ display: 'grid', gap: '0.75rem' }}>
      <div style={row}>
        <label htmlFor={`${ids}-status`} style={field}>
          状態 / Status
          <select
            id={`${ids}-status`}
            value={status}
            onChange={(e) => setStatus(e.target.value as ConsultationStatus)}
          >
            {(Object.keys(statusLabels) as ConsultationStatus[]).map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${ids}-assignee`} style={field}>
          担当者 / Assignee
          <select id={`${ids}-assignee`} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">未割り当て / Unassigned</option>
            {props.staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small"
          disabled={busy}
          onClick={save}
        >
          保存 / Save
        </button>
      </div>
      {props.source === 'interview' && !props.interviewDoneOn ? (
        <div style={row}>
          <label htmlFor={`${ids}-done`} style={field}>
            面談を行った日 / Interview held on
            <input
              id={`${ids}-done`}
              type="date"
              value={doneOn}
              max={props.today}
              onChange={(e) => setDoneOn(e.target.value)}
            />
          </label>
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            disabled={busy || doneOn === ''}
            onClick={() => run('/interview', { doneOn }, true)}
          >
            面談済みにする / Mark interview done
          </button>
        </div>
      ) : null}
      <div style={{ display: 'grid', gap: '0.25rem' }}>
        <label htmlFor={`${ids}-reply`}>
          返信（ご本人の登録チャネルへ） / Reply (to the resident's own channel)
        </label>
        <textarea
          id={`${ids}-reply`}
          rows={3}
          maxLength={1000}
          value={reply}
          onChange={(e) => setReply(e.target.value)}
          style={{ width: '100%', maxWidth: '48rem' }}
        />
        <div>
          <button
            type="button"
            className="btn btn--style-primary btn--size-small"
            disabled={busy}
            onClick={sendReply}
          >
            返信を送る / Send reply
          </button>
        </div>
      </div>
      <Result outcome={outcome} />
    </div>
  )
}
