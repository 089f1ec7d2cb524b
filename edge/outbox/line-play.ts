import { z } from 'zod'
import type { Env } from '../env'
import { residentDb } from '../shards/map'
import type { LoadedSnapshot } from '../snapshot/read'
import { handleLineEvents } from '../webhooks/line-events'
import type { TownNames } from './towns'

/** The towns a resident can register with by LINE, in the active snapshot's order. */
export const lineTowns = (snapshot: LoadedSnapshot | null): TownNames =>
  new Map(
    [...(snapshot?.tenants.values() ?? [])]
      .filter(({ tenant }) => tenant.channels.line)
      .map(({ tenant }) => [tenant.slug, tenant.name]),
  )

/** The form: a LINE town and the 8-digit code its registration page shows (spaces and hyphens allowed). */
export const linePlayForm = z.object({
  tenant: z.string().max(64),
  code: z
    .string()
    .max(40)
    .transform((text) => text.replace(/[\s\-－ー]/g, ''))
    .pipe(z.string().regex(/^\d{8}$/)),
})

const hex = (bytes: number) =>
  [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, '0')).join('')

/** The parts of one event LINE would post for this made-up user. */
const fromUser = (userId: string) => ({
  webhookEventId: hex(13).toUpperCase(),
  replyToken: hex(16),
  source: { type: 'user', userId },
})

/**
 * What LINE would post to the town's webhook when a person adds its account as a friend and sends
 * the code — a follow, then the text — for a made-up LINE user, handled as the webhook handles a
 * signed call. The replies go where LINE replies go locally: the outbox. True when the code linked
 * that user (their registration is confirmed).
 */
export async function playLineFollow(
  env: Env,
  tenant: string,
  code: string,
  origin: string,
): Promise<boolean> {
  const userId = `U${hex(16)}`
  await handleLineEvents(
    env,
    tenant,
    [
      { type: 'follow', ...fromUser(userId) },
      { type: 'message', ...fromUser(userId), message: { type: 'text', text: code } },
    ],
    origin,
  )
  const linked = await (await residentDb(env, tenant))
    .prepare(
      `SELECT 1 AS one FROM subscribers WHERE tenant_slug = ?1 AND channel = 'line' AND address = ?2
       AND state = 'active' LIMIT 1`,
    )
    .bind(tenant, userId)
    .first()
  return linked !== null
}
