import type { D1Database } from '@cloudflare/workers-types'
import { addDays, type CivilDate, localDate, toDayNumber } from '../../shared/calendar'
import type { ConsultationCount } from '../../shared/contract'
import { type TenantPeriod, utcWindow } from './resident-counts'

/**
 * The working day after `date`: Monday to Friday. The project keeps no list of Japanese public
 * holidays, so a holiday counts as a working day here.
 */
export function nextWorkingDay(date: CivilDate): CivilDate {
  let next = addDays(date, 1)
  // Day 0 of toDayNumber is 1970-01-01, a Thursday: (n + 4) % 7 is 0 on Sundays.
  while ([0, 6].includes((toDayNumber(next) + 4) % 7)) next = addDays(next, 1)
  return next
}

/**
 * Consultations received on each local date of the period (interview requests are the surveys'),
 * how many were urgent, and how many staff answered — a staff message to the household about it,
 * or closing it, whichever came first — by the end of the next working day. Counts only.
 */
export async function consultationCounts(db: D1Database, period: TenantPeriod): Promise<ConsultationCount[]> {
  const { after, before } = utcWindow(period)
  const { results } = await db
    .prepare(
      `SELECT c.created_at AS createdAt, c.urgent,
              min(coalesce(c.closed_at, '9999'),
                  coalesce((SELECT min(m.created_at) FROM staff_messages m WHERE m.consultation_id = c.id), '9999')) AS answeredAt
       FROM consultations c
       WHERE c.tenant_slug = ?1 AND c.created_at >= ?2 AND c.created_at < ?3 AND c.source != 'interview'`,
    )
    .bind(period.tenant, after, before)
    .all<{ createdAt: string; urgent: number; answeredAt: string }>()
  const counts = new Map<string, ConsultationCount>()
  for (const row of results) {
    const date = localDate(new Date(row.createdAt), period.timeZone)
    if (date < period.from || date > period.to) continue
    const count = counts.get(date) ?? {
      date,
      tenant: period.tenant,
      received: 0,
      urgent: 0,
      answeredWithinOneWorkingDay: 0,
    }
    count.received++
    if (row.urgent) count.urgent++
    if (
      row.answeredAt !== '9999' &&
      localDate(new Date(row.answeredAt), period.timeZone) <= nextWorkingDay(date)
    )
      count.answeredWithinOneWorkingDay++
    counts.set(date, count)
  }
  return [...counts.values()]
}
