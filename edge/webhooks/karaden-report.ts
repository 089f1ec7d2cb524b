import type { D1Database } from '@cloudflare/workers-types'
import { z } from 'zod'
import { settleDay } from '../delivery/record'
import { suppressAddress } from './suppress'

/**
 * Karaden's delivery report (SMS送達結果通知), the fields yorisoi reads; see the header of
 * channels/specs/karaden-sms.yaml for the sources. Other fields pass unread.
 */
export const karadenReport = z.object({
  id: z.uuid(),
  object: z.literal('message'),
  status: z.enum(['done', 'waiting', 'error', 'canceled']),
  sent_result: z.enum(['none', 'received', 'unconnected', 'error', 'unknown']),
})
export type KaradenReport = z.infer<typeof karadenReport>

export type ReportVerdict = { suppress: boolean; error: string } | null

/**
 * What a report means for the delivery: the number cannot take SMS (send error, delivery error)
 * → suppress it; out of reach (圏外, usually passing) → a failed delivery and a failed day only.
 */
export function verdictOf(report: KaradenReport): ReportVerdict {
  if (report.status === 'error' || report.sent_result === 'error')
    return {
      suppress: true,
      error: `karaden: undeliverable (status ${report.status}, ${report.sent_result})`,
    }
  if (report.sent_result === 'unconnected') return { suppress: false, error: 'karaden: out of reach (圏外)' }
  return null
}

/**
 * Applies one report to the tenant's SMS delivery it names: a delivery counted `sent` becomes
 * failed-permanent (the run's counts move with it), the day counts as failed, and an
 * undeliverable number is suppressed at once. A repeated report finds nothing left to change.
 */
export async function applyKaradenReport(
  db: D1Database,
  input: { tenant: string; report: KaradenReport; now: Date },
): Promise<'applied' | 'ignored'> {
  const verdict = verdictOf(input.report)
  if (!verdict) return 'ignored'
  const now = input.now.toISOString()
  const delivery = await db
    .prepare(
      `UPDATE deliveries SET state = 'failed-permanent', error = ?3, updated_at = ?4
       WHERE provider_message_id = ?1 AND tenant_slug = ?2 AND channel = 'sms' AND state = 'sent'
       RETURNING subscriber_id AS subscriberId, local_date AS localDate,
         (SELECT address FROM subscribers WHERE id = deliveries.subscriber_id) AS address`,
    )
    .bind(input.report.id, input.tenant, verdict.error, now)
    .first<{ subscriberId: string; localDate: string; address: string | null }>()
  if (!delivery) return 'ignored'
  await db
    .prepare(
      `UPDATE tenant_runs SET sent = sent - 1, failed = failed + 1, updated_at = ?3
       WHERE tenant_slug = ?1 AND local_date = ?2 AND sent > 0`,
    )
    .bind(input.tenant, delivery.localDate, now)
    .run()
  await settleDay(db, {
    tenant: input.tenant,
    localDate: delivery.localDate,
    advances: [],
    failed: [{ subscriberId: delivery.subscriberId, error: verdict.error }],
    succeeded: [],
    counts: { sent: 0, failed: 0, flagged: 0 },
    now: input.now,
  })
  if (verdict.suppress && delivery.address) {
    await suppressAddress(db, {
      tenant: input.tenant,
      channel: 'sms',
      address: delivery.address,
      reason: 'invalid-number',
      eventId: `karaden:${input.report.id}`,
      now: input.now,
    })
  }
  return 'applied'
}
