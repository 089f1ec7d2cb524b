import type { Message, MessageBatch, Queue } from '@cloudflare/workers-types'
import { startAfterActivation } from '../announcements/after-activation'
import { walkAnnouncement } from '../announcements/walk'
import type { Env } from '../env'
import { type RescheduleMessage, rescheduleMessage } from '../queues'
import { residentDb, TenantMoving, tenantsByShard } from '../shards/map'
import { readActiveManifest } from '../snapshot/active'
import { movingRetrySeconds } from './consume'
import {
  markRescheduleStarted,
  programHashOf,
  rescheduleChunk,
  tenantsWithChangedProgram,
} from './reschedule'

/** Chunks of subscribers one message handles before handing on (200 a chunk). */
export const chunksPerMessage = 5

export async function enqueueReschedule(
  queue: Queue<RescheduleMessage>,
  activation: { previousManifestId: string | null; manifestId: string },
): Promise<void> {
  // The first activation too (nothing to reschedule then): its urgent announcements start at once.
  if (activation.previousManifestId === activation.manifestId) return
  await queue.send({
    kind: 'activation',
    previousManifestId: activation.previousManifestId,
    manifestId: activation.manifestId,
  })
}

export interface RescheduleDeps {
  /** Main (the manifests) and the shards (each tenant's residents and schedule). */
  env: Env
  queue: Queue<RescheduleMessage>
  now: () => Date
  chunkSize?: number
}

/**
 * Does one message's bounded piece and enqueues what follows; returns subscribers rescheduled (an
 * announcement's walk page: its recipients).
 * The manifests are read from main, each tenant's schedule written in its shard. While a tenant's
 * residents are moving this throws TenantMoving before writing anything, and the message is retried.
 */
export async function handleReschedule(deps: RescheduleDeps, message: RescheduleMessage): Promise<number> {
  const main = deps.env.DB
  if (message.kind === 'announcement-walk')
    return walkAnnouncement(
      { env: deps.env, walks: deps.queue, deliveries: deps.env.DELIVERY_QUEUE, now: deps.now },
      message,
    )
  if (message.kind === 'activation') {
    // Announcements first: an urgent notice starts seconds after its publish, not at the next tick.
    await startAfterActivation(deps.env, deps.queue, message.manifestId, deps.now())
    const tenants = await tenantsWithChangedProgram(main, message.previousManifestId, message.manifestId)
    const walks = await Promise.all(
      tenants.map(async (t) => ({
        kind: 'tenant' as const,
        tenant: t.slug,
        after: 0,
        program: await programHashOf(t),
      })),
    )
    // Marked before the walks are enqueued, so every mark is followed by a walk that can end it;
    // an activation already replaced leaves the marks to the later one's message.
    if ((await readActiveManifest(main))?.manifestId === message.manifestId && walks.length > 0) {
      const now = deps.now()
      const shards = await tenantsByShard(
        deps.env,
        walks.map((w) => w.tenant),
      )
      const moving = shards.flatMap((s) => s.moving)
      if (moving.length > 0) throw new TenantMoving(moving[0]!)
      for (const { db, tenants } of shards) {
        const marks = walks.filter((w) => tenants.includes(w.tenant))
        if (marks.length > 0)
          await db.batch(marks.map((w) => markRescheduleStarted(db, w.tenant, w.program, now)))
      }
    }
    for (let i = 0; i < walks.length; i += 100) {
      await deps.queue.sendBatch(walks.slice(i, i + 100).map((body) => ({ body })))
    }
    return 0
  }
  const dbs = { main, db: await residentDb(deps.env, message.tenant) }
  let after: number | null = message.after
  let total = 0
  for (let n = 0; n < chunksPerMessage && after !== null; n++) {
    const outcome = await rescheduleChunk(
      dbs,
      message.tenant,
      after,
      deps.now(),
      deps.chunkSize,
      message.program,
    )
    if (outcome.kind !== 'done') return total
    total += outcome.rescheduled
    after = outcome.after
  }
  if (after !== null) await deps.queue.send({ ...message, after })
  return total
}

/** The reschedule queue's consumer; a failed message is retried by the queue. */
export async function onRescheduleBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  for (const message of batch.messages as readonly Message<unknown>[]) {
    const parsed = rescheduleMessage.safeParse(message.body)
    if (!parsed.success) {
      console.error(`queue ${batch.queue}: message ${message.id} is not a reschedule`, parsed.error.issues)
      message.ack()
      continue
    }
    try {
      await handleReschedule({ env, queue: env.RESCHEDULE_QUEUE, now: () => new Date() }, parsed.data)
      message.ack()
    } catch (error) {
      if (error instanceof TenantMoving) {
        message.retry({ delaySeconds: movingRetrySeconds(message.attempts) })
        continue
      }
      console.error(
        `queue ${batch.queue}: reschedule failed:`,
        error instanceof Error ? error.message : error,
      )
      message.retry({ delaySeconds: 10 })
    }
  }
}
