'use client'
import { Button, useAllFormFields, useConfig } from '@payloadcms/ui'
import { reduceFieldsToValues } from 'payload/shared'
import { useState } from 'react'
import type { PreviewAnswer } from './answer'
import { PreviewResult } from './PreviewResult'

type Values = Record<string, unknown>

/** The form's values as the endpoint reads them, whether the target is a group or top-level fields. */
function requestOf(values: Values) {
  const target = (values.target as Values | undefined) ?? {
    window: values.window,
    audiences: values.audiences,
    languages: values.languages,
    channels: values.channels,
  }
  return { tenant: values.tenant, urgent: values.urgent, texts: values.texts, target, url: values.url }
}

/**
 * In an announcement's edit view: how it reads on each channel the town uses and who would receive
 * it now, from the values on screen (saved or not), refreshed on request.
 */
export function AnnouncementPreview() {
  const [fields] = useAllFormFields()
  const { config } = useConfig()
  const [busy, setBusy] = useState(false)
  const [answer, setAnswer] = useState<PreviewAnswer | null>(null)
  const refresh = async () => {
    setBusy(true)
    try {
      const response = await fetch(`${config.serverURL}${config.routes.api}/announcements/preview`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(requestOf(reduceFieldsToValues(fields, true) as Values)),
      })
      setAnswer(
        ((await response.json().catch(() => null)) as PreviewAnswer | null) ?? {
          ok: false,
          reason: `エラー / Error ${response.status}`,
        },
      )
    } catch {
      setAnswer({ ok: false, reason: '送信できませんでした / Could not send: check the connection' })
    }
    setBusy(false)
  }
  return (
    <div style={{ display: 'grid', gap: '1rem', margin: '1.5rem 0' }}>
      <h3>プレビュー / Preview</h3>
      <div>
        <Button buttonStyle="secondary" disabled={busy} onClick={refresh}>
          {busy ? '更新中… / Refreshing…' : 'プレビューを更新 / Refresh preview'}
        </Button>
      </div>
      {answer === null ? (
        <p>
          入力中の内容で文面と受け取る人数を確かめます / Shows the text and the recipients for what is on
          screen
        </p>
      ) : answer.ok ? (
        <PreviewResult shown={answer} />
      ) : (
        <p role="alert" style={{ whiteSpace: 'pre-wrap' }}>
          {answer.reason}
        </p>
      )}
    </div>
  )
}
