import { errors, importJWK, type JWK, jwtVerify, type KeyLike } from 'jose'
import {
  type StaffAssertionClaims,
  staffApiAudience,
  staffApiIssuer,
  staffAssertionClaims,
} from '../../shared/contract'

export type Verified = { ok: true; claims: StaffAssertionClaims } | { ok: false; why: 'no-key' | 'refused' }

/**
 * The public key the CMS's assertions are checked with: STAFF_API_PUBLIC_KEY, an EC P-256 JWK
 * (ES256). A JWK carrying the private part (`d`) is refused as unset: the Worker must never be
 * able to mint an assertion.
 */
async function publicKey(jwk: string | undefined): Promise<KeyLike | Uint8Array | null> {
  if (!jwk) return null
  try {
    const parsed = JSON.parse(jwk) as JWK
    if (parsed.d !== undefined || parsed.kty !== 'EC' || parsed.crv !== 'P-256') return null
    return await importJWK(parsed, 'ES256')
  } catch {
    return null
  }
}

/** Checks signature (ES256 only), audience, issuer, expiry and the 2-minute lifetime, then the claims. */
export async function verifyAssertion(jwk: string | undefined, token: string, now: Date): Promise<Verified> {
  const key = await publicKey(jwk)
  if (!key) return { ok: false, why: 'no-key' }
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['ES256'],
      audience: staffApiAudience,
      issuer: staffApiIssuer,
      requiredClaims: ['sub', 'iat', 'exp'],
      currentDate: now,
      // The CMS's clock and the edge's may differ a little; the 2-minute lifetime stays.
      clockTolerance: 10,
    })
    const claims = staffAssertionClaims.safeParse(payload)
    return claims.success ? { ok: true, claims: claims.data } : { ok: false, why: 'refused' }
  } catch (error) {
    if (error instanceof errors.JOSEError || error instanceof TypeError) return { ok: false, why: 'refused' }
    throw error
  }
}
