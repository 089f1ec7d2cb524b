import { addDays, type CivilDate, localDate, localTime } from '../../shared/calendar'
import type { TenantSettings } from '../../shared/contract'
import { nextSendOn, type Program, standardProgram, type TimelineFacts } from '../../shared/program'
import type { TimelineRow } from './rows'

export function tenantProgramOf(tenant: TenantSettings): Program {
  return tenant.program.kind === 'custom' ? tenant.program.program : standardProgram
}

/** The tenant's local date today. */
export function today(tenant: TenantSettings, now: Date): CivilDate {
  return localDate(now, tenant.timeZone)
}

/** What the program engine needs to know of a stored timeline, looking forward from `from`. */
export function factsOf(row: TimelineRow, from: CivilDate): TimelineFacts {
  return {
    from,
    ...(row.dueDate ? { due: row.dueDate } : {}),
    ...(row.birthDate
      ? { birth: { date: row.birthDate, reportedOn: row.birthReportedOn ?? row.birthDate } }
      : {}),
    ...(row.lossDate ? { loss: { date: row.lossDate, reportedOn: row.lossReportedOn ?? row.lossDate } } : {}),
  }
}

export interface ScheduleInput {
  state: 'pending' | 'active' | 'paused' | 'stopped'
  pausedUntil: CivilDate | null
  timelines: readonly TimelineRow[]
}

/**
 * The subscriber's next_send_on: the first send at the tenant's next send time (today's if it
 * has not come yet), or the first on or after the end of a pause; null when nothing may be sent
 * (pending, stopped) or every timeline has ended. The daily run reads due subscribers by this alone.
 */
export function nextSendFor(input: ScheduleInput, tenant: TenantSettings, now: Date): CivilDate | null {
  if (input.state === 'pending' || input.state === 'stopped') return null
  const date = today(tenant, now)
  const sendTimePassed = localTime(now, tenant.timeZone) >= tenant.sendTime
  let after = sendTimePassed ? date : addDays(date, -1)
  if (input.state === 'paused' && input.pausedUntil && input.pausedUntil > after) {
    after = addDays(input.pausedUntil, -1)
  }
  const facts = input.timelines.map((t) => factsOf(t, addDays(after, 1)))
  return nextSendOn(facts, after, tenantProgramOf(tenant))
}
