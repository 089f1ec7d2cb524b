import { localDate } from '../../shared/calendar'
import type { Env } from '../env'
import { confirmToken, ensureStandingTokens, linkSecrets, secretOf } from '../resident/link-tokens'
import { tokenLifetimeDays } from '../resident/tokens'
import {
  confirmationRequest,
  type PendingConfirmation,
  sendConfirmation,
  waitingConfirmation,
} from './confirmation'
import type { Registration } from './form'
import { confirmTokenStatement, type RegisterContext } from './register'

const DAY_MS = 86_400_000

/**
 * The same address registered again (`renewal`: the form just sent) or "send again" pressed while
 * a registration waits for its confirmation: that registration, never a second one. Null when
 * none waits. Its confirmation goes out again when it never left, or — for a form sent again —
 * when it left before the repeat window; the registration then takes the values just typed.
 * Within the window (a double tap, a retried request) nothing changes and nothing is sent.
 * True when a confirmation has gone out.
 */
export async function resendWaitingConfirmation(
  env: Env,
  ctx: RegisterContext,
  address: string,
  renewal?: Registration,
): Promise<boolean | null> {
  const waiting = await waitingConfirmation(ctx.db, ctx.tenant.slug, address, ctx.now)
  if (!waiting) return null
  if (waiting.confirmation === 'recent' || (waiting.confirmation === 'earlier' && !renewal)) return true
  const pending: PendingConfirmation = renewal
    ? await renew(ctx, waiting, renewal, waiting.confirmation === 'earlier')
    : waiting
  const secret = await confirmationSecret(env, ctx, pending.subscriberId)
  const request = await confirmationRequest(secret, ctx.origin, pending, ctx.now, ctx.shard)
  return sendConfirmation(env, ctx.tenant, request, ctx.db)
}

/**
 * The LINK_SECRET the waiting confirmation was made under, so the very same links go out again
 * (their hashes are stored) even while LINK_SECRET is being rotated. Made under a secret since
 * deleted: its confirm and stop links are stored under the current one first.
 */
async function confirmationSecret(env: Env, ctx: RegisterContext, subscriberId: string): Promise<string> {
  const secrets = linkSecrets(env)
  const stored = await ctx.db
    .prepare(
      `SELECT token_hash FROM access_tokens WHERE subscriber_id = ?1 AND purpose = 'confirm' AND used_at IS NULL
       ORDER BY created_at DESC LIMIT 1`,
    )
    .bind(subscriberId)
    .first<string>('token_hash')
  const secret = stored && (await secretOf(secrets, (s) => confirmToken(s, subscriberId), stored))
  if (secret) return secret
  const current = { ...ctx, linkSecret: secrets.current }
  await ctx.db.batch([
    await confirmTokenStatement(current, subscriberId),
    await ensureStandingTokens(ctx.db, secrets.current, [subscriberId], ['stop'], ctx.now),
  ])
  return secrets.current
}

/**
 * The waiting registration with the values just typed, its link good for another full lifetime,
 * the consent given again recorded, and — when its confirmation left earlier — that confirmation
 * made ready to go once more under a new key (the link in it is the same derived one). Audience
 * and dates change only on a timeline nobody else follows: a pending invitee must not move their
 * household's dates from the public form.
 */
async function renew(
  ctx: RegisterContext,
  waiting: PendingConfirmation,
  registration: Registration,
  sendAgain: boolean,
): Promise<PendingConfirmation> {
  const { db, tenant, now } = ctx
  const at = now.toISOString()
  const id = waiting.subscriberId
  const shared = `EXISTS (SELECT 1 FROM timeline_members m JOIN timeline_members o
                  ON o.timeline_id = m.timeline_id AND o.subscriber_id != m.subscriber_id
                  WHERE m.subscriber_id = ?1)`
  const expiresAt = new Date(now.getTime() + (tokenLifetimeDays.confirm ?? 7) * DAY_MS).toISOString()
  const statements = [
    db
      .prepare(
        `UPDATE subscribers SET nickname = ?2, language = ?3,
           audience = CASE WHEN ${shared} THEN audience ELSE ?4 END, updated_at = ?5
         WHERE id = ?1 AND state = 'pending'`,
      )
      .bind(id, registration.nickname, registration.language, registration.audience, at),
    db
      .prepare(
        `UPDATE timelines SET due_date = ?2, birth_date = ?3, birth_reported_on = ?3, updated_at = ?4
         WHERE id IN (SELECT timeline_id FROM timeline_members WHERE subscriber_id = ?1)
           AND NOT EXISTS (SELECT 1 FROM timeline_members o WHERE o.timeline_id = timelines.id AND o.subscriber_id != ?1)`,
      )
      .bind(
        id,
        registration.stage === 'due' ? registration.date : null,
        registration.stage === 'birth' ? registration.date : null,
        at,
      ),
    db
      .prepare(
        `INSERT INTO consents (subscriber_id, tenant_slug, notice_version, method, ip_hash, given_at)
         VALUES (?1, ?2, ?3, 'web-form/email', ?4, ?5) ON CONFLICT DO NOTHING`,
      )
      .bind(id, tenant.slug, registration.noticeVersion, ctx.ipHash, at),
    db
      .prepare(
        `UPDATE access_tokens SET expires_at = ?2
         WHERE subscriber_id = ?1 AND purpose = 'confirm' AND used_at IS NULL`,
      )
      .bind(id, expiresAt),
  ]
  if (sendAgain) {
    statements.push(
      db
        .prepare(
          `UPDATE deliveries SET state = 'claimed', idempotency_key = ?2, local_date = ?3,
             provider_message_id = NULL, error = NULL, updated_at = ?4
           WHERE subscriber_id = ?1 AND kind = 'confirmation' AND state = 'sent'`,
        )
        .bind(id, `${id}/confirmation/${crypto.randomUUID()}`, localDate(now, tenant.timeZone), at),
    )
  }
  await db.batch(statements)
  return { ...waiting, nickname: registration.nickname }
}
