import { label } from '../plugin/i18n'

/** 下書き → 承認待ち → 承認済み, or 取り消し once approved: the CMS's side of an announcement. */
export const announcementStates = ['draft', 'in-review', 'approved', 'cancelled'] as const
export type AnnouncementDocState = (typeof announcementStates)[number]

export const announcementStateLabels: Record<AnnouncementDocState, { ja: string; en: string }> = {
  draft: label('下書き', 'Draft'),
  'in-review': label('承認待ち', 'Waiting for approval'),
  approved: label('承認済み', 'Approved'),
  cancelled: label('取り消し', 'Cancelled'),
}

/** The slug of the collection; the contract id of a document is `ann-<id>`. */
export const announcementsSlug = 'announcements'

export const contractIdOf = (id: number | string) => `ann-${id}`

/**
 * Locked (read-only, never back to 下書き): cancelled, or approved and already due — an urgent one
 * goes at once, the others at their time, so by then the edge may have sent it.
 */
export function isLocked(
  doc: { state?: unknown; urgent?: unknown; sendAt?: unknown },
  now: Date = new Date(),
): boolean {
  if (doc.state === 'cancelled') return true
  if (doc.state !== 'approved') return false
  if (doc.urgent === true) return true
  const at = Date.parse(String(doc.sendAt ?? ''))
  return !Number.isNaN(at) && at <= now.getTime()
}
