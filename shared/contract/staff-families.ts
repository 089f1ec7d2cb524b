import { z } from 'zod'
import { parseStageWindow } from '../staff/stage-window'
import { bilingual } from './messages'
import { audience, channel } from './primitives'
import { familiesQuery, familySummary, staffReadReason } from './staff'

/**
 * The families list (issue 15, item 1) and the nurse assignment (item 2): the filters staff use, a
 * household's row, and the bodies of the actions on it.
 */

/**
 * A member's state as staff read it: provider-paused is paused by the provider's word (a bounce, a
 * complaint, a LINE unfollow, repeated failures), not by the resident.
 */
export const memberState = z.enum(['pending', 'active', 'paused', 'provider-paused', 'stopped'])
export type MemberState = z.infer<typeof memberState>

/** Why a household needs a person's attention now. */
export const attentionReason = z.enum(['loss', 'interview', 'urgent', 'failing'])
export type AttentionReason = z.infer<typeof attentionReason>

export const attentionLabels: Record<AttentionReason, string> = {
  loss: '喪失のご報告（30日以内） / Loss reported (last 30 days)',
  interview: '面談の希望 / Interview requested',
  urgent: '急ぎの相談 / Urgent consultation',
  failing: '配信の失敗（7日以内） / Messages failing (last 7 days)',
}

export const memberStateLabels: Record<MemberState, string> = {
  pending: '確認待ち / Pending',
  active: '配信中 / Active',
  paused: '休止中 / Paused',
  'provider-paused': '配信停止（事業者） / Paused by the provider',
  stopped: '停止 / Stopped',
}

const stageWindowText = z
  .string()
  .max(12)
  .refine((text) => parseStageWindow(text) !== null, {
    message: bilingual(
      '段階の範囲は w28-32（妊娠週）、d0-100（生後日）、m6-12（月齢）の形で指定してください',
      'A stage window is w28-32 (weeks pregnant), d0-100 (days old) or m6-12 (months old)',
    ),
  })

/**
 * The families list's filters. `nurse` is a CMS user id, `me` (the asking user) or `none`;
 * `attention=1` keeps the households that need attention; `q` finds a nickname (part of it) or the
 * town's reference (whole).
 */
export const familiesFilter = familiesQuery.extend({
  window: stageWindowText.optional(),
  state: memberState.optional(),
  nurse: z.string().min(1).max(64).optional(),
  attention: z.enum(['1']).optional(),
  q: z.string().trim().min(1).max(64).optional(),
})
export type FamiliesFilter = z.infer<typeof familiesFilter>

/** The CSV export: the same filters, and a reason always given (it goes to the access log). */
export const familiesExportQuery = familiesFilter.omit({ cursor: true, limit: true, reason: true }).extend({
  reason: staffReadReason,
})
export type FamiliesExportQuery = z.infer<typeof familiesExportQuery>

export const familyMember = z.object({
  nickname: z.string(),
  audience,
  channel,
  /** Masked: enough to tell two members apart, never enough to reach anyone. */
  address: z.string(),
  state: memberState,
})

export const familyRow = familySummary.extend({
  members: z.array(familyMember),
  /** The household's state: its most reachable member's (active before paused before stopped). */
  state: memberState,
  /** The local date a member last opened a message page. */
  lastOpenedOn: z.string().nullable(),
  openConsultations: z.number().int(),
  /** Interview requests (the 8-month questionnaire's "yes") not yet done. */
  interviewRequests: z.number().int(),
  nurse: z.object({ user: z.string(), name: z.string() }).nullable(),
  reference: z.string().nullable(),
  attention: z.array(attentionReason),
})
export type FamilyRow = z.infer<typeof familyRow>

export const familiesList = z.object({ families: z.array(familyRow), next: z.string().nullable() })
export type FamiliesList = z.infer<typeof familiesList>

const householdId = z.string().min(1).max(64)

/** The town's own reference for a household (e.g. its 母子健康手帳 number); null clears it. */
export const referenceBody = z.object({
  reference: z
    .string()
    .trim()
    .min(1, { message: bilingual('番号を入力してください', 'Enter a reference') })
    .max(40, { message: bilingual('番号は40文字までです', 'A reference is 40 characters at most') })
    .nullable(),
})

/** One or many households to one nurse, as she chose to be shown to families. */
export const assignBody = z.object({
  households: z
    .array(householdId)
    .min(1, { message: bilingual('世帯を選んでください', 'Choose at least one household') })
    .max(200, { message: bilingual('一度に200世帯までです', 'At most 200 households at once') }),
  nurse: z.object({
    user: z.string().min(1).max(64),
    name: z.string().max(80),
    contact: z.string().max(200).nullable().optional(),
    email: z.string().email().max(254).nullable().optional(),
  }),
})
export type AssignBody = z.infer<typeof assignBody>

export const assignResult = z.object({ assigned: z.number().int(), changed: z.number().int() })

/** Each nurse's number of families in the town, and how many have none. */
export const nurseLoad = z.object({
  nurses: z.array(z.object({ user: z.string(), name: z.string(), families: z.number().int() })),
  unassigned: z.number().int(),
})
export type NurseLoad = z.infer<typeof nurseLoad>
