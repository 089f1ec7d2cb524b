import type { Payload } from 'payload'
import { type AnnouncementAction, decideApproval } from '../../cms/announcements/decide'
import { workflowContextKey } from '../../cms/announcements/hooks'
import { announcementsSlug } from '../../cms/announcements/states'
import { tenantIdsOf } from '../../cms/plugin/roles'
import { addDays, localDate } from '../../shared/calendar'
import { audiences, channels } from '../../shared/contract/primitives'
import type { SeedAnnouncement } from '../announcements/definitions'
import { type Counts, noCounts } from './counts'
import type { Person } from './message-data'

/** When it is sent: `sendAfterDays` after `now`, at its time in Japan. */
export const sendAtOf = (a: SeedAnnouncement, now: Date) =>
  new Date(`${addDays(localDate(now, 'Asia/Tokyo'), a.sendAfterDays)}T${a.sendTime}:00+09:00`).toISOString()

/**
 * The sample announcements, each written by its town's staff, submitted by them and approved by a
 * colleague through the same rules as the admin's buttons (decideApproval). Found again by Japanese
 * title and town, and then left as they are: an approved one may already be sent.
 */
export async function upsertAnnouncements(
  payload: Payload,
  announcements: readonly SeedAnnouncement[],
  {
    tenantIds,
    person,
    now = new Date(),
  }: {
    tenantIds: Record<string, number | string>
    person: (email: string) => Promise<Person>
    now?: Date
  },
): Promise<Counts> {
  const counts = noCounts()
  for (const announcement of announcements) {
    const tenant = tenantIds[announcement.tenant]!
    const title = announcement.texts.find((t) => t.language === 'ja')!.title
    const found = await payload.count({
      collection: announcementsSlug,
      where: { and: [{ title: { equals: title } }, { tenant: { equals: tenant } }] },
      overrideAccess: true,
    })
    if (found.totalDocs > 0) {
      counts.unchanged++
      continue
    }
    const author = await person(`staff.${announcement.tenant}@yorisoi.test`)
    const approver = await person(`desk.${announcement.tenant}@yorisoi.test`)
    const created = await payload.create({
      collection: announcementsSlug,
      data: {
        tenant,
        texts: announcement.texts,
        urgent: false,
        health: false,
        sendAt: sendAtOf(announcement, now),
        target: {
          window: { unit: 'every' },
          audiences: [...audiences],
          languages: [],
          channels: [...channels],
        },
        url: announcement.url,
      },
      overrideAccess: false,
      user: author,
    })
    const step = async (action: AnnouncementAction, actor: Person, data: Record<string, unknown>) => {
      const current = (await payload.findByID({
        collection: announcementsSlug,
        id: created.id,
        depth: 0,
        overrideAccess: true,
      })) as Record<string, unknown>
      const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as { id: number }).id : (v as number))
      const decision = decideApproval({
        action,
        doc: {
          state: current.state as 'draft',
          health: false,
          tenant,
          author: idOf(current.author),
          lastEditor: idOf(current.lastEditor),
          submittedBy: idOf(current.submittedBy),
        },
        actor: { id: actor.id, roles: actor.roles as string[], tenantIds: tenantIdsOf(actor) },
      })
      if (!decision.ok) throw new Error(decision.error)
      await payload.update({
        collection: announcementsSlug,
        id: created.id,
        data: { ...data, state: decision.state },
        overrideAccess: true,
        context: { [workflowContextKey]: true },
      })
    }
    await step('submit', author, { submittedBy: author.id })
    await step('approve', approver, {
      approvedBy: approver.id,
      approverName: String(approver.name ?? approver.email),
      approvedAt: now.toISOString(),
    })
    counts.created++
  }
  return counts
}
