import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import type { CivilDate } from '../../shared/calendar'
import { addDays, checkCivilDate } from '../../shared/calendar'
import type { StopReason, TenantSettings } from '../../shared/contract'
import { type Wording, wording } from '../../shared/languages/wording'
import { timelineProblem } from '../../shared/program'
import { dueDateProblem } from '../resident/dates'
import { eraseStatements } from '../resident/erase'
import { rotateManageToken } from '../resident/link-tokens'
import { followerScheduleStatements, scheduleStatement } from '../resident/resident'
import type { Resident, TimelineRow } from '../resident/rows'
import { factsOf, today } from '../resident/schedule'
import { mayChangeDates } from './date-owner'

export type ActionResult = { ok: true } | { ok: false; problem: Wording }

/** A change refused, with what to tell the resident (worded in their language when shown). */
export const refused = (problem: Wording): { ok: false; problem: Wording } => ({ ok: false, problem })

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

function dateProblem(date: string): Wording | null {
  return checkCivilDate(date).ok
    ? null
    : { ja: '日付を選んでください（例: 2027-03-15）', en: 'Choose a date (e.g. 2027-03-15)' }
}

/**
 * The changed dates and every follower's next send, computed first and written in one batch with
 * `also` (a loss that stops the messages): all of it commits or none does. `db` is the resident's
 * shard; `main` has the settings of a follower's other town.
 */
async function updateTimeline(
  main: D1Database,
  db: D1Database,
  tenant: TenantSettings,
  timeline: TimelineRow,
  changed: TimelineRow,
  now: Date,
  also: D1PreparedStatement[] = [],
): Promise<ActionResult> {
  const found = timelineProblem(factsOf(changed, today(tenant, now)))
  if (found) return { ok: false, problem: found }
  await db.batch([
    db
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
      ),
    ...(await followerScheduleStatements(main, db, tenant, changed, now)),
    ...also,
  ])
  return { ok: true }
}

/** The primary changes the due date; partners and family see it (unless no primary follows it). */
export async function changeDueDate(
  main: D1Database,
  db: D1Database,
  tenant: TenantSettings,
  resident: Resident,
  timeline: TimelineRow,
  due: string,
  now: Date,
): Promise<ActionResult> {
  if (!mayChangeDates(resident, timeline.id)) {
    return refused(
      wording(
        '予定日を変えられるのは、登録したご本人だけです',
        'Only the person who registered can change dates',
      ),
    )
  }
  const bad = dateProblem(due)
  if (bad) return { ok: false, problem: bad }
  const date = today(tenant, now)
  const outOfRange = dueDateProblem(due, date)
  if (outOfRange) return { ok: false, problem: outOfRange }
  if (timeline.birthDate || timeline.lossDate) {
    return refused(wording('この記録の予定日はもう変えられません', 'This due date can no longer be changed'))
  }
  return updateTimeline(main, db, tenant, timeline, { ...timeline, dueDate: due }, now)
}

/** Either member may report the birth; from then on the child's days count from it. */
export async function reportBirth(
  main: D1Database,
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
    return refused(wording('お誕生日は今日までの日付にしてください', 'A birth date is today or earlier'))
  if (timeline.lossDate)
    return refused(wording('この記録には、すでにお知らせをいただいています', 'This record is already closed'))
  return updateTimeline(
    main,
    db,
    tenant,
    timeline,
    { ...timeline, birthDate: birth, birthReportedOn: date },
    now,
  )
}

/** The loss is recorded today: the plan turns to the loss-support messages at once (or stops them). */
export async function reportLoss(
  main: D1Database,
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
  if (when > date)
    return refused(wording('今日までの日付にしてください', 'Please give today or an earlier date'))
  const stop = keepSupport ? [] : stopStatements(db, resident.subscriber.id, 'loss', now)
  return updateTimeline(
    main,
    db,
    tenant,
    timeline,
    { ...timeline, lossDate: when, lossReportedOn: date },
    now,
    stop,
  )
}

export async function pauseUntil(
  db: D1Database,
  tenant: TenantSettings,
  resident: Resident,
  until: string,
  now: Date,
): Promise<ActionResult> {
  const bad = dateProblem(until)
  if (bad) return { ok: false, problem: bad }
  const date: CivilDate = today(tenant, now)
  if (until <= date || until > addDays(date, 365)) {
    return refused(
      wording('明日から1年以内の日付にしてください', 'Choose a date from tomorrow to one year ahead'),
    )
  }
  const { subscriber, timelines } = resident
  await db.batch([
    db
      .prepare(
        `UPDATE subscribers SET state = 'paused', paused_until = ?2, updated_at = ?3
         WHERE id = ?1 AND state IN ('active', 'paused')`,
      )
      .bind(subscriber.id, until, now.toISOString()),
    scheduleStatement(db, tenant, { ...subscriber, state: 'paused', pausedUntil: until, timelines }, now),
  ])
  return { ok: true }
}

export async function resume(db: D1Database, tenant: TenantSettings, resident: Resident, now: Date) {
  const { subscriber, timelines } = resident
  await db.batch([
    db
      .prepare(
        `UPDATE subscribers SET state = 'active', paused_until = NULL, updated_at = ?2
         WHERE id = ?1 AND state = 'paused'`,
      )
      .bind(subscriber.id, now.toISOString()),
    scheduleStatement(db, tenant, { ...subscriber, state: 'active', pausedUntil: null, timelines }, now),
  ])
}

/** Stops every message at once and records the consent withdrawn; nothing is deleted. */
export async function stopSubscription(
  db: D1Database,
  subscriberId: string,
  reason: string,
  now: Date,
  stopReason: StopReason | null = null,
) {
  await db.batch(stopStatements(db, subscriberId, reason, now, stopReason))
}

/** What stopping writes, to run alone or in the batch of the change that stops (a loss). */
export function stopStatements(
  db: D1Database,
  subscriberId: string,
  reason: string,
  now: Date,
  stopReason: StopReason | null = null,
): D1PreparedStatement[] {
  const at = now.toISOString()
  return [
    db
      .prepare(
        `UPDATE subscribers SET state = 'stopped', next_send_on = NULL, paused_until = NULL, state_reason = ?2,
                stopped_at = ?3, stop_reason = ?4, updated_at = ?3
         WHERE id = ?1 AND state != 'stopped'`,
      )
      .bind(subscriberId, reason, at, stopReason),
    db
      .prepare('UPDATE consents SET withdrawn_at = ?2 WHERE subscriber_id = ?1 AND withdrawn_at IS NULL')
      .bind(subscriberId, at),
  ]
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

/**
 * "New link, old ones stop working": the resident's manage link is derived again under a raised
 * generation and every earlier one ends (resident/link-tokens.ts rotateManageToken). The stop link
 * and message pages do not depend on it. Returns the new token, to be shown once.
 */
export async function newManageLink(
  db: D1Database,
  secret: string,
  subscriberId: string,
  now: Date,
): Promise<string> {
  const generation =
    (await db
      .prepare('SELECT manage_generation FROM subscribers WHERE id = ?1')
      .bind(subscriberId)
      .first<number>('manage_generation')) ?? 0
  const { token, statements } = await rotateManageToken(db, secret, subscriberId, generation, now)
  await db.batch(statements)
  return token
}
