import type { MiddlewareHandler } from 'hono'
import type { Env } from '../env'
import { ingestFailure } from './failure'

const encoder = new TextEncoder()

/**
 * Equal only when both texts are equal, in time that does not depend on where they differ: both
 * are hashed first, so neither the length nor a common prefix of the secret leaks.
 */
export async function sameSecret(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all(
    [given, expected].map(
      async (text) => new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text))),
    ),
  )
  let difference = 0
  for (let i = 0; i < a!.length; i++) difference |= a![i]! ^ b![i]!
  return difference === 0
}

/** The secrets that open the ingest API, one per capability, so each holder can do only its own. */
export type IngestSecret = 'INGEST_TOKEN' | 'SECRETS_TOKEN' | 'DECISIONS_TOKEN' | 'OPERATIONS_TOKEN'

/**
 * Lets a request through only with `Authorization: Bearer <secret>`; anything else is 401. An edge
 * without that secret is closed (503 naming it): no other token opens its routes.
 */
export const requireToken =
  (secret: IngestSecret): MiddlewareHandler<{ Bindings: Env }> =>
  async (c, next) => {
    const expected = c.env[secret]
    if (!expected) return ingestFailure(c, 'token-not-set', [], secret)
    const match = /^Bearer (.+)$/.exec(c.req.header('Authorization') ?? '')
    if (!match || !(await sameSecret(match[1]!, expected)))
      return ingestFailure(c, 'unauthorized', [], secret)
    await next()
  }

/** Publishing and rollback, and reading what is published: the CMS's token. */
export const requireIngestToken = requireToken('INGEST_TOKEN')
