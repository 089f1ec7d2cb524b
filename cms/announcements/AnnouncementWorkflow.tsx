'use client'
import { Button, useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useId, useState } from 'react'
import { type ActionOutcome, postAction } from '../plugin/workflow/postAction'

type Saved = {
  state?: string
  updatedAt?: string
  reviewNote?: string | null
  publishOutcome?: string | null
  author?: unknown
  lastEditor?: unknown
  submittedBy?: unknown
}

const stateWords: Record<string, string> = {
  draft: '下書き / Draft',
  'in-review': '承認待ち / Waiting for approval',
  approved: '承認済み / Approved',
  cancelled: '取り消し / Cancelled',
}

const idOf = (value: unknown) =>
  String(value && typeof value === 'object' ? (value as { id: unknown }).id : value)

const confirmCancel =
  'このお知らせの送信を取り消しますか？まだ送っていない人には送られません。すでに送った分は取り消せません。\nCancel sending this announcement? Nobody not yet reached will get it; what was sent stays sent.'

/**
 * In an announcement's sidebar: its state and, by state, 承認を依頼する, 承認する / 差し戻す or
 * 送信を取り消す. The server decides who may; the buttons only save a trip.
 */
export function AnnouncementWorkflow() {
  const { id, collectionSlug, data } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const noteId = useId()
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null)
  const saved = (data ?? {}) as Saved
  if (!id || !saved.updatedAt) return null
  const base = `${config.serverURL}${config.routes.api}/${collectionSlug}/${id}`
  const own = [saved.author, saved.lastEditor, saved.submittedBy].some(
    (p) => p && idOf(p) === String(user?.id),
  )

  async function act(endpoint: string, body: unknown) {
    setBusy(true)
    setOutcome(null)
    const result = await postAction(endpoint, body)
    setOutcome(result)
    setBusy(false)
    if (result.kind === 'done') window.location.reload()
  }
  const workflow = (action: 'submit' | 'approve' | 'reject') => {
    if (action === 'reject' && !note.trim()) {
      setOutcome({ kind: 'error', text: '差し戻す理由を書いてください / Write why you send it back' })
      return
    }
    void act(`${base}/workflow`, { action, note: note.trim() || undefined, seenAt: saved.updatedAt })
  }
  const cancel = () => {
    if (window.confirm(confirmCancel)) void act(`${base}/cancel`, {})
  }

  return (
    <div data-announcement-workflow style={{ display: 'grid', gap: '0.5rem', marginBottom: '1.5rem' }}>
      <p data-announcement-state={saved.state}>
        状態 / State: <strong>{stateWords[saved.state ?? 'draft']}</strong>
      </p>
      {saved.state === 'draft' && saved.reviewNote ? (
        <p data-review-note>差し戻しの理由 / Sent back: {saved.reviewNote}</p>
      ) : null}
      {saved.publishOutcome ? (
        <p role="alert" data-publish-outcome style={{ whiteSpace: 'pre-line' }}>
          {saved.publishOutcome} <a href={`${config.routes.admin}/publish`}>公開 / Publish</a>
        </p>
      ) : null}
      {saved.state === 'draft' ? (
        <>
          <Button
            buttonStyle="primary"
            size="small"
            margin={false}
            disabled={busy}
            onClick={() => workflow('submit')}
            extraButtonProps={{ 'data-announcement-action': 'submit' }}
          >
            承認を依頼する / Ask for approval
          </Button>
          <small>保存済みの内容で依頼します / The saved announcement is sent for approval</small>
        </>
      ) : null}
      {saved.state === 'in-review' ? (
        <>
          <label htmlFor={noteId}>差し戻す理由 / Why you send it back</label>
          <textarea id={noteId} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
            <Button
              buttonStyle="primary"
              size="small"
              margin={false}
              disabled={busy || own}
              onClick={() => workflow('approve')}
              extraButtonProps={{ 'data-announcement-action': 'approve' }}
            >
              承認する / Approve
            </Button>
            <Button
              buttonStyle="secondary"
              size="small"
              margin={false}
              disabled={busy}
              onClick={() => workflow('reject')}
              extraButtonProps={{ 'data-announcement-action': 'reject' }}
            >
              差し戻す / Send back
            </Button>
          </div>
          {own ? (
            <small>
              自分が書いた・変更した・依頼したお知らせは承認できません。別の人に依頼してください / You wrote,
              changed or submitted it: someone else approves it
            </small>
          ) : null}
        </>
      ) : null}
      {saved.state === 'approved' ? (
        <Button
          buttonStyle="error"
          size="small"
          margin={false}
          disabled={busy}
          onClick={cancel}
          extraButtonProps={{ 'data-announcement-action': 'cancel' }}
        >
          送信を取り消す / Cancel sending
        </Button>
      ) : null}
      {outcome ? (
        <p role={outcome.kind === 'error' ? 'alert' : 'status'} data-announcement-outcome={outcome.kind}>
          {outcome.text}
        </p>
      ) : null}
    </div>
  )
}
