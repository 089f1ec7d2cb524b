import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import { hashToken } from './tokens'

/** The purposes whose token is derived from the subscriber and repeated in every message. */
export type StandingPurpose = 'stop' | 'manage'

export function requireLinkSecret(secret: string | undefined): string {
  if (!secret)
    throw new Error('LINK_SECRET is not set: `wrangler secret put LINK_SECRET` (.dev.vars locally)')
  return secret
}

const keys = new Map<string, Promise<CryptoKey>>()

function keyFor(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret)
  if (!key) {
    key = crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    )
    keys.set(secret, key)
  }
  return key
}

// 16 bytes of HMAC-SHA-256 as base64url: 22 characters, as hard to guess as a random token, and
// the same every time, so a delivery rebuilds a resident's links without writing a row.
async function derive(secret: string, message: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await keyFor(secret), new TextEncoder().encode(message))
  return btoa(String.fromCharCode(...new Uint8Array(mac).slice(0, 16)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')
}

/** A subscriber's stop or manage token: stable for as long as the secret is. */
export const standingToken = (secret: string, subscriberId: string, purpose: StandingPurpose) =>
  derive(secret, `${purpose}|${subscriberId}`)

/**
 * A pending subscriber's confirmation link token: derived, so a confirmation sent again after a
 * provider failure is the very same message under the same key. Still single use and expiring:
 * its stored row says so.
 */
export const confirmToken = (secret: string, subscriberId: string) =>
  derive(secret, `confirm|${subscriberId}`)

/** The token of one delivery's message page. */
export const messageToken = (secret: string, deliveryKey: string) => derive(secret, `message|${deliveryKey}`)

/** The token of the survey link in one delivery (/q/{token}). */
export const surveyToken = (secret: string, deliveryKey: string) => derive(secret, `survey|${deliveryKey}`)

/**
 * One statement that stores the hashes of these subscribers' standing tokens where they are not
 * stored yet (residents confirmed before, or written by the seed). Standing tokens never expire:
 * they are in every message, and they go with the subscriber's row when the data is deleted.
 */
export async function ensureStandingTokens(
  db: D1Database,
  secret: string,
  subscriberIds: readonly string[],
  purposes: readonly StandingPurpose[],
  now: Date,
): Promise<D1PreparedStatement> {
  const rows: [string, string, StandingPurpose][] = []
  for (const id of subscriberIds)
    for (const purpose of purposes)
      rows.push([await hashToken(await standingToken(secret, id, purpose)), id, purpose])
  return db
    .prepare(
      `INSERT INTO access_tokens (token_hash, subscriber_id, purpose, created_at)
       SELECT value ->> 0, value ->> 1, value ->> 2, ?2 FROM json_each(?1) WHERE true
       ON CONFLICT (token_hash) DO NOTHING`,
    )
    .bind(JSON.stringify(rows), now.toISOString())
}
