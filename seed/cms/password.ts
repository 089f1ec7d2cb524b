import { pbkdf2, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

const derive = promisify(pbkdf2)
// Payload's two hash formats: the current one is prefixed, the legacy one is bare hex.
const currentPrefix = 'pbkdf2-sha256-v1:'

/**
 * Whether `password` is the one stored, checked the way Payload checks it — without a login,
 * which would count failures and could lock the account.
 */
export async function passwordMatches(password: string, stored: Record<string, unknown>): Promise<boolean> {
  if (typeof stored.salt !== 'string' || typeof stored.hash !== 'string') return false
  const current = stored.hash.startsWith(currentPrefix)
  const hex = current ? stored.hash.slice(currentPrefix.length) : stored.hash
  const hash = await derive(password, stored.salt, current ? 600000 : 25000, current ? 32 : 512, 'sha256')
  const expected = Buffer.from(hex, 'hex')
  return expected.length === hash.length && timingSafeEqual(expected, hash)
}
