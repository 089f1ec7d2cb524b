import type { D1Database } from '@cloudflare/workers-types'
import { type CivilDate, localDate } from '../../shared/calendar'
import {
  type Audience,
  type Channel,
  type RegistrationCount,
  type ResidentCount,
  type StopCount,
  type StopReason,
  stopReason,
} from '../../shared/contract'
import { datesOf, type StageFacts, youngestStage } from './stage'

/** One tenant's period, with the tenant's time zone for local dates. */
export interface TenantPeriod {
  tenant: string
  from: CivilDate
  to: CivilDate
  timeZone: string
}

const DAY_MS = 86_400_000

/** The UTC instants that may fall on the period's local dates (local dates run up to a day either side of UTC). */
export function utcWindow(period: { from: CivilDate; to: CivilDate }): { after: string; before: string } {
  return {
    after: new Date(Date.parse(`${period.from}T00:00:00Z`) - DAY_MS).toISOString(),
    before: new Date(Date.parse(`${period.to}T00:00:00Z`) + 2 * DAY_MS).toISOString(),
  }
}

interface ResidentRow {
  id: string
  audience: Audience
  channel: Channel
  language: string
  state: 'active' | 'paused' | 'stopped'
  createdAt: string
  stoppedAt: string | null
  due: string | null
  birth: string | null
  loss: string | null
  ended: string | null
}

/**
 * Residents (confirmed, not stopped) at the end of each date of the period, by stage, audience,
 * channel, language and state. The edge keeps each resident's present state only: a resident
 * counts from the day they registered until the day they stopped, paused or active as they are now.
 */
export async function residentCounts(db: D1Database, period: TenantPeriod): Promise<ResidentCount[]> {
  const { after } = utcWindow(period)
  const { results } = await db
    .prepare(
      `SELECT s.id, s.audience, s.channel, s.language, s.state, s.created_at AS createdAt, s.stopped_at AS stoppedAt,
              t.due_date AS due, t.birth_date AS birth, t.loss_date AS loss, t.ended_on AS ended
       FROM subscribers s JOIN timeline_members m ON m.subscriber_id = s.id JOIN timelines t ON t.id = m.timeline_id
       WHERE s.tenant_slug = ?1 AND s.state != 'pending'
         AND (s.state != 'stopped' OR (s.stopped_at IS NOT NULL AND s.stopped_at >= ?2))`,
    )
    .bind(period.tenant, after)
    .all<ResidentRow>()
  // Each resident's local days once, not once a date: a town has thousands.
  const residents = new Map<
    string,
    { row: ResidentRow; since: string; until: string | null; timelines: StageFacts[] }
  >()
  for (const row of results) {
    const seen = residents.get(row.id) ?? {
      row,
      since: localDate(new Date(row.createdAt), period.timeZone),
      until:
        row.state === 'stopped' && row.stoppedAt ? localDate(new Date(row.stoppedAt), period.timeZone) : null,
      timelines: [],
    }
    seen.timelines.push({ due: row.due, birth: row.birth, loss: row.loss, ended: row.ended })
    residents.set(row.id, seen)
  }
  const counts = new Map<string, ResidentCount>()
  for (const date of datesOf(period.from, period.to)) {
    for (const { row, since, until, timelines } of residents.values()) {
      if (since > date || (until !== null && until <= date)) continue
      const stage = youngestStage(timelines, date)
      if (!stage) continue
      const state = row.state === 'paused' ? 'paused' : 'active'
      const key = [date, stage, row.audience, row.channel, row.language, state].join('|')
      const count = counts.get(key) ?? {
        date,
        tenant: period.tenant,
        stage,
        audience: row.audience,
        channel: row.channel,
        language: row.language,
        state,
        count: 0,
      }
      count.count++
      counts.set(key, count)
    }
  }
  return [...counts.values()]
}

/**
 * Registrations started on each local date of the period, by channel, language and audience:
 * confirmed, or not (still waiting; those never confirmed are erased after their days, and with
 * them their count).
 */
export async function registrationCounts(db: D1Database, period: TenantPeriod): Promise<RegistrationCount[]> {
  const { after, before } = utcWindow(period)
  const { results } = await db
    .prepare(
      `SELECT channel, language, audience, state, created_at AS createdAt FROM subscribers
       WHERE tenant_slug = ?1 AND created_at >= ?2 AND created_at < ?3`,
    )
    .bind(period.tenant, after, before)
    .all<{ channel: Channel; language: string; audience: Audience; state: string; createdAt: string }>()
  const counts = new Map<string, RegistrationCount>()
  for (const row of results) {
    const date = localDate(new Date(row.createdAt), period.timeZone)
    if (date < period.from || date > period.to) continue
    const key = [date, row.channel, row.language, row.audience].join('|')
    const count = counts.get(key) ?? {
      date,
      tenant: period.tenant,
      channel: row.channel,
      language: row.language,
      audience: row.audience,
      confirmed: 0,
      unconfirmed: 0,
    }
    if (row.state === 'pending') count.unconfirmed++
    else count.confirmed++
    counts.set(key, count)
  }
  return [...counts.values()]
}

/**
 * Residents who stopped on each local date of the period, by the reason they chose on the stop
 * page; a move away is `moved` whoever stopped it, and any other stop without a reason `not-given`.
 */
export async function stopCounts(db: D1Database, period: TenantPeriod): Promise<StopCount[]> {
  const { after, before } = utcWindow(period)
  const { results } = await db
    .prepare(
      `SELECT stopped_at AS stoppedAt, stop_reason AS stopReason, state_reason AS stateReason FROM subscribers
       WHERE tenant_slug = ?1 AND state = 'stopped' AND stopped_at >= ?2 AND stopped_at < ?3`,
    )
    .bind(period.tenant, after, before)
    .all<{ stoppedAt: string; stopReason: string | null; stateReason: string | null }>()
  const counts = new Map<string, StopCount>()
  for (const row of results) {
    const date = localDate(new Date(row.stoppedAt), period.timeZone)
    if (date < period.from || date > period.to) continue
    const given = stopReason.safeParse(row.stopReason)
    // A move away (edge/manage/move.ts) is a reason whoever stopped it.
    const reason: StopReason = given.success
      ? given.data
      : row.stateReason === 'moved-away'
        ? 'moved'
        : 'not-given'
    const key = `${date}|${reason}`
    const count = counts.get(key) ?? { date, tenant: period.tenant, reason, count: 0 }
    count.count++
    counts.set(key, count)
  }
  return [...counts.values()]
}
