import { generateKeyPairSync } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * The staff API's key pair for a local system, made once per data folder: the CMS signs with the
 * private half (YORISOI_STAFF_API_PRIVATE_KEY); the Worker holds only the public half
 * (STAFF_API_PUBLIC_KEY). Both as EC P-256 JWK text.
 */
export interface StaffKeys {
  privateKey: string
  publicKey: string
}

export function makeStaffKeys(): StaffKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  return {
    privateKey: JSON.stringify(privateKey.export({ format: 'jwk' })),
    publicKey: JSON.stringify(publicKey.export({ format: 'jwk' })),
  }
}

export function localStaffKeys(path: string): StaffKeys {
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as StaffKeys
  const keys = makeStaffKeys()
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 })
  return keys
}
