import { exports } from 'cloudflare:workers'
import type { D1Database } from '@cloudflare/workers-types'
import { importJWK, type JWTPayload, SignJWT } from 'jose'
import { contractVersion, staffApiAudience, staffApiIssuer } from '../../../shared/contract'
import { staffTestPrivateKey } from '../../support/staff-keys'
import { origin } from './resident-http'

export interface Assertion {
  sub?: string
  role?: string
  tenants?: string[]
  lifetime?: number
  issuedAgo?: number
  audience?: string
  key?: Parameters<SignJWT['sign']>[0]
  extra?: JWTPayload
}

/** An assertion as the CMS signs it (a nurse of さくら市, 60 s) unless told otherwise. */
export async function signAssertion(a: Assertion = {}): Promise<string> {
  const iat = Math.floor(Date.now() / 1000) - (a.issuedAgo ?? 0)
  return new SignJWT({
    contractVersion,
    role: a.role ?? 'nurse',
    tenants: a.tenants ?? ['sakura-city'],
    ...a.extra,
  })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(a.sub ?? 'staff-nurse-1')
    .setIssuer(staffApiIssuer)
    .setAudience(a.audience ?? staffApiAudience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (a.lifetime ?? 60))
    .sign(a.key ?? (await importJWK(staffTestPrivateKey, 'ES256')))
}

/** A GET of the staff API with the assertion as a bearer token. */
export function staffGet(path: string, token: string | null): Promise<Response> {
  const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` }
  return exports.default.fetch(`${origin}/staff${path}`, { headers })
}

/** The access log of a town as its shard holds it, oldest first. */
export const accessRows = async (db: D1Database, tenant: string) =>
  (
    await db
      .prepare('SELECT * FROM staff_access_log WHERE tenant_slug = ?1 ORDER BY id')
      .bind(tenant)
      .all<Record<string, unknown>>()
  ).results
