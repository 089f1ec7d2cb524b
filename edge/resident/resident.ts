import type { D1Database } from '@cloudflare/workers-types'
import type { TenantSettings } from '../../shared/contract'
import { nextSendFor } from './schedule'

export interface SubscriberRow {
  id: string
  tenantSlug: string
  nickname: string
  audience: 'primary' | 'partner' | 'family'
  language: string
  channel: 'email' | 'sms' | 'line'
  state: 'pending' | 'active' | 'paused' | 'stopped'
  pausedUntil: string | null
  nextSendOn: string | null
}

export interface TimelineRow {
  id: string
  dueDate: string | null
  birthDate: string | null
  birthReportedOn: string | null
  lossDate: string | null
  lossReportedOn: string | null
}

/** A subscriber with the timelines they follow. The address is never read here: no page shows it. */
export interface Resident {
  subscriber: SubscriberRow
  timelines: TimelineRow[]
}

export async function loadResident(db: D1Database, subscriberId: string): Promise<Resident | null> {
  const subscriber = await db
    .prepare(
      `SELECT id, tenant_slug AS tenantSlug, nickname, audience, language, channel, state,
              paused_until AS pausedUntil, next_send_on AS nextSendOn
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
  return { subscriber, timelines: results }
}

/** Recomputes next_send_on for every subscriber who follows the timeline (its dates changed). */
export async function refreshTimelineMembers(
  db: D1Database,
  tenant: TenantSettings,
  timelineId: string,
  now: Date,
): Promise<void> {
  const { results } = await db
    .prepare('SELECT subscriber_id AS id FROM timeline_members WHERE timeline_id = ?1')
    .bind(timelineId)
    .all<{ id: string }>()
  for (const { id } of results) await refreshSchedule(db, tenant, id, now)
}

export async function refreshSchedule(
  db: D1Database,
  tenant: TenantSettings,
  subscriberId: string,
  now: Date,
): Promise<void> {
  const resident = await loadResident(db, subscriberId)
  if (!resident) return
  const next = nextSendFor({ ...resident.subscriber, timelines: resident.timelines }, tenant, now)
  await db
    .prepare(
      // Something due again (a new child, a resumed pause) stops the retention clock.
      `UPDATE subscribers SET next_send_on = ?2, updated_at = ?3,
              inactive_since = CASE WHEN ?2 IS NULL THEN inactive_since END
       WHERE id = ?1`,
    )
    .bind(subscriberId, next, now.toISOString())
    .run()
}
