import { importJWK, type JWK, SignJWT } from 'jose'
import { contractVersion, type StaffRole, staffApiAudience, staffApiIssuer } from '../../shared/contract'

/** Assertions live one minute: the Worker accepts two at most, and each is made per request. */
const lifetimeSeconds = 60

/** The signing key from its JWK text; null when unset or not a private P-256 key. */
async function signingKey(jwk: string | undefined) {
  if (!jwk) return null
  try {
    const parsed = JSON.parse(jwk) as JWK
    if (parsed.kty !== 'EC' || parsed.crv !== 'P-256' || !parsed.d) return null
    return await importJWK(parsed, 'ES256')
  } catch {
    return null
  }
}

/** Who is asking, as the Worker's staff API checks it (shared/contract staffAssertionClaims). */
export interface Asker {
  user: string
  role: StaffRole
  tenants: string[]
}

/** A short-lived ES256 JWT naming the user, the role they act in and their towns; null without a key. */
export async function signAssertion(privateKey: string | undefined, asker: Asker, now = new Date()) {
  const key = await signingKey(privateKey)
  if (!key) return null
  const iat = Math.floor(now.getTime() / 1000)
  return new SignJWT({ contractVersion, role: asker.role, tenants: asker.tenants })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(asker.user)
    .setIssuer(staffApiIssuer)
    .setAudience(staffApiAudience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + lifetimeSeconds)
    .sign(key)
}
