import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { deliveries } from './deliveries'
import { subscribers } from './residents'

/**
 * Survey links sent before a survey line became columns of its delivery (/q/ now takes the message
 * page's segment): the old link token's hash → its delivery. Written only by the migration that
 * moved them; WITHOUT ROWID (hand-written in that migration), gone with the delivery.
 */
export const surveyLinks = sqliteTable(
  'survey_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => deliveries.id, { onDelete: 'cascade' }),
  },
  // A delivery's deletion (erasure, pruning) finds its old link through it.
  (t) => [index('survey_links_delivery').on(t.deliveryId)],
)

/**
 * One resident's answer to one survey, whichever of its links they used; answering twice is
 * refused (the unique key), so anonymous counts are only ever added to.
 */
export const surveyResponses = sqliteTable(
  'survey_responses',
  {
    id: text('id').primaryKey(),
    subscriberId: text('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    tenantSlug: text('tenant_slug').notNull(),
    surveyId: text('survey_id').notNull(),
    surveyVersion: integer('survey_version').notNull(),
    /** The delivery whose link was answered. */
    deliveryId: text('delivery_id').references(() => deliveries.id, { onDelete: 'set null' }),
    /** The tenant's local date of the answer: the day it is counted on. */
    answeredOn: text('answered_on').notNull(),
    /** none, or the interview request's way to the desk: pending, sent, failed. */
    interviewState: text('interview_state', { enum: ['none', 'pending', 'sent', 'failed'] })
      .notNull()
      .default('none'),
    /** JSON of the contact the resident chose; cleared once the desk has it. */
    interviewContact: text('interview_contact'),
    interviewError: text('interview_error'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('survey_responses_once').on(t.subscriberId, t.surveyId),
    check('survey_responses_interview', sql`${t.interviewState} IN ('none', 'pending', 'sent', 'failed')`),
  ],
)

/** The answers of a response: one row per chosen option, scale value or free text. */
export const surveyAnswers = sqliteTable(
  'survey_answers',
  {
    responseId: text('response_id')
      .notNull()
      .references(() => surveyResponses.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    position: integer('position').notNull(),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.questionId, t.position] })],
)

/**
 * Anonymous counts per tenant, local date, survey, question and value ('' counts free-text
 * answers of any value): what goes to the CMS, and what stays when residents' data is deleted.
 */
export const surveyAnswerCounts = sqliteTable(
  'survey_answer_counts',
  {
    localDate: text('local_date').notNull(),
    tenantSlug: text('tenant_slug').notNull(),
    surveyId: text('survey_id').notNull(),
    surveyVersion: integer('survey_version').notNull(),
    questionId: text('question_id').notNull(),
    value: text('value').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    primaryKey({
      columns: [t.localDate, t.tenantSlug, t.surveyId, t.surveyVersion, t.questionId, t.value],
    }),
  ],
)

/** The daily report of counts to the CMS: one row per UTC day it was delivered. */
export const aggregateReports = sqliteTable('aggregate_reports', {
  day: text('day').primaryKey(),
  sentAt: text('sent_at'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  updatedAt: text('updated_at').notNull(),
})
