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

/** Lets a request through only with `Authorization: Bearer <INGEST_TOKEN>`; anything else is 401. */
export const requireIngestToken: MiddlewareHandler<{ Bindings: Env }> = async (c, next) => {
  const expected = c.env.INGEST_TOKEN
  const header = c.req.header('Authorization') ?? ''
  const match = /^Bearer (.+)$/.exec(header)
  // An edge with no token configured accepts nobody, rather than everybody.
  if (!expected || !match || !(await sameSecret(match[1]!, expected))) {
    return ingestFailure(c, 'unauthorized')
  }
  await next()
}
