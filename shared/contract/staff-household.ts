import { z } from 'zod'
import { audience, channel, tenantSlug } from './primitives'
import { accessLogEntry, staffReadReason, stageLabel } from './staff'

/**
 * One family's page in the staff workspace (GET /staff/families/{household}) and its interview
 * guide (GET /staff/families/{household}/guide). A household is a timeline and whoever follows it;
 * its opaque id is the timeline's.
 */

const subscriberState = z.enum(['pending', 'active', 'paused', 'stopped'])

export const householdTimeline = z.object({
  /** The timeline's id: this household's own, or a sibling's another member also follows. */
  household: z.string(),
  stage: stageLabel,
  dueDate: z.string().nullable(),
  birthDate: z.string().nullable(),
  lossDate: z.string().nullable(),
  lossReportedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
})
export type HouseholdTimeline = z.infer<typeof householdTimeline>

export const householdMember = z.object({
  nickname: z.string(),
  audience,
  language: z.string(),
  channel,
  state: subscriberState,
  joinedOn: z.string(),
  /** Other timelines this member follows (a sibling, an earlier child), with their stages. */
  otherTimelines: z.array(householdTimeline),
})

/** A send of the last 8 weeks to one member: what it was about, opened and clicked — never the text. */
export const householdDelivery = z.object({
  localDate: z.string(),
  nickname: z.string(),
  kind: z.string(),
  channel,
  state: z.string(),
  openedAt: z.string().nullable(),
  opens: z.number().int(),
  clicks: z.number().int(),
  /** The slots it was written for, each with the subject and topics the active snapshot gives it. */
  messages: z.array(
    z.object({
      slot: z.string(),
      label: z.string(),
      subject: z.string().nullable(),
      topics: z.array(z.string()),
    }),
  ),
})

export const householdConsultation = z.object({
  id: z.string(),
  createdAt: z.string(),
  nickname: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  urgent: z.boolean(),
  language: z.string().nullable(),
  source: z.enum(['form', 'line', 'sms', 'interview']),
  status: z.enum(['new', 'in-progress', 'closed']),
  assignee: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** The resident's own words: the nurse answers them. */
  text: z.string(),
  contactBy: z.string(),
  contactPhone: z.string().nullable(),
  contactHours: z.string().nullable(),
})

export const householdSurveyAnswer = z.object({
  surveyId: z.string(),
  surveyVersion: z.number().int(),
  title: z.string(),
  nickname: z.string(),
  answeredOn: z.string(),
  /** none, or how the interview request is reaching the desk. */
  interview: z.enum(['none', 'pending', 'sent', 'failed']),
  /** False when the active snapshot no longer holds this version: questions shown by id. */
  defined: z.boolean(),
  questions: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      kind: z.string(),
      /** Option labels, the scale value or the free text, in the order given. */
      answers: z.array(z.string()),
    }),
  ),
})

export const householdNurse = z.object({
  user: z.string(),
  name: z.string(),
  contact: z.string().nullable(),
  assignedAt: z.string(),
})

export const householdRecord = z.object({
  household: z.string(),
  stage: stageLabel,
  /** Shown first on the family's page: a loss the family reported. */
  loss: z.object({ date: z.string(), reportedOn: z.string().nullable(), label: z.string() }).nullable(),
  timeline: householdTimeline,
  members: z.array(householdMember),
  /** The town's own reference (e.g. the 母子健康手帳 number) and the assigned nurse, if any. */
  reference: z.string().nullable(),
  nurse: householdNurse.nullable(),
  deliveries: z.array(householdDelivery),
  consultations: z.array(householdConsultation),
  surveys: z.array(householdSurveyAnswer),
  /** This household's rows of the town's access log, newest first (this read included). */
  accessLog: z.array(accessLogEntry),
})
export type HouseholdRecord = z.infer<typeof householdRecord>

export const householdGuideQuery = z.object({
  tenant: tenantSlug,
  reason: staffReadReason.default('interview'),
})

/** One message a reader will get for a slot: its subject and topics, or null where none is written. */
export const guideMessage = z.object({
  audience,
  language: z.string(),
  subject: z.string().nullable(),
  topics: z.array(z.string()),
})

export const guideSend = z.object({
  slot: z.string(),
  track: z.enum(['pregnancy', 'child', 'loss']),
  /** The slot in words (妊娠28週0日 / 28w0d) and the unit staff count in that day. */
  label: z.string(),
  unit: z.string(),
  messages: z.array(guideMessage),
})

export type GuideSend = z.infer<typeof guideSend>

export const guideDay = z.object({ date: z.string(), sends: z.array(guideSend) })

export const guideEntry = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  phone: z.string().nullable(),
})

export const guideWeek = z.object({
  week: z.enum(['this', 'next']),
  from: z.string(),
  to: z.string(),
  days: z.array(guideDay),
  /** The town's local entries joined to this week's messages, each once. */
  localEntries: z.array(guideEntry),
})

export const householdGuide = z.object({
  household: z.string(),
  stage: stageLabel,
  from: z.string(),
  to: z.string(),
  /** Who reads: each member's audience and language picks their wording. */
  readers: z.array(
    z.object({ nickname: z.string(), audience, language: z.string(), state: subscriberState }),
  ),
  weeks: z.array(guideWeek),
  /** The snapshot the topics come from; null before the first publish. */
  manifestId: z.string().nullable(),
})
export type HouseholdGuide = z.infer<typeof householdGuide>
