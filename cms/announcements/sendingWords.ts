import type { AnnouncementStatus } from '../../shared/contract/staff-announcements'

/** 予定 / 送信中 / 送信済み / 取り消し, in both languages (also in the browser). */
export const sendingLabels: Record<AnnouncementStatus['state'], string> = {
  scheduled: '予定 / Scheduled',
  sending: '送信中 / Sending',
  sent: '送信済み / Sent',
  cancelled: '取り消し / Cancelled',
}

/** What the screen says about sending: the edge's state, or what the CMS knows without it. */
export function sendingOf(
  docState: unknown,
  status: AnnouncementStatus | undefined,
): AnnouncementStatus['state'] | null {
  if (status) return status.state
  if (docState === 'cancelled') return 'cancelled'
  if (docState === 'approved') return 'scheduled'
  return null
}

export const countsLine = (s: AnnouncementStatus) =>
  `送信 ${s.sent}・失敗 ${s.failed}・開封 ${s.opened}（対象 ${s.recipients}） / sent ${s.sent}, failed ${s.failed}, opened ${s.opened} (of ${s.recipients})`
