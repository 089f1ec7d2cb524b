import type { Env } from '../env'
import { forwardInterview } from './interview'
import { type RecordedOffer, surveyOfOffer } from './recorded-offer'

/** Interview requests retried per tick; the form itself makes the first attempt. */
const retryBatch = 20
const firstRetryAfterMs = 5 * 60_000

/** Interview requests the form could not hand to the desk: again, each tick, until taken. */
export async function retryPendingInterviews(env: Env, now: Date): Promise<number> {
  const { results } = await env.DB.prepare(
    `SELECT r.id AS responseId, i.delivery_id AS deliveryId, i.subscriber_id AS subscriberId, i.tenant_slug AS tenantSlug,
            i.survey_id AS surveyId, i.survey_version AS surveyVersion, i.manifest_id AS manifestId, i.reminder
     FROM survey_responses r JOIN survey_invitations i ON i.delivery_id = r.delivery_id
     WHERE r.interview_state = 'pending' AND r.created_at < ?1 ORDER BY r.created_at LIMIT ?2`,
  )
    .bind(new Date(now.getTime() - firstRetryAfterMs).toISOString(), retryBatch)
    .all<RecordedOffer & { responseId: string }>()
  let sent = 0
  for (const { responseId, ...offer } of results) {
    const offered = await surveyOfOffer(env.DB, offer)
    if (offered && (await forwardInterview(env, { responseId, ...offered })) === 'sent') sent++
  }
  return sent
}
