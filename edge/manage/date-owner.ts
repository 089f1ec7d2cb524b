import type { Resident } from '../resident/rows'

/**
 * Who changes a timeline's dates: its primary. Where no primary follows it (a partner or family
 * member who registered alone, or whose primary has stopped), whoever follows it does, or nobody
 * could correct a due date.
 */
export function mayChangeDates(resident: Resident, timelineId: string): boolean {
  if (resident.subscriber.audience === 'primary') return true
  if (!resident.members) return false
  return !resident.members.some(
    (m) => m.timelineId === timelineId && m.audience === 'primary' && m.state !== 'stopped',
  )
}
