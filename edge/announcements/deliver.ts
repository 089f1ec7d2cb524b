import type { D1Database } from '@cloudflare/workers-types'
import { reaches } from '../../shared/announcements/target'
import type { Channel } from '../../shared/contract'
import type { ChannelAdapter } from '../channels/adapter'
import { recordOutcomes } from '../channels/record-claimed'
import { sendClaimed } from '../channels/send-claimed'
import type { AnnouncementBatch } from '../queues'
import { ensureStandingTokens } from '../resident/link-tokens'
import { tenantProgramOf, today } from '../resident/schedule'
import { suppressAddress } from '../resident/suppression'
import type { LoadedSnapshot } from '../snapshot/read'
import { claimAnnouncement } from './claim'
import { flagAnnouncementBatch } from './dead-letter'
import { announcementRequest } from './message'
import { loadResidents } from './recipients'
import { finishRun, readRun } from './runs'

export interface AnnouncementDeliverDeps {
  /** The shard database of the batch's tenant. */
  db: D1Database
  /** That shard's number, which every link carries. */
  shard: number
  /** The snapshot of the batch's manifest (the one the run started with). */
  snapshot: LoadedSnapshot
  adapterFor(channel: Channel): Promise<ChannelAdapter>
  origin: string
  linkSecret: string
  now(): Date
  /** A `sending` row younger than this belongs to a consumer still at work. */
  staleAfterSeconds?: number
}

export interface AnnouncementDeliverReport {
  /** Deliveries not over yet (a transient failure, in flight elsewhere): retry the batch. */
  pending: number
  sent: number
  /** The longest wait a provider asked for (429 retry-after), if any. */
  retryAfterSeconds?: number
}

/**
 * One queue message of an announcement's send, in the tenant's shard: nothing if the run was
 * cancelled; otherwise each resident still reached (someone who stopped or paused since the walk
 * gets nothing) is claimed, sent the announcement through their channel and the outcome recorded,
 * as the daily message is — exactly once where the provider takes a key, at most once and flagged
 * where it does not. An address refused for good is suppressed. The run is sent once nothing of it
 * is pending after its walk.
 */
export async function deliverAnnouncementBatch(
  deps: AnnouncementDeliverDeps,
  batch: AnnouncementBatch,
): Promise<AnnouncementDeliverReport> {
  const { db, snapshot } = deps
  const run = await readRun(db, batch.tenant, batch.announcementId)
  if (!run || run.state === 'cancelled') return { pending: 0, sent: 0 }
  const part = snapshot.tenants.get(batch.tenant)
  const announcement = part?.announcements.find((a) => a.id === batch.announcementId)
  if (!part || !announcement)
    throw new Error(
      `announcement ${batch.tenant}/${batch.announcementId} is not in manifest ${batch.manifestId}`,
    )
  const now = deps.now()
  const localDate = today(part.tenant, now)
  // Relative links would reach nobody: each resident of the batch is flagged for a person at once,
  // nothing is sent (fail closed, as a daily message without an origin is).
  if (!/^https?:\/\//.test(deps.origin)) {
    await flagAnnouncementBatch(db, batch, {
      reason: 'PUBLIC_ORIGIN is not set: announcement links would be relative',
      localDate,
      now,
    })
    return { pending: 0, sent: 0 }
  }
  const residents = (
    await loadResidents(db, {
      tenant: batch.tenant,
      which: { ids: batch.subscriberIds },
      date: localDate,
      program: tenantProgramOf(part.tenant),
    })
  ).filter((r) => reaches(announcement, r.recipient).receives)
  if (residents.length === 0) return { pending: 0, sent: 0 }

  const adapters = new Map<Channel, ChannelAdapter>()
  for (const channel of new Set(residents.map((r) => r.channel)))
    adapters.set(channel, await deps.adapterFor(channel))
  const link = {
    tenant: part.tenant,
    announcement,
    origin: deps.origin,
    linkSecret: deps.linkSecret,
    shard: deps.shard,
  }
  const requests = await Promise.all(
    residents.map(async (r) => ({
      ...(await announcementRequest(link, r)),
      idempotent: adapters.get(r.channel)!.idempotent,
    })),
  )
  // The manage and stop links in the message work the moment it arrives.
  await (
    await ensureStandingTokens(
      db,
      deps.linkSecret,
      residents.map((r) => r.id),
      ['manage', 'stop'],
      now,
    )
  ).run()
  const claims = await claimAnnouncement(db, {
    tenant: batch.tenant,
    announcementId: batch.announcementId,
    manifestId: batch.manifestId,
    localDate,
    requests,
    now,
    staleAfterSeconds: deps.staleAfterSeconds ?? 300,
  })
  const byChannel = new Map<Channel, typeof claims.toSend>()
  for (const item of claims.toSend)
    byChannel.set(item.request.message.channel, [
      ...(byChannel.get(item.request.message.channel) ?? []),
      item,
    ])
  const sent = await sendClaimed(adapters, byChannel)
  const landed = await recordOutcomes(db, sent.outcomes, deps.now())
  for (const outcome of landed) {
    const refusal = sent.refused.get(outcome.key)
    if (refusal)
      await suppressAddress(db, {
        tenant: batch.tenant,
        ...refusal,
        eventId: `send:${outcome.key}`,
        now: deps.now(),
      })
  }
  const pending =
    claims.deferred +
    (sent.outcomes.length - landed.length) +
    landed.filter((o) => o.state === 'failed-transient' || o.state === 'unknown').length
  if (pending === 0) await finishRun(db, batch.tenant, batch.announcementId, deps.now())
  const report = { pending, sent: landed.filter((o) => o.state === 'sent').length }
  return sent.retryAfterSeconds === undefined
    ? report
    : { ...report, retryAfterSeconds: sent.retryAfterSeconds }
}
