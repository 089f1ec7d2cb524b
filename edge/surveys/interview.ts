import type { D1Database } from '@cloudflare/workers-types'
import type { Survey, TenantSettings } from '../../shared/contract'
import type { InterviewContact } from '../../shared/surveys'
import type { OutgoingMessage } from '../channels/adapter'
import { sendTransactional } from '../channels/transactional'
import type { Env } from '../env'
import { residentDb } from '../shards/map'

const audienceLabels = { primary: '本人', partner: 'パートナー', family: '家族' } as const

export interface InterviewAsker {
  nickname: string
  audience: keyof typeof audienceLabels
  channel: 'email' | 'sms' | 'line'
  address: string
}

/** The short number a resident can quote on the phone. */
export const interviewReference = (responseId: string) =>
  responseId.replaceAll('-', '').slice(0, 8).toUpperCase()

function contactLine(contact: InterviewContact, asker: InterviewAsker): string {
  switch (contact.how) {
    case 'phone':
      return `連絡先（電話）: ${contact.phone}`
    case 'email':
      return `連絡先（メール）: ${contact.email}`
    case 'registered':
      return asker.channel === 'email'
        ? `連絡先（登録のメールアドレス）: ${asker.address}`
        : `連絡先（登録の電話番号）: ${asker.address}`
  }
}

/** The interview request as the tenant's desk receives it: who, how to reach them, from which survey. */
export function interviewMessage(input: {
  tenant: TenantSettings
  survey: Survey
  responseId: string
  asker: InterviewAsker
  contact: InterviewContact
  note: string
}): OutgoingMessage {
  const { tenant, asker, contact } = input
  const reference = interviewReference(input.responseId)
  const lines = [
    `寄り添い（${tenant.name.ja}）のアンケートで、面談の希望がありました。`,
    '',
    `受付番号: ${reference}`,
    `アンケート: ${input.survey.title}`,
    `回答者: ${asker.nickname} さん（${audienceLabels[asker.audience]}）`,
    contactLine(contact, asker),
    ...(input.note ? [`ご希望（時間帯など）: ${input.note}`] : []),
    '',
    'ご本人から連絡をお待ちです。回答はご本人がデータの削除を選ぶと消えます。',
  ]
  const sender = tenant.channels.email
  const replyTo =
    contact.how === 'email'
      ? contact.email
      : contact.how === 'registered' && asker.channel === 'email'
        ? asker.address
        : undefined
  return {
    idempotencyKey: `interview-${input.responseId}`,
    tenant: tenant.slug,
    channel: 'email',
    to: tenant.desk.email,
    subject: `寄り添い 面談の希望（${reference}）`,
    text: lines.join('\n'),
    ...(sender ? { from: `${sender.senderName} <${sender.fromAddress}>` } : {}),
    ...(replyTo ? { replyTo } : {}),
  }
}

export type InterviewOutcome = 'sent' | 'pending' | 'failed' | 'gone'

/**
 * Hands a pending interview request to the tenant's email channel (the outbox locally, Resend
 * once the tenant has its key), addressed to the desk. Sent: the contact is cleared from D1, the
 * desk has it. A refusal the provider calls permanent is marked failed for a person to look at;
 * anything else stays pending for the next cron tick. The key keeps a retry from doubling it.
 * `shard` is the database of the tenant's residents (resolved from the tenant when not given).
 */
export async function forwardInterview(
  env: Env,
  input: { responseId: string; survey: Survey; tenant: TenantSettings },
  shard?: D1Database,
): Promise<InterviewOutcome> {
  const db = shard ?? (await residentDb(env, input.tenant.slug))
  const row = await db
    .prepare(
      `SELECT r.interview_contact AS contact, s.nickname, s.audience, s.channel, s.address
       FROM survey_responses r JOIN subscribers s ON s.id = r.subscriber_id
       WHERE r.id = ?1 AND r.interview_state = 'pending'`,
    )
    .bind(input.responseId)
    .first<{ contact: string | null } & InterviewAsker>()
  if (!row?.contact) return 'gone'
  const { contact, note } = JSON.parse(row.contact) as { contact: InterviewContact; note: string }
  const result = await sendTransactional(env, interviewMessage({ ...input, asker: row, contact, note }), db)
  const outcome: InterviewOutcome =
    result.outcome === 'sent' ? 'sent' : result.outcome === 'failed-permanent' ? 'failed' : 'pending'
  await recordInterview(db, input.responseId, outcome, result.error ?? null)
  return outcome
}

async function recordInterview(
  db: D1Database,
  responseId: string,
  outcome: InterviewOutcome,
  error: string | null,
): Promise<void> {
  await db
    .prepare(
      `UPDATE survey_responses
       SET interview_state = ?2, interview_error = ?3,
           interview_contact = CASE WHEN ?2 = 'sent' THEN NULL ELSE interview_contact END
       WHERE id = ?1 AND interview_state = 'pending'`,
    )
    .bind(responseId, outcome === 'gone' ? 'pending' : outcome, error?.slice(0, 500) ?? null)
    .run()
}
