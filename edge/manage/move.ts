import type { D1Database } from '@cloudflare/workers-types'
import type { TenantSettings } from '../../shared/contract'
import { scheduleStatement } from '../resident/resident'
import type { Resident } from '../resident/rows'
import { type ActionResult, stopSubscription } from './actions'

const problem = (ja: string, en: string): ActionResult => ({ ok: false, problem: { ja, en } })

export interface MoveConsent {
  consent: string
  noticeVersion: string
  ipHash: string
}

/** Whether the new tenant can reach this resident the way they receive messages now. */
export function canTransfer(to: TenantSettings, resident: Resident): boolean {
  return Boolean(to.channels[resident.subscriber.channel])
}

/**
 * The subscription moves to another tenant running yorisoi, once the resident agrees to that
 * tenant's privacy notice: a new consent row (the old one withdrawn), the language kept where the
 * new tenant offers it, timelines nobody else follows moved along, and the next send recomputed in
 * the new tenant's program and time zone. Partners and family stay where they are.
 */
export async function transferSubscription(
  db: D1Database,
  to: TenantSettings,
  resident: Resident,
  consent: MoveConsent,
  now: Date,
): Promise<ActionResult> {
  const { subscriber } = resident
  if (subscriber.state === 'stopped' || subscriber.state === 'pending')
    return problem(
      'お便りが止まっているため、引っ越しの手続きはできません',
      'Messages are stopped, so there is nothing to move',
    )
  if (to.slug === subscriber.tenantSlug)
    return problem('いまお住まいのまちと同じです', 'That is where you live now')
  if (!canTransfer(to, resident))
    return problem(
      '引っ越し先では、いまの受け取り方でお届けしていません。引っ越し先の登録ページから登録してください',
      'Your new town does not send this way; please register on its own page',
    )
  if (consent.consent !== 'yes')
    return problem(
      '引っ越し先のプライバシーポリシーをお読みのうえ、同意にチェックしてください',
      'Please read the new town’s privacy notice and tick to agree',
    )
  if (consent.noticeVersion !== to.privacyNotice.version)
    return problem(
      'プライバシーポリシーが更新されました。もう一度お読みのうえ、同意してください',
      'The privacy notice has changed: please read it again and agree',
    )
  const at = now.toISOString()
  const language = to.languages.offered.includes(subscriber.language)
    ? subscriber.language
    : (to.languages.fallback[0] ?? to.languages.offered[0] ?? 'ja')
  await db.batch([
    db
      .prepare(
        `UPDATE subscribers SET tenant_slug = ?2, language = ?3, state_reason = 'moved-in', updated_at = ?4
         WHERE id = ?1`,
      )
      .bind(subscriber.id, to.slug, language, at),
    db
      .prepare('UPDATE consents SET withdrawn_at = ?2 WHERE subscriber_id = ?1 AND withdrawn_at IS NULL')
      .bind(subscriber.id, at),
    db
      .prepare(
        `INSERT INTO consents (subscriber_id, tenant_slug, notice_version, method, ip_hash, given_at)
         VALUES (?1, ?2, ?3, 'move/web-form', ?4, ?5)`,
      )
      .bind(subscriber.id, to.slug, to.privacyNotice.version, consent.ipHash, at),
    db
      .prepare(
        `UPDATE timelines SET tenant_slug = ?2, updated_at = ?3
         WHERE id IN (SELECT timeline_id FROM timeline_members WHERE subscriber_id = ?1)
           AND NOT EXISTS (
             SELECT 1 FROM timeline_members m JOIN subscribers s ON s.id = m.subscriber_id
             WHERE m.timeline_id = timelines.id AND s.tenant_slug != ?2)`,
      )
      .bind(subscriber.id, to.slug, at),
    // Recomputed in the new tenant's program and time zone, and written with the move itself.
    scheduleStatement(db, to, { ...subscriber, timelines: resident.timelines }, now),
  ])
  return { ok: true }
}

/** A move to a town without yorisoi: the messages stop, kindly; the data follows the retention rule. */
export function moveAway(db: D1Database, resident: Resident, now: Date): Promise<void> {
  return stopSubscription(db, resident.subscriber.id, 'moved-away', now)
}
