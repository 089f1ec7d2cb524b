import type { Env } from '../env'

/** The origin residents' links point at: PUBLIC_ORIGIN, or the request's own when unset. */
export function publicOrigin(c: { env: Env; req: { url: string } }): string {
  return c.env.PUBLIC_ORIGIN ?? new URL(c.req.url).origin
}
