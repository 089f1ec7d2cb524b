import type { Queue } from '@cloudflare/workers-types'
import type { Env } from '../env'
import type { RescheduleMessage } from '../queues'
import { loadActiveSnapshot } from '../snapshot/read'
import { startAnnouncements } from './start'

/**
 * Right after an activation (the reschedule queue's 'activation' message): the announcements whose
 * time has come start now. An activation replaced meanwhile leaves them to the later one.
 */
export async function startAfterActivation(
  env: Env,
  walks: Queue<RescheduleMessage>,
  manifestId: string,
  now: Date,
): Promise<void> {
  const snapshot = await loadActiveSnapshot(env.DB)
  if (snapshot?.manifest.id !== manifestId) return
  const started = await startAnnouncements(env, snapshot, now, walks)
  if (started.started.length > 0) console.log(`announcements started: ${started.started.join(', ')}`)
}
