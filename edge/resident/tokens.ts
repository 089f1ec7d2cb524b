import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import { tokenHash } from '../../shared/links'
import type { AccessPurpose } from '../db/schema/access'
import type { Guard } from './resident'

const DAY_MS = 86_400_000

/**
 * How long a random link stays good. Stop and manage tokens are derived (link-tokens.ts), stored
 * without expiry, and never issued here.
 */
export const tokenLifetimeDays: Record<AccessPurpose, number | null> = {
  confirm: 7,
  invite: 14,
  manage: null,
  stop: null,
}

/** 16 random bytes as base64url: 22 characters, short enough for a 70-character SMS. */
export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')
}

/** What a token is stored and found by (shared/links tokenHash). */
export const hashToken = tokenHash

export interface IssuedToken {
  token: string
  statement: D1PreparedStatement
}

/**
 * A new token (or the given derived one) and the statement that stores its hash (to run in the
 * caller's batch).
 */
export async function issueToken(
  db: D1Database,
  subscriberId: string,
  purpose: AccessPurpose,
  now: Date,
  timelineId: string | null = null,
  token: string = newToken(),
): Promise<IssuedToken> {
  const days = tokenLifetimeDays[purpose]
  const expiresAt = days === null ? null : new Date(now.getTime() + days * DAY_MS).toISOString()
  const statement = db
    .prepare(
      `INSERT INTO access_tokens (token_hash, subscriber_id, purpose, timeline_id, expires_at, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
    )
    .bind(await hashToken(token), subscriberId, purpose, timelineId, expiresAt, now.toISOString())
  return { token, statement }
}

export interface TokenGrant {
  tokenHash: string
  subscriberId: string
  timelineId: string | null
  /** The subscriber's tenant: where to check that the tenant is not moving before a write. */
  tenantSlug: string
  /** The subscriber's language: the pages the link opens are read in it. */
  language: string
}

/** The grant a token gives, or null when it is unknown, of another purpose, expired or used. */
export async function findToken(
  db: D1Database,
  token: string,
  purposes: readonly AccessPurpose[],
  now: Date,
): Promise<TokenGrant | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null
  const row = await db
    .prepare(
      `SELECT t.token_hash AS tokenHash, t.subscriber_id AS subscriberId, t.timeline_id AS timelineId,
              t.purpose, s.tenant_slug AS tenantSlug, s.language
       FROM access_tokens t JOIN subscribers s ON s.id = t.subscriber_id
       WHERE t.token_hash = ?1 AND t.used_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?2)`,
    )
    .bind(await hashToken(token), now.toISOString())
    .first<TokenGrant & { purpose: AccessPurpose }>()
  if (!row || !purposes.includes(row.purpose)) return null
  const { purpose: _, ...grant } = row
  return grant
}

/** Marks a single-use token used; false when it already was (a second tab, a double tap). */
export function spendTokenStatement(db: D1Database, tokenHash: string, now: Date): D1PreparedStatement {
  return db
    .prepare('UPDATE access_tokens SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL')
    .bind(tokenHash, now.toISOString())
}

/** Guards a statement to run only while the single-use token is unspent (spend it last in the batch). */
export const unspentToken = (tokenHash: string): Guard => ({
  sql: 'EXISTS (SELECT 1 FROM access_tokens WHERE token_hash = ? AND used_at IS NULL)',
  binds: [tokenHash],
})
