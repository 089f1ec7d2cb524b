import { z } from 'zod'
import { bilingual } from './messages'
import { civilDate, tenantSlug } from './primitives'

/**
 * The consultation inbox of the staff API (issue 15, items 5, 6 and 8): every consultation of a
 * town, however it came — the form, a LINE text, an SMS reply, or an interview request from a
 * questionnaire — and what the desk and the nurses do with it.
 */
export const consultationSource = z.enum(['form', 'line', 'sms', 'interview'])
export type ConsultationSource = z.infer<typeof consultationSource>

export const consultationStatus = z.enum(['new', 'in-progress', 'closed'])
export type ConsultationStatus = z.infer<typeof consultationStatus>

/** A CMS user id, as the assertion's `sub` names staff. */
const staffUser = z.string().trim().min(1).max(64)

export const consultationsQuery = z.object({
  tenant: tenantSlug,
  status: consultationStatus.optional(),
  /** A staff user's id, or `none` for the unassigned. */
  assignee: staffUser.optional(),
  source: consultationSource.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})
export type ConsultationsQuery = z.infer<typeof consultationsQuery>

export const inboxConsultation = z.object({
  id: z.string(),
  /** The short number a resident quotes on the phone. */
  reference: z.string(),
  category: z.string(),
  categoryLabel: z.object({ ja: z.string(), en: z.string() }),
  urgent: z.boolean(),
  /** The resident's language when they wrote; null for consultations older than the inbox. */
  language: z.string().nullable(),
  /** The town's interpreter line, beside a consultation not in Japanese (null otherwise or unset). */
  interpreterLine: z.string().nullable(),
  source: consultationSource,
  status: consultationStatus,
  assignee: z.string().nullable(),
  /** The household (timeline id) of the resident, and the nurse the town assigned to it. */
  household: z.string().nullable(),
  nurse: z.object({ user: z.string(), name: z.string() }).nullable(),
  nickname: z.string(),
  text: z.string(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  /** An interview request: the day the interview took place. */
  interviewDoneOn: z.string().nullable(),
})
export type InboxConsultation = z.infer<typeof inboxConsultation>

export const consultationsPage = z.object({
  consultations: z.array(inboxConsultation),
  page: z.number().int(),
  /** The next page's number, or null on the last. */
  next: z.number().int().nullable(),
})
export type ConsultationsPage = z.infer<typeof consultationsPage>

/** POST /staff/consultations/:id — a change of status or assignee (null: nobody). */
export const consultationUpdate = z
  .object({ status: consultationStatus.optional(), assignee: staffUser.nullable().optional() })
  .strict()
  .refine((u) => u.status !== undefined || u.assignee !== undefined, {
    message: bilingual('状態か担当者を指定してください', 'Give a status or an assignee'),
  })
export type ConsultationUpdate = z.infer<typeof consultationUpdate>

/** POST /staff/consultations/:id/interview — the interview took place on this day. */
export const interviewDone = z.object({ doneOn: civilDate }).strict()
export type InterviewDone = z.infer<typeof interviewDone>

/** The answer to an update: the consultation as it now is. */
export const consultationChanged = z.object({ consultation: inboxConsultation })
