import type { D1Database } from '@cloudflare/workers-types'

// Tenants' provider credentials, AES-256-GCM under the TENANT_SECRETS_KEY Worker secret. The
// tenant and name are the additional data, so a ciphertext copied to another row does not open.

const keyVersion = 1

async function importKey(base64Key: string): Promise<CryptoKey> {
  const raw = Uint8Array.from(atob(base64Key), (c) => c.charCodeAt(0))
  if (raw.length !== 32) throw new Error('TENANT_SECRETS_KEY must be 32 bytes, base64-encoded')
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt'])
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes))
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
const aad = (tenant: string, name: string) => new TextEncoder().encode(`${tenant}\n${name}`)

export async function storeTenantSecret(
  db: D1Database,
  base64Key: string,
  input: { tenant: string; name: string; value: string; now: Date },
): Promise<void> {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: aad(input.tenant, input.name) },
    await importKey(base64Key),
    new TextEncoder().encode(input.value),
  )
  await db
    .prepare(
      `INSERT INTO tenant_secrets (tenant_slug, name, ciphertext, iv, key_version, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
       ON CONFLICT (tenant_slug, name) DO UPDATE SET ciphertext = excluded.ciphertext, iv = excluded.iv,
         key_version = excluded.key_version, updated_at = excluded.updated_at`,
    )
    .bind(
      input.tenant,
      input.name,
      toBase64(new Uint8Array(sealed)),
      toBase64(iv),
      keyVersion,
      input.now.toISOString(),
    )
    .run()
}

/** The tenant's secret in clear, or null when the tenant has none by that name. */
export async function readTenantSecret(
  db: D1Database,
  base64Key: string,
  tenant: string,
  name: string,
): Promise<string | null> {
  const row = await db
    .prepare('SELECT ciphertext, iv FROM tenant_secrets WHERE tenant_slug = ?1 AND name = ?2')
    .bind(tenant, name)
    .first<{ ciphertext: string; iv: string }>()
  if (!row) return null
  const clear = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(row.iv), additionalData: aad(tenant, name) },
    await importKey(base64Key),
    fromBase64(row.ciphertext),
  )
  return new TextDecoder().decode(clear)
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
