import type { D1Database } from '@cloudflare/workers-types'
import type { Env } from '../env'
import type { OutgoingMessage, SendResult } from './adapter'
import { adapterFor } from './registry'

/**
 * One message outside the daily program (a confirmation link, a code, a notice to an owner, a
 * forward to the desk) through the tenant's adapter for its channel, as deliveries go. The
 * message's key is what keeps a retried request from sending twice where the provider honours
 * it, so a caller rebuilds the very same message (same key, same text) when it tries again.
 * Never throws: a throw while sending becomes `unknown`, as the message may have left.
 * `shard` is the database of the tenant's residents, where the local outbox keeps the message
 * (resolved from the tenant when not given); the caller records its delivery-like row there too.
 */
export async function sendTransactional(
  env: Env,
  message: OutgoingMessage,
  shard?: D1Database,
): Promise<SendResult> {
  const failed = (outcome: SendResult['outcome'], error: unknown): SendResult => ({
    idempotencyKey: message.idempotencyKey,
    outcome,
    error: (error instanceof Error ? error.message : String(error)).slice(0, 300),
  })
  let adapter: Awaited<ReturnType<typeof adapterFor>>
  try {
    adapter = await adapterFor(env, message.tenant, message.channel, shard)
  } catch (error) {
    // Nothing left: the credentials could not be read, or the tenant is moving between shards.
    return failed('failed-transient', error)
  }
  try {
    const [result] = await adapter.send([message])
    return result ?? failed('unknown', 'no answer')
  } catch (error) {
    return failed('unknown', error)
  }
}
