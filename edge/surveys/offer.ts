import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import type { NationalPart, Survey, TenantPart } from '../../shared/contract'
import { type DayPlan, type Program, slotContext, type TimelineFacts } from '../../shared/program'
import { type SurveyHistory, type SurveyLine, surveyForDay } from '../../shared/surveys'
import { surveyToken } from '../resident/link-tokens'
import { type SurveyOffer, surveyUrl } from '../resident/survey-link'
import { hashToken } from '../resident/tokens'

/** A tenant's surveys first, then the national ones. */
export const surveysOf = (tenant: TenantPart, national: NationalPart): Survey[] => [
  ...tenant.surveys,
  ...national.surveys,
]

/** The survey (first invitation or reminder) this resident's delivery offers today, if any. */
export async function surveyOffer(input: {
  surveys: readonly Survey[]
  tenant: TenantPart
  program: Program
  dueSubscriber: {
    audience: Survey['audiences'][number]
    language: string
    timelines: readonly TimelineFacts[]
  }
  plan: DayPlan
  date: string
  history: ReadonlyMap<string, SurveyHistory> | undefined
  origin: string
  linkSecret: string
  deliveryKey: string
  /** The resident's shard, the prefix of the link (none: a bare token, which opens in shard 1). */
  shard?: number
}): Promise<SurveyOffer | null> {
  if (input.surveys.length === 0) return null
  const contexts = input.plan.slots.map((planned) => {
    const timeline = input.dueSubscriber.timelines[planned.timeline]
    return timeline ? slotContext(timeline, input.date, input.program) : ({ track: 'none' } as const)
  })
  const line = surveyForDay({
    surveys: input.surveys,
    contexts,
    audience: input.dueSubscriber.audience,
    language: input.dueSubscriber.language,
    fallbackLanguages: input.tenant.tenant.languages.fallback,
    date: input.date,
    history: input.history ?? new Map(),
  })
  if (!line) return null
  const token = await surveyToken(input.linkSecret, input.deliveryKey)
  return {
    line,
    url: surveyUrl(input.origin, token, input.shard),
    tokenHash: await hashToken(token),
  }
}

/** The composition's wording of an offer. */
export const surveyLineOf = (offer: SurveyOffer | null) =>
  offer ? { title: offer.line.survey.title, reminder: offer.line.reminder > 0 } : undefined

/**
 * Records the survey lines of claimed deliveries before they are sent, so each link works the
 * moment the message arrives; one statement for them all. A retried delivery finds its row there.
 */
export function recordOffers(
  db: D1Database,
  input: {
    tenant: string
    manifestId: string
    localDate: string
    offers: readonly { deliveryId: string; subscriberId: string; offer: SurveyOffer }[]
    now: Date
  },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO survey_invitations (delivery_id, subscriber_id, tenant_slug, survey_id, survey_version, manifest_id,
                                       reminder, token_hash, local_date, created_at)
       SELECT value ->> 0, value ->> 1, ?2, value ->> 2, value ->> 3, ?3, value ->> 4, value ->> 5, ?4, ?5
       FROM json_each(?1) WHERE true
       ON CONFLICT DO NOTHING`,
    )
    .bind(
      JSON.stringify(
        input.offers.map(({ deliveryId, subscriberId, offer }) => [
          deliveryId,
          subscriberId,
          offer.line.survey.id,
          offer.line.survey.version,
          offer.line.reminder,
          offer.tokenHash,
        ]),
      ),
      input.tenant,
      input.manifestId,
      input.localDate,
      input.now.toISOString(),
    )
}
