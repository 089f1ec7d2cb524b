import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/** The Worker secrets a local system needs, made once per data folder and kept beside the data. */
export interface LocalSecrets {
  /** The CMS's publishing token. */
  INGEST_TOKEN: string
  /** `npx yorisoi tenant-secret` (YORISOI_SECRETS_TOKEN). */
  SECRETS_TOKEN: string
  /** `npx yorisoi flagged` (YORISOI_DECISIONS_TOKEN). */
  DECISIONS_TOKEN: string
  /** `npx yorisoi shard` and `npx yorisoi link-secret` (YORISOI_OPERATIONS_TOKEN). */
  OPERATIONS_TOKEN: string
  IP_HASH_SALT: string
  LINK_SECRET: string
  TENANT_SECRETS_KEY: string
  /** The key /outbox opens with; npm start prints the outbox URL with it. */
  OUTBOX_KEY: string
}

const makers: Record<keyof LocalSecrets, () => string> = {
  INGEST_TOKEN: () => randomBytes(24).toString('base64url'),
  SECRETS_TOKEN: () => randomBytes(24).toString('base64url'),
  DECISIONS_TOKEN: () => randomBytes(24).toString('base64url'),
  OPERATIONS_TOKEN: () => randomBytes(24).toString('base64url'),
  IP_HASH_SALT: () => randomBytes(24).toString('base64url'),
  // Kept with the data: residents' links are derived from it (to change it, see edge/README.md).
  LINK_SECRET: () => randomBytes(24).toString('base64url'),
  TENANT_SECRETS_KEY: () => randomBytes(32).toString('base64'),
  OUTBOX_KEY: () => randomBytes(18).toString('base64url'),
}

/** Reads the folder's secrets, adding any a newer version of yorisoi needs. */
export function localSecrets(path: string): LocalSecrets {
  const kept = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Partial<LocalSecrets>) : {}
  const secrets = Object.fromEntries(
    (Object.keys(makers) as (keyof LocalSecrets)[]).map((name) => [name, kept[name] ?? makers[name]()]),
  ) as unknown as LocalSecrets
  if (Object.keys(kept).length !== Object.keys(secrets).length) {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 })
  }
  return secrets
}
