import type { D1Database } from '@cloudflare/workers-types'
import { countKeys, type Submission } from '../../shared/surveys'
import { markTaskDone } from '../tasks/done'
import { openInterviewRequest } from './interview-request'
import type { RecordedOffer } from './recorded-offer'

/** Whether this resident has answered the survey already, through any of its links. */
export async function hasAnswered(db: D1Database, offer: RecordedOffer): Promise<boolean> {
  const row = await db
    .prepare('SELECT 1 AS yes FROM survey_responses WHERE subscriber_id = ?1 AND survey_id = ?2')
    .bind(offer.subscriberId, offer.surveyId)
    .first<{ yes: number }>()
  return row !== null
}

export type StoreResult = { stored: true; responseId: string } | { stored: false }

/**
 * The response, its answers, the anonymous counts and an interview request (the inbox's) in one transaction. A resident who has
 * answered already (another tab, the reminder's link) adds nothing: the answers and counts are
 * written only where this very response row was.
 */
export async function storeResponse(
  db: D1Database,
  input: {
    offer: RecordedOffer
    /** The version whose questions were answered. */
    surveyVersion: number
    submission: Submission
    answeredOn: string
    now: Date
    /** The tasks this survey's answer marks done. */
    taskIds?: readonly string[]
  },
): Promise<StoreResult> {
  const { offer, submission } = input
  const id = crypto.randomUUID()
  const answers = submission.answers.flatMap((a) =>
    a.values.map((value, position) => [a.questionId, position, value]),
  )
  const counts = countKeys(submission.answers).map((k) => [k.questionId, k.value ?? ''])
  const ours = 'EXISTS (SELECT 1 FROM survey_responses WHERE id = ?1)'
  const [response] = await db.batch([
    db
      .prepare(
        `INSERT INTO survey_responses (id, subscriber_id, tenant_slug, survey_id, survey_version, delivery_id,
                                       answered_on, interview_state, interview_contact, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT DO NOTHING`,
      )
      .bind(
        id,
        offer.subscriberId,
        offer.tenantSlug,
        offer.surveyId,
        input.surveyVersion,
        offer.deliveryId,
        input.answeredOn,
        submission.interview ? 'pending' : 'none',
        submission.interview ? JSON.stringify(submission.interview) : null,
        input.now.toISOString(),
      ),
    db
      .prepare(
        `INSERT INTO survey_answers (response_id, question_id, position, value)
         SELECT ?1, value ->> 0, value ->> 1, value ->> 2 FROM json_each(?2) WHERE ${ours}`,
      )
      .bind(id, JSON.stringify(answers)),
    db
      .prepare(
        `INSERT INTO survey_answer_counts (local_date, tenant_slug, survey_id, survey_version, question_id, value, count)
         SELECT ?3, ?4, ?5, ?6, value ->> 0, value ->> 1, 1 FROM json_each(?2) WHERE ${ours}
         ON CONFLICT DO UPDATE SET count = count + 1`,
      )
      .bind(
        id,
        JSON.stringify(counts),
        input.answeredOn,
        offer.tenantSlug,
        offer.surveyId,
        input.surveyVersion,
      ),
    ...(submission.interview
      ? [
          openInterviewRequest(db, {
            responseId: id,
            subscriberId: offer.subscriberId,
            tenantSlug: offer.tenantSlug,
            interview: submission.interview,
            now: input.now,
          }),
        ]
      : []),
    ...(input.taskIds ?? []).map((taskId) =>
      markTaskDone(db, {
        subscriberId: offer.subscriberId,
        tenant: offer.tenantSlug,
        taskId,
        doneOn: input.answeredOn,
        doneBy: 'survey',
        now: input.now,
      }),
    ),
  ])
  return response?.meta.changes === 1 ? { stored: true, responseId: id } : { stored: false }
}
