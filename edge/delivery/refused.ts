import type { D1Database } from '@cloudflare/workers-types'
import type { Outcome, Refusal } from '../channels/send-claimed'
import { suppressAddress } from '../resident/suppression'

export type { Refusal } from '../channels/send-claimed'

/** Each refused address whose outcome landed is suppressed at once. */
export async function suppressRefused(
  deps: { db: D1Database; now(): Date },
  tenant: string,
  landed: readonly Outcome[],
  refused: ReadonlyMap<string, Refusal>,
): Promise<void> {
  for (const outcome of landed) {
    const address = refused.get(outcome.key)
    if (address)
      await suppressAddress(deps.db, {
        tenant,
        ...address,
        eventId: `send:${outcome.key}`,
        now: deps.now(),
      })
  }
}
