import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import type { TenantSettings } from '../../shared/contract'
import { findTenant } from '../snapshot/tenant'
import type { MemberRow, Resident, SubscriberRow, TimelineRow } from './rows'
import { nextSendFor, type ScheduleInput } from './schedule'

export async function loadResident(db: D1Database, subscriberId: string): Promise<Resident | null> {
  const subscriber = await db
    .prepare(
      `SELECT id, tenant_slug AS tenantSlug, nickname, audience, language, channel, state,
              state_reason AS stateReason, paused_until AS pausedUntil, next_send_on AS nextSendOn,
              (SELECT last_failed_on FROM delivery_failures WHERE subscriber_id = subscribers.id) AS lastFailedOn
       FROM subscribers WHERE id = ?1`,
    )
    .bind(subscriberId)
    .first<SubscriberRow>()
  if (!subscriber) return null
  const { results } = await db
    .prepare(
      `SELECT t.id, t.due_date AS dueDate, t.birth_date AS birthDate, t.birth_reported_on AS birthReportedOn,
              t.loss_date AS lossDate, t.loss_reported_on AS lossReportedOn
       FROM timelines t JOIN timeline_members m ON m.timeline_id = t.id
       WHERE m.subscriber_id = ?1 ORDER BY t.created_at, t.id`,
    )
    .bind(subscriberId)
    .all<TimelineRow>()
  const members = await db
    .prepare(
      `SELECT m.timeline_id AS timelineId, s.id AS subscriberId, s.nickname, s.audience, s.state
       FROM timeline_members mine
       JOIN timeline_members m ON m.timeline_id = mine.timeline_id
       JOIN subscribers s ON s.id = m.subscriber_id
       WHERE mine.subscriber_id = ?1 ORDER BY s.created_at, s.id`,
    )
    .bind(subscriberId)
    .all<MemberRow>()
  return { subscriber, timelines: results, members: members.results }
}

/** A condition a statement also requires, with anonymous `?` parameters (numbered after the statement's own). */
export interface Guard {
  sql: string
  binds: readonly unknown[]
}

/** `where` with the guard added, if any. */
export const guarded = (where: string, guard?: Guard) => (guard ? `${where} AND ${guard.sql}` : where)

/** A subscriber as an action leaves them: their state and every timeline they follow. */
export interface ScheduleTarget extends ScheduleInput {
  id: string
}

/**
 * The statement that writes a subscriber's next_send_on, computed now from rows already loaded and
 * changed in memory, to run in the same batch as the change itself: both commit or neither does
 * (a D1 batch is one transaction). It writes only while the subscriber is in the state it was
 * computed for and the guard holds, so a second request that lost the race writes nothing.
 */
export function scheduleStatement(
  db: D1Database,
  tenant: TenantSettings,
  target: ScheduleTarget,
  now: Date,
  guard?: Guard,
): D1PreparedStatement {
  const next = nextSendFor(target, tenant, now)
  return db
    .prepare(
      // Something due again (a new child, a resumed pause) stops the retention clock; a provider's
      // pause (no end date) keeps it running until the resident fixes the address.
      `UPDATE subscribers SET next_send_on = ?2, updated_at = ?3,
              inactive_since = CASE WHEN ?2 IS NULL OR (state = 'paused' AND paused_until IS NULL)
                                    THEN inactive_since END
       WHERE ${guarded('id = ?1 AND state = ?4 AND paused_until IS ?5', guard)}`,
    )
    .bind(target.id, next, now.toISOString(), target.state, target.pausedUntil, ...(guard?.binds ?? []))
}

/**
 * The schedule statements of everyone who follows a timeline whose dates change to `changed`,
 * each computed over all the timelines they follow. A member who moved to another town (of the
 * same shard) is scheduled in their own tenant's program and time zone, read from `main`.
 */
export async function followerScheduleStatements(
  main: D1Database,
  db: D1Database,
  tenant: TenantSettings,
  changed: TimelineRow,
  now: Date,
): Promise<D1PreparedStatement[]> {
  const { results } = await db
    .prepare('SELECT subscriber_id AS id FROM timeline_members WHERE timeline_id = ?1')
    .bind(changed.id)
    .all<{ id: string }>()
  const statements: D1PreparedStatement[] = []
  for (const { id } of results) {
    const follower = await loadResident(db, id)
    if (!follower) continue
    const { subscriber } = follower
    const own = subscriber.tenantSlug === tenant.slug ? tenant : await findTenant(main, subscriber.tenantSlug)
    if (!own) continue
    const timelines = follower.timelines.map((t) => (t.id === changed.id ? changed : t))
    statements.push(scheduleStatement(db, own, { ...subscriber, timelines }, now))
  }
  return statements
}
