import type { Channel } from '../../shared/contract'
import type { Env } from '../env'
import type { ChannelAdapter } from './adapter'
import { outboxAdapter } from './outbox'

/**
 * The adapter a tenant's deliveries on one channel go through. Until a tenant's provider
 * credentials are stored, every channel lands in the local outbox.
 */
export async function adapterFor(env: Env, _tenant: string, _channel: Channel): Promise<ChannelAdapter> {
  return outboxAdapter(env.DB)
}
