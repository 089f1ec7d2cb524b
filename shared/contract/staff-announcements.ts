import { z } from 'zod'
import { announcementTarget } from './announcement'
import { channels } from './primitives'

// The staff API's announcement routes: counts and states only, never a resident.

/** POST /staff/announcements/preview?tenant= — who would receive an announcement now. */
export const announcementPreviewRequest = z.object({
  target: announcementTarget,
  urgent: z.boolean().default(false),
})
export type AnnouncementPreviewRequest = z.infer<typeof announcementPreviewRequest>

const count = z.int().min(0)

/** Recipients by stage, in the units staff use: 妊娠nか月 (1–10), 月齢 n (0–35), or after a loss. */
export const announcementStage = z.discriminatedUnion('stage', [
  z.object({ stage: z.literal('pregnancy'), month: z.int().min(1).max(10), count }),
  z.object({ stage: z.literal('child'), month: z.int().min(0).max(36), count }),
  z.object({ stage: z.literal('loss'), count }),
])
export type AnnouncementStage = z.infer<typeof announcementStage>

export const announcementPreview = z.object({
  total: count,
  byChannel: z.object(
    Object.fromEntries(channels.map((c) => [c, count])) as Record<(typeof channels)[number], typeof count>,
  ),
  byStage: z.array(announcementStage),
})
export type AnnouncementPreview = z.infer<typeof announcementPreview>

/**
 * scheduled: published, its time not come; sending: the walk or its sends under way; sent: every
 * recipient's delivery ended; cancelled: staff stopped it (what was sent before stays sent).
 */
export const announcementState = z.enum(['scheduled', 'sending', 'sent', 'cancelled'])
export type AnnouncementState = z.infer<typeof announcementState>

/** GET /staff/announcements?tenant= (every one the edge knows) and GET /staff/announcements/{id}?tenant=. */
export const announcementStatus = z.object({
  id: z.string(),
  state: announcementState,
  recipients: count,
  sent: count,
  failed: count,
  flagged: count,
  pending: count,
  /** Deliveries whose page was opened at least once. */
  opened: count,
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
})
export type AnnouncementStatus = z.infer<typeof announcementStatus>

/** POST /staff/announcements/{id}/cancel?tenant= — nothing more of it is sent; idempotent. */
export const announcementCancelRequest = z.object({ reason: z.string().trim().max(200).optional() })
