import type { Announcement } from '../../shared/contract'

/** A notice this old when its time comes is stale: nobody is told a week late. */
export const staleAfterDays = 7

/**
 * The tenant's announcements whose time has come (an urgent one at once), and those among them
 * whose time passed so long ago that they are no longer sent.
 */
export function dueAnnouncements(
  announcements: readonly Announcement[],
  now: Date,
): { due: Announcement[]; stale: Announcement[] } {
  const staleBefore = now.getTime() - staleAfterDays * 86_400_000
  const due: Announcement[] = []
  const stale: Announcement[] = []
  for (const a of announcements) {
    // An urgent notice goes when it is published; its approval is when that became possible.
    const time = Date.parse(a.urgent ? a.approval.at : a.sendAt)
    if (!a.urgent && time > now.getTime()) continue
    if (time < staleBefore) stale.push(a)
    else due.push(a)
  }
  return { due, stale }
}
