'use client'
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'
import type { AnnouncementStatus as Status } from '../../shared/contract/staff-announcements'
import { loadStatuses } from './loadStatuses'
import { countsLine, sendingLabels, sendingOf } from './sendingWords'
import { contractIdOf } from './states'

/** The edit view's 送信状況 box: the edge's figures, or a clear sentence when they cannot be had. */
export function AnnouncementStatus() {
  const { id, data } = useDocumentInfo()
  const { config } = useConfig()
  const state = (data as { state?: string } | undefined)?.state
  const [answer, setAnswer] = useState<{ status?: Status; problem: string | null } | null>(null)
  const relevant = state === 'approved' || state === 'cancelled'
  useEffect(() => {
    if (!id || !relevant) return
    void loadStatuses(`${config.serverURL}${config.routes.api}`, true).then((loaded) =>
      setAnswer({ status: loaded.statuses[contractIdOf(id)], problem: loaded.problem }),
    )
  }, [id, relevant, config.serverURL, config.routes.api])
  if (!id || !relevant) return null
  const sending = sendingOf(state, answer?.status)
  return (
    <section
      aria-label="送信状況 / Sending"
      data-announcement-status
      style={{ border: '1px solid var(--theme-elevation-150)', padding: '0.75rem', marginBottom: '1.5rem' }}
    >
      <h4 style={{ margin: 0 }}>送信状況 / Sending</h4>
      {sending ? <p data-sending={sending}>{sendingLabels[sending]}</p> : null}
      {answer?.status ? <p data-counts>{countsLine(answer.status)}</p> : null}
      {answer?.problem ? (
        <p role="status" data-status-problem>
          {answer.problem}
        </p>
      ) : null}
    </section>
  )
}
