import type { D1Database } from '@cloudflare/workers-types'
import { z } from 'zod'
import { applySmsFailure, type SmsFailure } from './sms-report'

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

/**
 * What a report means for the delivery: the number cannot take SMS (send error, delivery error)
 * → suppress it; out of reach (圏外, usually passing) → a failed delivery and a failed day only.
 */
export function verdictOf(report: KaradenReport): SmsFailure | null {
  if (report.status === 'error' || report.sent_result === 'error')
    return {
      suppress: 'invalid-number',
      error: `karaden: undeliverable (status ${report.status}, ${report.sent_result})`,
    }
  if (report.sent_result === 'unconnected') return { suppress: false, error: 'karaden: out of reach (圏外)' }
  return null
}

/** Applies one report to the tenant's SMS delivery it names (see applySmsFailure). */
export async function applyKaradenReport(
  db: D1Database,
  input: { tenant: string; report: KaradenReport; now: Date },
): Promise<'applied' | 'ignored'> {
  const failure = verdictOf(input.report)
  if (!failure) return 'ignored'
  return applySmsFailure(db, {
    tenant: input.tenant,
    providerMessageId: input.report.id,
    failure,
    eventId: `karaden:${input.report.id}`,
    now: input.now,
  })
}
