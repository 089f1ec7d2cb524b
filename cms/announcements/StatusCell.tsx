'use client'
import { useConfig } from '@payloadcms/ui'
import { useEffect, useState } from 'react'
import type { AnnouncementStatus } from '../../shared/contract/staff-announcements'
import { loadStatuses } from './loadStatuses'
import { sendingLabels, sendingOf } from './sendingWords'
import { contractIdOf } from './states'

/** The list's 送信状況 column: 予定 / 送信中 / 送信済み / 取り消し with sent / failed / opened. */
export function StatusCell({ rowData }: { rowData?: { id?: number | string; state?: string } }) {
  const { config } = useConfig()
  const [status, setStatus] = useState<AnnouncementStatus | undefined>()
  const id = rowData?.id
  const approved = rowData?.state === 'approved' || rowData?.state === 'cancelled'
  useEffect(() => {
    if (id === undefined || !approved) return
    void loadStatuses(`${config.serverURL}${config.routes.api}`).then((answer) =>
      setStatus(answer.statuses[contractIdOf(id)]),
    )
  }, [id, approved, config.serverURL, config.routes.api])
  const state = sendingOf(rowData?.state, status)
  if (!state) return <span>—</span>
  return (
    <span data-sending={state}>
      {sendingLabels[state]}
      {status ? ` ${status.sent}/${status.failed}/${status.opened}` : ''}
    </span>
  )
}
