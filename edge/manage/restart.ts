import type { D1Database } from '@cloudflare/workers-types'
import type { TenantSettings } from '../../shared/contract'
import { wording } from '../../shared/languages/wording'
import { type Guard, scheduleStatement } from '../resident/resident'
import type { Resident } from '../resident/rows'
import { nextSendFor } from '../resident/schedule'
import { optedOutReason } from '../resident/suppression'
import { type ActionResult, refused } from './actions'

export interface RestartConsent {
  consent: string
  noticeVersion: string
  ipHash: string
}

/** Stopped by their own stop link or the manage page: they may start again here. */
export function mayRestart(resident: Resident): boolean {
  const { state, stateReason } = resident.subscriber
  return state === 'stopped' && stateReason !== optedOutReason
}

/**
 * A stopped resident starts again: a new consent to the tenant's privacy notice as it is now (the
 * stop withdrew the old one), active again, and the next send computed first and written with
 * them in one batch. Each statement after the first is guarded by the first having run, so a
 * second press writes nothing. Someone who replied STOP to the SMS must reply START first: the
 * provider would refuse every message until they do.
 */
export async function restartSubscription(
  db: D1Database,
  tenant: TenantSettings,
  resident: Resident,
  consent: RestartConsent,
  now: Date,
): Promise<ActionResult> {
  const { subscriber } = resident
  if (subscriber.state === 'stopped' && subscriber.stateReason === optedOutReason)
    return refused(
      wording(
        'SMS に「STOP」と返信されたため、このままでは送れません。同じ番号あてに START と返信してから、もう一度登録してください',
        'You replied STOP to our SMS, so we cannot send: reply START to the same number, then register again',
      ),
    )
  if (subscriber.state !== 'stopped')
    return refused(wording('お便りは止まっていません', 'Messages are not stopped'))
  if (consent.consent !== 'yes')
    return refused(
      wording(
        'プライバシーポリシーをお読みのうえ、同意にチェックしてください',
        'Please read the privacy notice and tick to agree',
      ),
    )
  if (consent.noticeVersion !== tenant.privacyNotice.version)
    return refused(
      wording(
        'プライバシーポリシーが更新されました。もう一度お読みのうえ、同意してください',
        'The privacy notice has changed: please read it again and agree',
      ),
    )
  const target = { ...subscriber, state: 'active' as const, pausedUntil: null, timelines: resident.timelines }
  if (nextSendFor(target, tenant, now) === null)
    return refused(
      wording(
        'ご登録の記録には、もうお届けするお便りがありません。新しい記録（お子さん・妊娠）を追加してください',
        'Nothing is left to send for your records: add a new child or pregnancy',
      ),
    )
  const at = now.toISOString()
  const restarted: Guard = {
    sql: `EXISTS (SELECT 1 FROM subscribers WHERE id = ? AND state = 'active' AND updated_at = ?)`,
    binds: [subscriber.id, at],
  }
  await db.batch([
    db
      .prepare(
        `UPDATE subscribers SET state = 'active', state_reason = NULL, paused_until = NULL, updated_at = ?2
         WHERE id = ?1 AND state = 'stopped' AND state_reason IS NOT ?3`,
      )
      .bind(subscriber.id, at, optedOutReason),
    db
      .prepare(
        `INSERT INTO consents (subscriber_id, tenant_slug, notice_version, method, ip_hash, given_at)
         SELECT ?1, ?2, ?3, 'restart/web-form', ?4, ?5 WHERE ${restarted.sql}`,
      )
      .bind(subscriber.id, tenant.slug, tenant.privacyNotice.version, consent.ipHash, at, ...restarted.binds),
    scheduleStatement(db, tenant, target, now, restarted),
  ])
  return { ok: true }
}
