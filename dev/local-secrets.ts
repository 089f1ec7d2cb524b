import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/** The Worker secrets a local system needs, made once per data folder and kept beside the data. */
export interface LocalSecrets {
  INGEST_TOKEN: string
  IP_HASH_SALT: string
  TENANT_SECRETS_KEY: string
}

export function localSecrets(path: string): LocalSecrets {
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as LocalSecrets
  const secrets: LocalSecrets = {
    INGEST_TOKEN: randomBytes(24).toString('base64url'),
    IP_HASH_SALT: randomBytes(24).toString('base64url'),
    TENANT_SECRETS_KEY: randomBytes(32).toString('base64'),
  }
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 })
  return secrets
}
