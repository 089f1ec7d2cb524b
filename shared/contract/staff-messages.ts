import { z } from 'zod'
import { bilingual } from './messages'
import { channel, tenantSlug } from './primitives'

/** The longest note staff may write to a family (an SMS of it is already many segments). */
export const staffMessageMaxLength = 1000

const text = z
  .string({ error: bilingual('本文を入力してください', 'Write the message') })
  .trim()
  .min(1, { error: bilingual('本文を入力してください', 'Write the message') })
  .max(staffMessageMaxLength, {
    error: bilingual(
      `本文は${staffMessageMaxLength}文字までです`,
      `The message is at most ${staffMessageMaxLength} characters`,
    ),
  })

/**
 * The same request twice (a double click, a retry after a timeout) carries the same id and is one
 * message, sent once.
 */
const requestId = z.uuid({ error: bilingual('送信IDが正しくありません', 'The request id is not valid') })

/** The name families see the note signed with: the staff member's shownToFamilies name. */
const authorName = z
  .string()
  .trim()
  .min(1, { error: bilingual('表示名がありません', 'The author has no shown name') })
  .max(60)

/** POST /staff/families/{household}/messages?tenant= */
export const staffMessageRequest = z.object({
  requestId,
  text,
  authorName,
  /** Every active member, or some of them by id. */
  to: z.union([
    z.literal('all'),
    z
      .array(z.string().min(1).max(64))
      .min(1, { error: bilingual('宛先を選んでください', 'Choose whom to send to') })
      .max(50),
  ]),
})
export type StaffMessageRequest = z.infer<typeof staffMessageRequest>

/** POST /staff/consultations/{id}/reply?tenant= — to the resident who consulted. */
export const staffReplyRequest = z.object({ requestId, text, authorName })
export type StaffReplyRequest = z.infer<typeof staffReplyRequest>

export const staffMessagesQuery = z.object({ tenant: tenantSlug })

/**
 * Where one delivery of a staff message stands, as staff read it: sending (not answered yet, or its
 * answer lost — the same request again sends it under its key), sent, failed (refused, or the
 * provider failed: nothing went), flagged (an SMS whose outcome is unknown: a person checks before
 * anything is sent again), opened.
 */
export const staffDeliveryState = z.enum(['sending', 'sent', 'failed', 'flagged', 'opened'])
export type StaffDeliveryState = z.infer<typeof staffDeliveryState>

export const staffMessageDelivery = z.object({
  member: z.string(),
  nickname: z.string(),
  channel,
  state: staffDeliveryState,
})

export const staffMessageEntry = z.object({
  id: z.string(),
  at: z.string(),
  authorName: z.string(),
  authorRole: z.enum(['nurse', 'desk']),
  text: z.string(),
  consultation: z.string().nullable(),
  deliveries: z.array(staffMessageDelivery),
})
export type StaffMessageEntry = z.infer<typeof staffMessageEntry>

/** GET /staff/families/{household}/messages: the members one can write to, and the notes so far, newest first. */
export const staffMessagesPage = z.object({
  members: z.array(
    z.object({
      id: z.string(),
      nickname: z.string(),
      channel,
      state: z.enum(['pending', 'active', 'paused', 'stopped']),
    }),
  ),
  messages: z.array(staffMessageEntry),
})
export type StaffMessagesPage = z.infer<typeof staffMessagesPage>
