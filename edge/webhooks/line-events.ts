import { consultationFromLine } from '../consultation/chat-intake'
import type { Env } from '../env'
import { suppressAddress } from '../resident/suppression'
import { residentDb } from '../shards/map'
import { findTenant } from '../snapshot/tenant'
import { type LineEvent, linkFromLine } from '../verification/line-link'
import { firstDelivery } from './replays'

/**
 * What the Worker does with the events of one LINE webhook call to a tenant's URL, once the call is
 * known to be LINE's: a follow or a code links a waiting resident, a linked resident's text goes to
 * the desk, an unfollow stops sends. The outbox's local "play a LINE follow" goes through here too,
 * so what it shows is what LINE would get. A redelivered event (same id) does nothing twice.
 */
export async function handleLineEvents(
  env: Env,
  tenant: string,
  events: readonly LineEvent[],
  origin: string,
): Promise<void> {
  const settings = await findTenant(env.DB, tenant)
  const db = await residentDb(env, tenant)
  for (const event of events) {
    const id = event.webhookEventId
    if (id && !(await firstDelivery(db, { tenant, provider: 'line', id, now: new Date() }))) continue
    if (settings && (event.type === 'follow' || event.type === 'message')) {
      const linked = await linkFromLine(env, settings, event, origin, new Date())
      // A linked resident's text that is not a code is for the desk (issue 15, two-way LINE).
      if (linked === 'for-desk' && event.source?.userId && event.message?.text)
        await consultationFromLine(
          env,
          db,
          settings,
          {
            userId: event.source.userId,
            text: event.message.text,
            replyToken: event.replyToken,
            eventId: event.webhookEventId,
          },
          new Date(),
        )
      continue
    }
    if (event.type !== 'unfollow' || !event.source?.userId) continue
    await suppressAddress(db, {
      tenant,
      channel: 'line',
      address: event.source.userId,
      reason: 'unfollowed',
      eventId: event.webhookEventId ?? '',
      now: new Date(),
    })
  }
}
