import type { Queue } from '@cloudflare/workers-types'
import { reaches } from '../../shared/announcements/target'
import type { Env } from '../env'
import type { AnnouncementBatch, RescheduleMessage } from '../queues'
import { tenantProgramOf, today } from '../resident/schedule'
import { residentShard } from '../shards/map'
import { loadSnapshot } from '../snapshot/read'
import { loadResidents } from './recipients'
import { advanceRun, finishRun, readRun } from './runs'

/** Residents one walk message reads: five delivery batches. */
export const walkPage = 500

export interface WalkDeps {
  env: Env
  /** Where the next page goes (the reschedule queue). */
  walks: Queue<RescheduleMessage>
  /** Where the recipients' batches go (the delivery queue). */
  deliveries: Queue<AnnouncementBatch>
  now(): Date
  pageSize?: number
}

type WalkMessage = Extract<RescheduleMessage, { kind: 'announcement-walk' }>

/**
 * One page of an announcement's walk over its town's residents in rowid order: who it reaches on
 * the town's date (reaches()), enqueued in delivery batches of at most 100, then the cursor moved
 * and the next page enqueued. The batches go before the cursor moves: a crash between sends a
 * batch twice (its deliveries are claimed once), never loses one. A cancelled or finished run, or a
 * page another message already walked, stops here. Returns the recipients this page enqueued.
 */
export async function walkAnnouncement(deps: WalkDeps, message: WalkMessage): Promise<number> {
  const { tenant, announcementId, after } = message
  const { db } = await residentShard(deps.env, tenant)
  const run = await readRun(db, tenant, announcementId)
  if (run?.state !== 'sending' || run.cursor === null || !run.manifestId) return 0
  if (run.cursor !== after) {
    // A page walked already: its message came again, or the message after it was lost.
    if (run.cursor > after) await deps.walks.send({ ...message, after: run.cursor })
    return 0
  }
  const snapshot = await loadSnapshot(deps.env.DB, run.manifestId)
  const part = snapshot?.tenants.get(tenant)
  const announcement = part?.announcements.find((a) => a.id === announcementId)
  if (!part || !announcement)
    throw new Error(`announcement ${tenant}/${announcementId} is not in manifest ${run.manifestId}`)
  const now = deps.now()
  const limit = deps.pageSize ?? walkPage
  const residents = await loadResidents(db, {
    tenant,
    which: { after, limit },
    date: today(part.tenant, now),
    program: tenantProgramOf(part.tenant),
  })
  const ids = residents.filter((r) => reaches(announcement, r.recipient).receives).map((r) => r.id)
  const batches: { body: AnnouncementBatch }[] = []
  for (let i = 0; i < ids.length; i += 100)
    batches.push({
      body: {
        kind: 'announcement',
        tenant,
        announcementId,
        manifestId: run.manifestId,
        subscriberIds: ids.slice(i, i + 100),
      },
    })
  if (batches.length > 0) await deps.deliveries.sendBatch(batches)
  const last = residents.at(-1)?.rowid
  const more = residents.length === limit && last !== undefined
  const moved = await advanceRun(
    db,
    { tenant, announcementId, from: after },
    { cursor: more ? last : null, recipients: ids.length },
    now,
  )
  if (!moved) return 0
  if (more) await deps.walks.send({ ...message, after: last })
  else await finishRun(db, tenant, announcementId, now)
  return ids.length
}
