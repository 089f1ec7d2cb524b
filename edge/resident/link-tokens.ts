import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import { prefixedToken } from '../../shared/links'
import { hashToken } from './tokens'

/** The purposes whose token is derived from the subscriber and repeated in every message. */
export type StandingPurpose = 'stop' | 'manage'

export function requireLinkSecret(secret: string | undefined): string {
  if (!secret)
    throw new Error('LINK_SECRET is not set: `wrangler secret put LINK_SECRET` (.dev.vars locally)')
  return secret
}

/** LINK_SECRET and, while it is being rotated, the one before it (LINK_SECRET_PREVIOUS). */
export interface LinkSecrets {
  current: string
  previous: string | null
}

export function linkSecrets(env: { LINK_SECRET?: string; LINK_SECRET_PREVIOUS?: string }): LinkSecrets {
  const current = requireLinkSecret(env.LINK_SECRET)
  const previous = env.LINK_SECRET_PREVIOUS
  return { current, previous: previous && previous !== current ? previous : null }
}

/**
 * The secret a stored token was made under: the one under which `make` derives the token whose
 * hash is `storedHash`, the current secret tried first, then the previous. Null when neither made
 * it (made under a secret since deleted). For links rebuilt from a stored row.
 */
export async function secretOf(
  secrets: LinkSecrets,
  make: (secret: string) => Promise<string>,
  storedHash: string,
): Promise<string | null> {
  for (const secret of [secrets.current, secrets.previous]) {
    if (secret && (await hashToken(await make(secret))) === storedHash) return secret
  }
  return null
}

const encoder = new TextEncoder()
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
  return tokenOf(await crypto.subtle.sign('HMAC', await keyFor(secret), encoder.encode(message)))
}

/**
 * derive of each message, all signed before any is awaited: a delivery batch derives three tokens
 * a resident, and an await per token cost more in workerd than the HMAC.
 */
async function deriveEach(secret: string, messages: readonly string[]): Promise<string[]> {
  const key = await keyFor(secret)
  const macs = await Promise.all(messages.map((m) => crypto.subtle.sign('HMAC', key, encoder.encode(m))))
  return macs.map(tokenOf)
}

function tokenOf(mac: ArrayBuffer): string {
  const bytes = new Uint8Array(mac)
  let binary = ''
  for (let i = 0; i < 16; i++) binary += String.fromCharCode(bytes[i]!)
  // 16 bytes are 22 characters and two of padding.
  return btoa(binary).slice(0, 22).replaceAll('+', '-').replaceAll('/', '_')
}

/**
 * A subscriber's stop or manage token: stable for as long as the secret is. A manage token also
 * depends on the subscriber's `manage_generation` (0 gives the original `manage|{id}` token), which
 * the resident raises with "new link" on the manage page; the stop token never changes, so the
 * stop link in every message ever sent keeps working.
 */
export const standingToken = (
  secret: string,
  subscriberId: string,
  purpose: StandingPurpose,
  generation = 0,
) => derive(secret, standingMessage(subscriberId, purpose, generation))

const standingMessage = (subscriberId: string, purpose: StandingPurpose, generation: number) =>
  purpose === 'manage' && generation > 0
    ? `${purpose}|${subscriberId}|${generation}`
    : `${purpose}|${subscriberId}`

/**
 * The subscriber's current manage token (their generation read from D1; 0 for someone unknown),
 * its hash stored if it was not yet — after a LINK_SECRET rotation, a link shown before any
 * message rebuilt it must open too.
 */
export async function manageToken(db: D1Database, secret: string, subscriberId: string): Promise<string> {
  const generation = await db
    .prepare('SELECT manage_generation FROM subscribers WHERE id = ?1')
    .bind(subscriberId)
    .first<number>('manage_generation')
  await (await ensureStandingTokens(db, secret, [subscriberId], ['manage'], new Date())).run()
  return standingToken(secret, subscriberId, 'manage', generation ?? 0)
}

/**
 * A new manage link for the subscriber whose generation is `generation`: the statements that raise
 * it, mark every earlier manage token used (so those links answer "not valid", and the batch
 * inserts of `ensureStandingTokens` cannot bring one back) and store the new token's hash. Two
 * presses racing derive the same token: the second changes nothing and shows the same link.
 */
export async function rotateManageToken(
  db: D1Database,
  secret: string,
  subscriberId: string,
  generation: number,
  now: Date,
): Promise<{ token: string; statements: D1PreparedStatement[] }> {
  const next = generation + 1
  const token = await standingToken(secret, subscriberId, 'manage', next)
  const hash = await hashToken(token)
  const at = now.toISOString()
  const current = 'EXISTS (SELECT 1 FROM subscribers WHERE id = ?1 AND manage_generation = ?2)'
  return {
    token,
    statements: [
      db
        .prepare(
          `UPDATE subscribers SET manage_generation = ?2, updated_at = ?3
           WHERE id = ?1 AND manage_generation = ?2 - 1`,
        )
        .bind(subscriberId, next, at),
      db
        .prepare(
          `UPDATE access_tokens SET used_at = ?3
           WHERE subscriber_id = ?1 AND purpose = 'manage' AND used_at IS NULL AND token_hash <> ?4
             AND ${current}`,
        )
        .bind(subscriberId, next, at, hash),
      db
        .prepare(
          `INSERT INTO access_tokens (token_hash, subscriber_id, purpose, created_at)
           SELECT ?4, ?1, 'manage', ?3 WHERE ${current}
           ON CONFLICT (token_hash) DO NOTHING`,
        )
        .bind(subscriberId, next, at, hash),
    ],
  }
}

/**
 * A pending subscriber's confirmation link token: derived, so a confirmation sent again after a
 * provider failure is the very same message under the same key. Still single use and expiring:
 * its stored row says so.
 */
export const confirmToken = (secret: string, subscriberId: string) =>
  derive(secret, `confirm|${subscriberId}`)

/**
 * The token of one delivery's message page: with its delivery's ordering prefix (shared/links
 * pagePrefix) for a program delivery, bare for an announcement's page and for a delivery whose id
 * was made before prefixes.
 */
export async function messageToken(secret: string, deliveryKey: string, prefix: string | null = null) {
  return pageTokenOf(await derive(secret, `message|${deliveryKey}`), prefix)
}

const pageTokenOf = (mac: string, prefix: string | null) =>
  prefix === null ? mac : prefixedToken(prefix, mac)

/**
 * The tokens of deliveries, derived together: each one's message page token (messageToken, with
 * its prefix or none) and its resident's manage and stop tokens (standingToken).
 */
export async function deliveryTokens(
  secret: string,
  deliveries: readonly {
    key: string
    prefix: string | null
    subscriberId: string
    manageGeneration: number
  }[],
): Promise<{ page: string; manage: string; stop: string }[]> {
  const tokens = await deriveEach(
    secret,
    deliveries.flatMap((d) => [
      `message|${d.key}`,
      standingMessage(d.subscriberId, 'manage', d.manageGeneration),
      standingMessage(d.subscriberId, 'stop', 0),
    ]),
  )
  return deliveries.map((d, i) => ({
    page: pageTokenOf(tokens[3 * i]!, d.prefix),
    manage: tokens[3 * i + 1]!,
    stop: tokens[3 * i + 2]!,
  }))
}

/**
 * The token a survey link had before it took the message page's (/q/{token}, until migration 0039):
 * those links open through survey_links, by this token's hash.
 */
export const surveyToken = (secret: string, deliveryKey: string) => derive(secret, `survey|${deliveryKey}`)

/**
 * One statement that stores the hashes of these subscribers' standing tokens where they are not
 * stored yet (residents confirmed before, written by the seed, or from before a LINK_SECRET
 * rotation). Standing tokens never expire: they are in every message, and they go with the
 * subscriber's row when the data is deleted. The manage token stored is the subscriber's current
 * generation's, and only while that is still their generation when the statement runs: an ended
 * manage link is not brought back by a delivery batch racing a "new link".
 */
export async function ensureStandingTokens(
  db: D1Database,
  secret: string,
  subscriberIds: readonly string[],
  purposes: readonly StandingPurpose[],
  now: Date,
  /** Their manage generations when the caller has read them already (a delivery batch has). */
  known?: ReadonlyMap<string, number>,
): Promise<D1PreparedStatement> {
  const generations =
    known ?? (purposes.includes('manage') ? await manageGenerations(db, subscriberIds) : new Map())
  const rows: [string, string, StandingPurpose, number][] = []
  for (const id of subscriberIds)
    for (const purpose of purposes) {
      const generation = purpose === 'manage' ? (generations.get(id) ?? 0) : 0
      rows.push([
        await hashToken(await standingToken(secret, id, purpose, generation)),
        id,
        purpose,
        generation,
      ])
    }
  return db
    .prepare(
      `INSERT INTO access_tokens (token_hash, subscriber_id, purpose, created_at)
       SELECT value ->> 0, value ->> 1, value ->> 2, ?2 FROM json_each(?1)
       WHERE value ->> 2 <> 'manage'
          OR EXISTS (SELECT 1 FROM subscribers WHERE id = value ->> 1 AND manage_generation = value ->> 3)
       ON CONFLICT (token_hash) DO NOTHING`,
    )
    .bind(JSON.stringify(rows), now.toISOString())
}

/**
 * What subscribers.standing_links holds once a subscriber's manage and stop tokens are stored under
 * `secret` at manage generation `generation`: a new secret (a rotation) or a new manage link
 * changes it, so the tokens are stored again. The secret shows only through a hash.
 */
export async function standingLinksMark(secret: string, generation: number): Promise<string> {
  let mark = secretMarks.get(secret)
  if (!mark) {
    mark = hashToken(`standing-links:${secret}`).then((hash) => hash.slice(0, 16))
    secretMarks.set(secret, mark)
  }
  return `${await mark}:${generation}`
}

// Hashed once per secret per isolate, not once per resident of every batch.
const secretMarks = new Map<string, Promise<string>>()

/** Each subscriber's manage generation (one read; someone not written yet is missing: 0). */
async function manageGenerations(db: D1Database, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map()
  const { results } = await db
    .prepare(
      'SELECT id, manage_generation AS generation FROM subscribers WHERE id IN (SELECT value FROM json_each(?1))',
    )
    .bind(JSON.stringify(ids))
    .all<{ id: string; generation: number }>()
  return new Map(results.map((r) => [r.id, r.generation]))
}
