import type { D1Database } from '@cloudflare/workers-types'
import { bilingual } from '../../shared/contract'
import type { Env } from '../env'

// Tenants' provider credentials, AES-256-GCM under the TENANT_SECRETS_KEY Worker secret. The
// tenant and name are the additional data, so a ciphertext copied to another row does not open.
// Rotation: the new key goes in TENANT_SECRETS_KEY and the old one in TENANT_SECRETS_KEY_PREVIOUS;
// reads try the new key first, writes always use it, and rotateTenantSecrets re-encrypts the rest.

/** The Worker's keys: `current` encrypts and decrypts; `previous` only decrypts, while rotating. */
export interface TenantSecretKeys {
  current: string
  previous?: string | undefined
}

/** A key that is not a base64 32-byte key, or a secret neither key opens: said in both languages. */
export class TenantSecretKeyError extends Error {}

/** The keys the Worker has, or null while TENANT_SECRETS_KEY is unset (every channel uses the outbox). */
export function tenantSecretKeys(
  env: Pick<Env, 'TENANT_SECRETS_KEY' | 'TENANT_SECRETS_KEY_PREVIOUS'>,
): TenantSecretKeys | null {
  if (!env.TENANT_SECRETS_KEY) return null
  return { current: env.TENANT_SECRETS_KEY, previous: env.TENANT_SECRETS_KEY_PREVIOUS || undefined }
}

const ring = (keys: TenantSecretKeys | string): TenantSecretKeys =>
  typeof keys === 'string' ? { current: keys } : keys

function rawKey(base64Key: string, binding: string): Uint8Array {
  let raw: Uint8Array | null = null
  try {
    raw = Uint8Array.from(atob(base64Key.trim()), (c) => c.charCodeAt(0))
  } catch {}
  if (raw?.length !== 32)
    throw new TenantSecretKeyError(
      bilingual(
        `${binding} は base64 で書いた32バイトの鍵です（openssl rand -base64 32）`,
        `${binding} must be a 32-byte key, base64-encoded (openssl rand -base64 32)`,
      ),
    )
  return raw
}

async function importKey(base64Key: string, binding = 'TENANT_SECRETS_KEY'): Promise<CryptoKey> {
  const raw = rawKey(base64Key, binding)
  return crypto.subtle.importKey('raw', new Uint8Array(raw), 'AES-GCM', false, ['encrypt', 'decrypt'])
}

/**
 * Which key sealed a row, stored in `key_version`: 31 bits of the key's SHA-256 (1 marks rows
 * from before rotation existed). Rotation re-encrypts exactly the rows not under the current key.
 */
async function keyVersionOf(base64Key: string): Promise<number> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new Uint8Array(rawKey(base64Key, 'TENANT_SECRETS_KEY'))),
  )
  return (((digest[0]! << 24) | (digest[1]! << 16) | (digest[2]! << 8) | digest[3]!) >>> 1) + 2
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes))
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
const aad = (tenant: string, name: string) => new TextEncoder().encode(`${tenant}\n${name}`)

async function seal(key: string, tenant: string, name: string, value: string) {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: aad(tenant, name) },
    await importKey(key),
    new TextEncoder().encode(value),
  )
  return {
    ciphertext: toBase64(new Uint8Array(sealed)),
    iv: toBase64(iv),
    keyVersion: await keyVersionOf(key),
  }
}

/** The clear text under the current key, else the previous one; null when neither opens it. */
async function open(
  keys: TenantSecretKeys,
  row: { ciphertext: string; iv: string },
  tenant: string,
  name: string,
): Promise<string | null> {
  const candidates: [string, string][] = [['TENANT_SECRETS_KEY', keys.current]]
  if (keys.previous) candidates.push(['TENANT_SECRETS_KEY_PREVIOUS', keys.previous])
  for (const [binding, key] of candidates) {
    const cryptoKey = await importKey(key, binding)
    try {
      const clear = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64(row.iv), additionalData: aad(tenant, name) },
        cryptoKey,
        fromBase64(row.ciphertext),
      )
      return new TextDecoder().decode(clear)
    } catch {
      // The GCM tag does not verify under this key: try the next one.
    }
  }
  return null
}

export async function storeTenantSecret(
  db: D1Database,
  keys: TenantSecretKeys | string,
  input: { tenant: string; name: string; value: string; now: Date },
): Promise<void> {
  const sealed = await seal(ring(keys).current, input.tenant, input.name, input.value)
  await db
    .prepare(
      `INSERT INTO tenant_secrets (tenant_slug, name, ciphertext, iv, key_version, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
       ON CONFLICT (tenant_slug, name) DO UPDATE SET ciphertext = excluded.ciphertext, iv = excluded.iv,
         key_version = excluded.key_version, updated_at = excluded.updated_at`,
    )
    .bind(input.tenant, input.name, sealed.ciphertext, sealed.iv, sealed.keyVersion, input.now.toISOString())
    .run()
}

/**
 * The tenant's secret in clear, or null when the tenant has none by that name. A secret neither
 * key opens throws (TenantSecretKeyError, in both languages): nothing is sent with garbage.
 */
export async function readTenantSecret(
  db: D1Database,
  keys: TenantSecretKeys | string,
  tenant: string,
  name: string,
): Promise<string | null> {
  const row = await db
    .prepare('SELECT ciphertext, iv FROM tenant_secrets WHERE tenant_slug = ?1 AND name = ?2')
    .bind(tenant, name)
    .first<{ ciphertext: string; iv: string }>()
  if (!row) return null
  const clear = await open(ring(keys), row, tenant, name)
  if (clear === null) throw unreadable(ring(keys), tenant, name)
  return clear
}

function unreadable(keys: TenantSecretKeys, tenant: string, name: string): TenantSecretKeyError {
  const which = keys.previous
    ? 'TENANT_SECRETS_KEY でも TENANT_SECRETS_KEY_PREVIOUS でも'
    : 'TENANT_SECRETS_KEY で'
  const whichEn = keys.previous ? 'TENANT_SECRETS_KEY or TENANT_SECRETS_KEY_PREVIOUS' : 'TENANT_SECRETS_KEY'
  return new TenantSecretKeyError(
    bilingual(
      `${tenant} のシークレット ${name} を ${which}復号できません。鍵を確かめ、鍵の切り替え中なら前の鍵を TENANT_SECRETS_KEY_PREVIOUS に置いてください`,
      `${tenant}'s secret ${name} does not decrypt under ${whichEn}; check the key, and while rotating put the old one in TENANT_SECRETS_KEY_PREVIOUS`,
    ),
  )
}

/** The tenant's secret with the Worker's own keys; null without TENANT_SECRETS_KEY or the secret. */
export async function tenantSecretFor(
  env: Pick<Env, 'DB' | 'TENANT_SECRETS_KEY' | 'TENANT_SECRETS_KEY_PREVIOUS'>,
  tenant: string,
  name: string,
): Promise<string | null> {
  const keys = tenantSecretKeys(env)
  return keys ? readTenantSecret(env.DB, keys, tenant, name) : null
}

export interface SecretRef {
  tenant: string
  name: string
}

export interface RotationPage {
  /** Secrets re-encrypted under the current key in this page. */
  rotated: number
  /** Secrets neither key opens: left as they are, to be set again. */
  unreadable: SecretRef[]
  /** Where the next page starts; null after the last. */
  next: SecretRef | null
  /** Secrets still not under the current key, everywhere (the unreadable among them). */
  remaining: number
}

/**
 * One page of the re-encryption under the current key, in (tenant, name) order after `after`:
 * each secret not yet under it is opened with either key and sealed again; the row is written only
 * if nobody set it meanwhile. Bounded (`limit` rows, one batch of writes) to stay within a
 * request's queries; the caller pages with `next` until it is null.
 */
export async function rotateTenantSecrets(
  db: D1Database,
  keys: TenantSecretKeys,
  input: { after?: SecretRef | undefined; limit?: number } = {},
): Promise<RotationPage> {
  const limit = input.limit ?? 100
  const current = await keyVersionOf(keys.current)
  const { results } = await db
    .prepare(
      `SELECT tenant_slug AS tenant, name, ciphertext, iv FROM tenant_secrets
       WHERE key_version != ?1 AND (tenant_slug, name) > (?2, ?3)
       ORDER BY tenant_slug, name LIMIT ?4`,
    )
    .bind(current, input.after?.tenant ?? '', input.after?.name ?? '', limit)
    .all<SecretRef & { ciphertext: string; iv: string }>()
  const unreadableRows: SecretRef[] = []
  const writes = []
  for (const row of results) {
    const clear = await open(keys, row, row.tenant, row.name)
    if (clear === null) {
      unreadableRows.push({ tenant: row.tenant, name: row.name })
      continue
    }
    const sealed = await seal(keys.current, row.tenant, row.name, clear)
    writes.push(
      db
        .prepare(
          `UPDATE tenant_secrets SET ciphertext = ?3, iv = ?4, key_version = ?5
           WHERE tenant_slug = ?1 AND name = ?2 AND ciphertext = ?6`,
        )
        .bind(row.tenant, row.name, sealed.ciphertext, sealed.iv, sealed.keyVersion, row.ciphertext),
    )
  }
  const done = writes.length > 0 ? await db.batch(writes) : []
  const left = await db
    .prepare('SELECT COUNT(*) AS n FROM tenant_secrets WHERE key_version != ?1')
    .bind(current)
    .first<{ n: number }>()
  const last = results.at(-1)
  return {
    rotated: done.reduce((n, r) => n + (r.meta.changes ?? 0), 0),
    unreadable: unreadableRows,
    next: results.length === limit && last ? { tenant: last.tenant, name: last.name } : null,
    remaining: left?.n ?? 0,
  }
}

/** The names of the tenant's stored secrets and when each was last set — never their values. */
export async function listTenantSecrets(
  db: D1Database,
  tenant: string,
): Promise<{ name: string; updatedAt: string }[]> {
  const { results } = await db
    .prepare('SELECT name, updated_at AS updatedAt FROM tenant_secrets WHERE tenant_slug = ?1 ORDER BY name')
    .bind(tenant)
    .all<{ name: string; updatedAt: string }>()
  return results
}

/** Removes one secret; the channel it switched goes back to the outbox. True when there was one. */
export async function deleteTenantSecret(db: D1Database, tenant: string, name: string): Promise<boolean> {
  const result = await db
    .prepare('DELETE FROM tenant_secrets WHERE tenant_slug = ?1 AND name = ?2')
    .bind(tenant, name)
    .run()
  return result.meta.changes > 0
}
