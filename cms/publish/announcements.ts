import type { Payload } from 'payload'
import type { Announcement } from '../../shared/contract/announcement'
import { toProgramWindow } from '../plugin/fields/window'

/** An announcement as the CMS stores it (announcements collection), approved and not cancelled. */
export interface AnnouncementDoc {
  id: number | string
  version?: number | null
  urgent?: boolean | null
  health?: boolean | null
  sendAt?: string | null
  texts?: { language: string; title: string; body: string; shortText?: string | null }[] | null
  target?: {
    window?: unknown
    audiences?: string[] | null
    languages?: string[] | null
    channels?: string[] | null
  } | null
  url?: string | null
  approverName?: string | null
  approvedAt?: string | null
}

/** How far back an approved announcement stays in the part: the edge keeps what it sent anyway. */
export const announcementKeepDays = 90

/** The contract's announcement; an urgent one is due at its approval. */
export function announcementOf(doc: AnnouncementDoc): Announcement {
  const window = toProgramWindow(doc.target?.window)
  const approvedAt = doc.approvedAt ?? ''
  return {
    id: `ann-${doc.id}`,
    version: doc.version ?? 1,
    urgent: doc.urgent === true,
    health: doc.health === true,
    sendAt: doc.urgent ? approvedAt : (doc.sendAt ?? approvedAt),
    texts: (doc.texts ?? []).map((text) => ({
      language: text.language as Announcement['texts'][number]['language'],
      title: text.title,
      body: text.body,
      ...(text.shortText ? { shortText: text.shortText } : {}),
    })),
    target: {
      // 'every' is no window: everyone pregnant or raising a child.
      ...(window && window.unit !== 'every' ? { window } : {}),
      audiences: (doc.target?.audiences?.length
        ? doc.target.audiences
        : ['primary', 'partner', 'family']) as Announcement['target']['audiences'],
      languages: (doc.target?.languages ?? []) as Announcement['target']['languages'],
      channels: (doc.target?.channels?.length
        ? doc.target.channels
        : ['email', 'sms', 'line']) as Announcement['target']['channels'],
    },
    ...(doc.url ? { url: doc.url } : {}),
    approval: { by: doc.approverName ?? '', at: approvedAt },
  }
}

/** Whether an announcement still belongs in the part: due in the last 90 days or later. */
export function isCurrent(announcement: Announcement, now: Date): boolean {
  return Date.parse(announcement.sendAt) >= now.getTime() - announcementKeepDays * 86_400_000
}

/** A town's approved, not cancelled announcements, as the contract carries them. */
export async function approvedAnnouncements(
  payload: Payload,
  tenantId: number | string,
  now: Date = new Date(),
  collection = 'announcements',
): Promise<Announcement[]> {
  const found = await payload.find({
    collection,
    where: { and: [{ tenant: { equals: tenantId } }, { state: { equals: 'approved' } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    sort: 'id',
  })
  return (found.docs as unknown as AnnouncementDoc[]).map(announcementOf).filter((a) => isCurrent(a, now))
}
