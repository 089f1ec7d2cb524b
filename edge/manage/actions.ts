import type { D1Database } from '@cloudflare/workers-types'
import type { Bilingual, CivilDate } from '../../shared/calendar'
import { addDays, checkCivilDate } from '../../shared/calendar'
import type { TenantSettings } from '../../shared/contract'
import { timelineProblem } from '../../shared/program'
import { eraseStatements } from '../resident/erase'
import { refreshSchedule, refreshTimelineMembers } from '../resident/resident'
import type { Resident, TimelineRow } from '../resident/rows'
import { factsOf, today } from '../resident/schedule'
import { mayChangeDates } from './date-owner'

export type ActionResult = { ok: true } | { ok: false; problem: Bilingual }

const problem = (ja: string, en: string): ActionResult => ({ ok: false, problem: { ja, en } })

export async function changeNickname(db: D1Database, subscriberId: string, nickname: string, now: Date) {
  await db
    .prepare('UPDATE subscribers SET nickname = ?2, updated_at = ?3 WHERE id = ?1')
    .bind(subscriberId, nickname, now.toISOString())
    .run()
}

/** The timeline of this resident the form names, or their first. */
export function timelineOf(resident: Resident, id: string | undefined): TimelineRow | null {
  return resident.timelines.find((t) => t.id === id) ?? (id ? null : (resident.timelines[0] ?? null))
}

function dateProblem(date: string): Bilingual | null {
  return checkCivilDate(date).ok
    ? null
    : { ja: '日付を選んでください（例: 2027-03-15）', en: 'Choose a date (e.g. 2027-03-15)' }
}

async function updateTimeline(
  db: D1Database,
  tenant: TenantSettings,
  timeline: TimelineRow,
  changed: TimelineRow,
  now: Date,
): Promise<ActionResult> {
  const found = timelineProblem(factsOf(changed, today(tenant, now)))
  if (found) return { ok: false, problem: found }
  await db
    .prepare(
      `UPDATE timelines SET due_date = ?2, birth_date = ?3, birth_reported_on = ?4, loss_date = ?5,
              loss_reported_on = ?6, updated_at = ?7 WHERE id = ?1`,
    )
    .bind(
      timeline.id,
      changed.dueDate,
      changed.birthDate,
      changed.birthReportedOn,
      changed.lossDate,
      changed.lossReportedOn,
      now.toISOString(),
    )
    .run()
  await refreshTimelineMembers(db, tenant, timeline.id, now)
  return { ok: true }
}

/** The primary changes the due date; partners and family see it (unless no primary follows it). */
export async function changeDueDate(
  db: D1Database,
  tenant: TenantSettings,
  resident: Resident,
  timeline: TimelineRow,
  due: string,
  now: Date,
): Promise<ActionResult> {
  if (!mayChangeDates(resident, timeline.id)) {
    return problem(
      '予定日を変えられるのは、登録したご本人だけです',
      'Only the person who registered can change dates',
    )
  }
  const bad = dateProblem(due)
  if (bad) return { ok: false, problem: bad }
  const date = today(tenant, now)
  if (due < addDays(date, -14) || due > addDays(date, 280)) {
    return problem(
      '出産予定日は、今日から280日以内の日付にしてください',
      'A due date is within 280 days from today',
    )
  }
  if (timeline.birthDate || timeline.lossDate) {
    return problem('この記録の予定日はもう変えられません', 'This due date can no longer be changed')
  }
  return updateTimeline(db, tenant, timeline, { ...timeline, dueDate: due }, now)
}

/** Either member may report the birth; from then on the child's days count from it. */
export async function reportBirth(
  db: D1Database,
  tenant: TenantSettings,
  timeline: TimelineRow,
  birth: string,
  now: Date,
): Promise<ActionResult> {
  const bad = dateProblem(birth)
  if (bad) return { ok: false, problem: bad }
  const date = today(tenant, now)
  if (birth > date)
    return problem('お誕生日は今日までの日付にしてください', 'A birth date is today or earlier')
  if (timeline.lossDate)
    return problem('この記録には、すでにお知らせをいただいています', 'This record is already closed')
  return updateTimeline(db, tenant, timeline, { ...timeline, birthDate: birth, birthReportedOn: date }, now)
}

/** The loss is recorded today: the plan turns to the loss-support messages at once (or stops them). */
export async function reportLoss(
  db: D1Database,
  tenant: TenantSettings,
  resident: Resident,
  timeline: TimelineRow,
  lossDate: string,
  keepSupport: boolean,
  now: Date,
): Promise<ActionResult> {
  const date = today(tenant, now)
  const when = lossDate === '' ? date : lossDate
  const bad = dateProblem(when)
  if (bad) return { ok: false, problem: bad }
  if (when > date) return problem('今日までの日付にしてください', 'Please give today or an earlier date')
  const result = await updateTimeline(
    db,
    tenant,
    timeline,
    { ...timeline, lossDate: when, lossReportedOn: date },
    now,
  )
  if (result.ok && !keepSupport) await stopSubscription(db, resident.subscriber.id, 'loss', now)
  return result
}

export async function pauseUntil(
  db: D1Database,
  tenant: TenantSettings,
  subscriberId: string,
  until: string,
  now: Date,
): Promise<ActionResult> {
  const bad = dateProblem(until)
  if (bad) return { ok: false, problem: bad }
  const date: CivilDate = today(tenant, now)
  if (until <= date || until > addDays(date, 365)) {
    return problem('明日から1年以内の日付にしてください', 'Choose a date from tomorrow to one year ahead')
  }
  await db
    .prepare(
      `UPDATE subscribers SET state = 'paused', paused_until = ?2, updated_at = ?3
       WHERE id = ?1 AND state IN ('active', 'paused')`,
    )
    .bind(subscriberId, until, now.toISOString())
    .run()
  await refreshSchedule(db, tenant, subscriberId, now)
  return { ok: true }
}

export async function resume(db: D1Database, tenant: TenantSettings, subscriberId: string, now: Date) {
  await db
    .prepare(
      `UPDATE subscribers SET state = 'active', paused_until = NULL, updated_at = ?2
       WHERE id = ?1 AND state = 'paused'`,
    )
    .bind(subscriberId, now.toISOString())
    .run()
  await refreshSchedule(db, tenant, subscriberId, now)
}

/** Stops every message at once and records the consent withdrawn; nothing is deleted. */
export async function stopSubscription(db: D1Database, subscriberId: string, reason: string, now: Date) {
  const at = now.toISOString()
  await db.batch([
    db
      .prepare(
        `UPDATE subscribers SET state = 'stopped', next_send_on = NULL, paused_until = NULL, state_reason = ?2,
                updated_at = ?3
         WHERE id = ?1 AND state != 'stopped'`,
      )
      .bind(subscriberId, reason, at),
    db
      .prepare('UPDATE consents SET withdrawn_at = ?2 WHERE subscriber_id = ?1 AND withdrawn_at IS NULL')
      .bind(subscriberId, at),
  ])
}

/**
 * "Delete my data": the subscriber with everything that cascades from it, and timelines no one
 * else follows, at once; one anonymous count is kept for the tenant's day.
 */
export async function deleteResidentData(
  db: D1Database,
  subscriberId: string,
  tenant?: TenantSettings,
  now: Date = new Date(),
) {
  const dates = tenant ? { [tenant.slug]: today(tenant, now) } : {}
  await db.batch(eraseStatements(db, [subscriberId], 'requested', dates))
}
