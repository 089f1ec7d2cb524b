import type { D1Database } from '@cloudflare/workers-types'
import type { TenantSettings } from '../../shared/contract'
import { wording } from '../../shared/languages/wording'
import type { Env } from '../env'
import { confirmationRequest, sendConfirmation } from '../registration/confirmation'
import { confirmTokenStatement, type RegisterContext } from '../registration/register'
import { notifyOwner } from '../registration/register-by-code'
import { ensureStandingTokens } from '../resident/link-tokens'
import { loadResident, scheduleStatement } from '../resident/resident'
import type { Resident, TimelineRow } from '../resident/rows'
import { findToken, issueToken } from '../resident/tokens'
import { linkSegment } from '../shards/links'
import { findTenant } from '../snapshot/tenant'
import { activeOwner } from '../verification/complete'
import { allowCodeSend, codeKey, sendSmsCode } from '../verification/send-code'
import { newVerification, storeDecoy } from '../verification/verification'
import { type ActionResult, refused } from './actions'
import type { InvitationAnswer } from './invitation-form'

/** Open invitations a timeline may have at once: enough for a partner and grandparents. */
export const openInvitationsPerTimeline = 5

export type InviteResult = { ok: true; token: string } | ReturnType<typeof refused>

/**
 * A single-use invitation to this timeline, from its primary; the link lives 14 days. Only its
 * hash is stored, so the page that shows it is the only place the link ever appears.
 */
export async function createInvitation(
  db: D1Database,
  resident: Resident,
  timeline: TimelineRow,
  now: Date,
): Promise<InviteResult> {
  const { subscriber } = resident
  if (subscriber.audience !== 'primary')
    return refused(
      wording('招待できるのは、登録したご本人だけです', 'Only the person who registered can invite'),
    )
  if (subscriber.state === 'stopped' || subscriber.state === 'pending')
    return refused(
      wording('お便りが止まっているため、招待できません', 'Messages are stopped, so you cannot invite'),
    )
  const open = await db
    .prepare(
      `SELECT COUNT(*) AS n FROM access_tokens
       WHERE subscriber_id = ?1 AND timeline_id = ?2 AND purpose = 'invite' AND used_at IS NULL AND expires_at > ?3`,
    )
    .bind(subscriber.id, timeline.id, now.toISOString())
    .first<{ n: number }>()
  if ((open?.n ?? 0) >= openInvitationsPerTimeline) {
    return refused(
      wording(
        'まだ使われていない招待リンクが多すぎます。使われるか、期限が切れてから作ってください',
        'Too many unused invitation links: wait until they are used or expire',
      ),
    )
  }
  const issued = await issueToken(db, subscriber.id, 'invite', now, timeline.id)
  await issued.statement.run()
  return { ok: true, token: issued.token }
}

export interface Invitation {
  tokenHash: string
  inviterNickname: string
  tenantSlug: string
  timelineId: string
}

/** The invitation a token opens: unused, unexpired, its inviter still receiving and on the timeline. */
export async function findInvitation(db: D1Database, token: string, now: Date): Promise<Invitation | null> {
  const grant = await findToken(db, token, ['invite'], now)
  if (!grant?.timelineId) return null
  const inviter = await db
    .prepare(
      `SELECT s.nickname, s.tenant_slug AS tenantSlug FROM subscribers s
       JOIN timeline_members m ON m.subscriber_id = s.id AND m.timeline_id = ?2
       WHERE s.id = ?1 AND s.state IN ('active', 'paused')`,
    )
    .bind(grant.subscriberId, grant.timelineId)
    .first<{ nickname: string; tenantSlug: string }>()
  if (!inviter) return null
  return {
    tokenHash: grant.tokenHash,
    inviterNickname: inviter.nickname,
    tenantSlug: inviter.tenantSlug,
    timelineId: grant.timelineId,
  }
}

/** `unsentTo`: the email address whose confirmation did not go out; the invitee is told and may send again. */
export type Acceptance =
  | { ok: true; next: string; unsentTo?: string }
  | { ok: false; reason: 'used' | 'limited' }

/**
 * The invitee's own pending subscription, joined to the inviter's timeline, with their consent,
 * their stop token and what proves the address (a confirm link by email, a code by SMS or LINE),
 * and the invitation spent — in one batch: the subscriber is written only while the invitation is
 * unspent, and every other row needs that subscriber, so a second use (another tab, a double tap)
 * writes nothing. Then the confirmation or the code, as for any registration; an address already
 * receiving here is answered alike and its owner told, as registration does. `next` is where the
 * invitee goes on.
 */
export async function acceptInvitation(
  env: Env,
  ctx: RegisterContext,
  invitation: Invitation,
  answer: InvitationAnswer,
): Promise<Acceptance> {
  const { db, tenant, now } = ctx
  const sent = `/t/${tenant.slug}/sent`
  const address = answer.channel === 'line' ? null : answer.address
  if (answer.channel === 'sms' && !(await allowCodeSend(env, ctx.ipHash, address, now, db)))
    return { ok: false, reason: 'limited' }
  if (address && answer.channel !== 'line') {
    const owner = await activeOwner(db, tenant.slug, answer.channel, address)
    if (owner) {
      await notifyOwner(env, tenant, owner, answer.channel, address, ctx.origin, ctx.linkSecret, now)
      if (answer.channel === 'email') return { ok: true, next: sent }
      const decoy = await storeDecoy(db, ctx.linkSecret, tenant.slug, address, now)
      return { ok: true, next: `/v/${linkSegment(ctx.shard, decoy)}` }
    }
  }
  const subscriberId = crypto.randomUUID()
  const confirm = answer.channel === 'email' ? await confirmTokenStatement(ctx, subscriberId) : null
  const verification =
    answer.channel === 'email'
      ? null
      : await newVerification(db, ctx.linkSecret, {
          tenant: tenant.slug,
          purpose: 'register',
          channel: answer.channel,
          address,
          subscriberId,
          now,
        })
  try {
    await db.batch([
      ...(await joinedSubscriberStatements(ctx, invitation, answer, subscriberId)),
      (confirm ?? verification?.statement)!,
    ])
  } catch (error) {
    // The foreign keys refused the rows of a subscriber that was not written: already used.
    if (/FOREIGN KEY/i.test(String(error))) return { ok: false, reason: 'used' }
    throw error
  }
  if (confirm) {
    const pending = {
      subscriberId,
      nickname: answer.nickname,
      address: answer.address,
      language: answer.language,
    }
    const request = await confirmationRequest(ctx.linkSecret, ctx.origin, pending, now, ctx.shard)
    if (await sendConfirmation(env, tenant, request, db)) return { ok: true, next: sent }
    return { ok: true, next: sent, unsentTo: answer.address }
  }
  const codeSent =
    !address ||
    !verification?.code ||
    (await sendSmsCode(
      env,
      tenant,
      address,
      verification.code,
      codeKey(verification.id, 1),
      answer.language,
      db,
    ))
  const codePage = `/v/${linkSegment(ctx.shard, verification!.handle)}`
  return { ok: true, next: `${codePage}${codeSent ? '' : '?notice=unsent'}` }
}

async function joinedSubscriberStatements(
  ctx: RegisterContext,
  invitation: Invitation,
  answer: InvitationAnswer,
  subscriberId: string,
) {
  const { db, tenant, now } = ctx
  const at = now.toISOString()
  return [
    db
      .prepare(
        `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, created_at, updated_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, 'pending', ?8, ?8
         WHERE EXISTS (SELECT 1 FROM access_tokens WHERE token_hash = ?9 AND purpose = 'invite' AND used_at IS NULL)`,
      )
      .bind(
        subscriberId,
        tenant.slug,
        answer.nickname,
        answer.audience,
        answer.language,
        answer.channel,
        answer.address,
        at,
        invitation.tokenHash,
      ),
    db
      .prepare('UPDATE access_tokens SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL')
      .bind(invitation.tokenHash, at),
    db
      .prepare('INSERT INTO timeline_members (timeline_id, subscriber_id) VALUES (?1, ?2)')
      .bind(invitation.timelineId, subscriberId),
    db
      .prepare(
        `INSERT INTO consents (subscriber_id, tenant_slug, notice_version, method, ip_hash, given_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
      )
      .bind(subscriberId, tenant.slug, answer.noticeVersion, `invitation/${answer.channel}`, ctx.ipHash, at),
    await ensureStandingTokens(db, ctx.linkSecret, [subscriberId], ['stop'], now),
  ]
}

/**
 * The primary takes someone they invited off a timeline. Someone left with no timeline gets no
 * more messages (their data then follows the retention rule); the rest are rescheduled. `db` is
 * the residents' shard; `main` has the settings of a member's other town.
 */
export async function removeMember(
  main: D1Database,
  db: D1Database,
  tenant: TenantSettings,
  resident: Resident,
  timeline: TimelineRow,
  memberId: string,
  now: Date,
): Promise<ActionResult> {
  if (resident.subscriber.audience !== 'primary')
    return refused(
      wording(
        '招待した方を外せるのは、登録したご本人だけです',
        'Only the person who registered can remove someone',
      ),
    )
  if (memberId === resident.subscriber.id)
    return refused(
      wording(
        'ご自身は外せません。お便りを止めるか、データを削除してください',
        'You cannot remove yourself; stop or delete instead',
      ),
    )
  // Whoever still follows another timeline is rescheduled over those, in their own tenant, in the
  // same batch as the removal; whoever follows nothing else is stopped by it.
  const loaded = await loadResident(db, memberId)
  const member = loaded?.timelines.some((t) => t.id === timeline.id) ? loaded : null
  const rest = member?.timelines.filter((t) => t.id !== timeline.id) ?? []
  const own =
    member && member.subscriber.tenantSlug !== tenant.slug
      ? await findTenant(main, member.subscriber.tenantSlug)
      : tenant
  const schedule =
    member && own && rest.length > 0
      ? [scheduleStatement(db, own, { ...member.subscriber, timelines: rest }, now)]
      : []
  const at = now.toISOString()
  const [removed] = await db.batch([
    db
      .prepare('DELETE FROM timeline_members WHERE timeline_id = ?1 AND subscriber_id = ?2')
      .bind(timeline.id, memberId),
    db
      .prepare(
        `UPDATE subscribers SET state = 'stopped', next_send_on = NULL, paused_until = NULL,
                state_reason = 'removed-by-primary', stopped_at = ?2, updated_at = ?2
         WHERE id = ?1 AND state != 'stopped'
           AND NOT EXISTS (SELECT 1 FROM timeline_members WHERE subscriber_id = ?1)`,
      )
      .bind(memberId, at),
    ...schedule,
  ])
  if (!removed || removed.meta.changes === 0)
    return refused(wording('その方は、この記録にはいません', 'That person is not on this record'))
  return { ok: true }
}
