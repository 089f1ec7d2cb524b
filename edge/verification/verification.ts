import type { D1Database } from '@cloudflare/workers-types'
import type { Channel } from '../../shared/contract'
import type { VerificationPurpose } from '../db/schema/verifications'
import { hashToken, newToken } from '../resident/tokens'
import { sameText } from '../web/hmac'
import { codeLimits } from './code-limits'
import { codeDigits, codeHash, lineCode, randomCode } from './codes'

/** How long a code (or an email link) proves an address. */
export const codeLifetimeMinutes: Record<Channel, number> = { sms: 10, line: 30, email: 24 * 60 }

export interface Verification {
  id: string
  subscriberId: string | null
  tenantSlug: string
  purpose: VerificationPurpose
  channel: Channel
  address: string | null
  codeHash: string | null
  attempts: number
  sends: number
  sentAt: string | null
  expiresAt: string
  usedAt: string | null
}

const columns = `id, subscriber_id AS subscriberId, tenant_slug AS tenantSlug, purpose, channel, address,
  code_hash AS codeHash, attempts, sends, sent_at AS sentAt, expires_at AS expiresAt, used_at AS usedAt`

const expiry = (channel: Channel, now: Date) =>
  new Date(now.getTime() + codeLifetimeMinutes[channel] * 60_000).toISOString()

/** The code for a send: random for SMS, derived from the handle for LINE, none for an email link. */
async function codeFor(
  secret: string,
  channel: Channel,
  handle: string,
  sends: number,
  tenant: string,
  id: string,
) {
  if (channel === 'email') return { code: null, hash: null }
  const code = channel === 'line' ? await lineCode(secret, handle, sends) : randomCode()
  return { code, hash: await codeHash(secret, channel === 'line' ? tenant : id, code) }
}

export interface NewVerification {
  /** The random handle in the page URL (/v/{handle}); D1 keeps its SHA-256 as the id. */
  handle: string
  /** What to send (SMS) or show (LINE); null for an email link. */
  code: string | null
  id: string
  statement: ReturnType<D1Database['prepare']>
}

/** A verification and the statement that stores it (to run in the caller's batch). */
export async function newVerification(
  db: D1Database,
  secret: string,
  input: {
    tenant: string
    purpose: VerificationPurpose
    channel: Channel
    address: string | null
    subscriberId: string | null
    now: Date
  },
): Promise<NewVerification> {
  const handle = newToken()
  const id = await hashToken(handle)
  const { code, hash } = await codeFor(secret, input.channel, handle, 1, input.tenant, id)
  const at = input.now.toISOString()
  const statement = db
    .prepare(
      `INSERT INTO verifications (id, subscriber_id, tenant_slug, purpose, channel, address, code_hash, sends, sent_at, expires_at, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?9, ?8)`,
    )
    .bind(
      id,
      input.subscriberId,
      input.tenant,
      input.purpose,
      input.channel,
      input.address,
      hash,
      at,
      expiry(input.channel, input.now),
    )
  return { handle, code, id, statement }
}

/**
 * The code page shown to whoever registers a number someone already receives at: it answers as a
 * real one would, and no code is ever sent. Returns its handle.
 */
export async function storeDecoy(
  db: D1Database,
  secret: string,
  tenant: string,
  address: string,
  now: Date,
): Promise<string> {
  const decoy = await newVerification(db, secret, {
    tenant,
    purpose: 'decoy',
    channel: 'sms',
    address,
    subscriberId: null,
    now,
  })
  await decoy.statement.run()
  return decoy.handle
}

export async function findVerification(db: D1Database, handle: string): Promise<Verification | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(handle)) return null
  return db
    .prepare(`SELECT ${columns} FROM verifications WHERE id = ?1`)
    .bind(await hashToken(handle))
    .first<Verification>()
}

/** The newest open LINE verification in the tenant whose code this is (expired ones included). */
export async function findLineVerification(
  db: D1Database,
  secret: string,
  tenant: string,
  code: string,
): Promise<Verification | null> {
  return db
    .prepare(
      `SELECT ${columns} FROM verifications
       WHERE tenant_slug = ?1 AND channel = 'line' AND code_hash = ?2 AND used_at IS NULL
       ORDER BY created_at DESC LIMIT 1`,
    )
    .bind(tenant, await codeHash(secret, tenant, code))
    .first<Verification>()
}

export type CodeState = 'open' | 'used' | 'expired' | 'spent'

export function stateOf(v: Verification, now: Date): CodeState {
  if (v.usedAt) return 'used'
  if (v.expiresAt <= now.toISOString()) return 'expired'
  if (v.attempts >= codeLimits.attemptsPerCode) return 'spent'
  return 'open'
}

export type CodeTry = { ok: true } | { ok: false; state: CodeState; left: number }

/** Checks a typed SMS code; a wrong one counts against the code. */
export async function tryCode(
  db: D1Database,
  secret: string,
  v: Verification,
  typed: string,
  now: Date,
): Promise<CodeTry> {
  const state = stateOf(v, now)
  if (state !== 'open') return { ok: false, state, left: 0 }
  const digits = codeDigits(typed, 6)
  if (digits && v.codeHash && sameText(await codeHash(secret, v.id, digits), v.codeHash)) return { ok: true }
  const row = await db
    .prepare(
      'UPDATE verifications SET attempts = attempts + 1 WHERE id = ?1 AND attempts < ?2 RETURNING attempts',
    )
    .bind(v.id, codeLimits.attemptsPerCode)
    .first<{ attempts: number }>()
  const attempts = row?.attempts ?? codeLimits.attemptsPerCode
  const left = codeLimits.attemptsPerCode - attempts
  return { ok: false, state: left > 0 ? 'open' : 'spent', left }
}

export type Resend = { ok: true; code: string | null } | { ok: false; reason: 'wait' | 'enough' | 'used' }

/** A new code for the same verification: the wrong attempts start again, the clock too. */
export async function renewCode(
  db: D1Database,
  secret: string,
  v: Verification,
  handle: string,
  now: Date,
): Promise<Resend> {
  if (v.usedAt) return { ok: false, reason: 'used' }
  if (v.sends >= codeLimits.sendsPerVerification) return { ok: false, reason: 'enough' }
  if (v.sentAt && now.getTime() - Date.parse(v.sentAt) < codeLimits.resendAfterSeconds * 1000) {
    return { ok: false, reason: 'wait' }
  }
  const { code, hash } = await codeFor(secret, v.channel, handle, v.sends + 1, v.tenantSlug, v.id)
  const at = now.toISOString()
  const row = await db
    .prepare(
      `UPDATE verifications SET code_hash = ?2, attempts = 0, sends = sends + 1, sent_at = ?3, expires_at = ?4
       WHERE id = ?1 AND sends = ?5 AND used_at IS NULL RETURNING sends`,
    )
    .bind(v.id, hash, at, expiry(v.channel, now), v.sends)
    .first<{ sends: number }>()
  if (!row) return { ok: false, reason: 'wait' }
  return { ok: true, code }
}

/** The change waiting to be verified for this subscriber, if any (newest). */
export async function pendingChange(db: D1Database, subscriberId: string, now: Date) {
  return db
    .prepare(
      `SELECT channel, address FROM verifications
       WHERE subscriber_id = ?1 AND purpose = 'change' AND used_at IS NULL AND expires_at > ?2
       ORDER BY created_at DESC LIMIT 1`,
    )
    .bind(subscriberId, now.toISOString())
    .first<{ channel: Channel; address: string | null }>()
}
