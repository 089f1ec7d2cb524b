import type { D1Database } from '@cloudflare/workers-types'
import { localDate } from '../../shared/calendar'
import type { DeliveryOutcome, TenantSettings } from '../../shared/contract'
import { measureSms } from '../../shared/sms/segments'
import type { OutgoingMessage, SendResult } from '../channels/adapter'
import { sendTransactional } from '../channels/transactional'
import type { Env } from '../env'
import { spendSms } from './sms-cap'

/**
 * A text the town pays for outside the daily program (a code, a confirm link, a notice to an
 * address's owner): counted against its SMS cap, sent, and counted for the daily report with its
 * segments. These texts write no delivery row (an email confirmation does), so without this count
 * the dashboard's SMS sends and cost would miss them. Null when the cap refused it (nothing sent).
 */
export async function sendPaidSms(
  env: Env,
  tenant: TenantSettings,
  message: OutgoingMessage & { channel: 'sms' },
  now: Date,
  db: D1Database,
): Promise<SendResult | null> {
  if (!(await spendSms(env, tenant, now, db))) return null
  const result = await sendTransactional(env, message, db)
  await countSmsText(db, tenant, now, message.text, result.outcome)
  return result
}

/**
 * One text in its day's count (the town's local date), as an SMS confirmation: one upsert of a
 * per-day row the report already reads for sends and cost, never a row per text. SMS providers
 * take no idempotency key, so each send is a text the town pays for.
 */
function countSmsText(
  db: D1Database,
  tenant: TenantSettings,
  now: Date,
  text: string,
  outcome: DeliveryOutcome,
) {
  return db
    .prepare(
      `INSERT INTO delivery_counts (local_date, tenant_slug, kind, slot, channel, outcome, count, sms_segments)
       VALUES (?1, ?2, 'confirmation', '', 'sms', ?3, 1, ?4)
       ON CONFLICT (tenant_slug, local_date, kind, slot, channel, outcome)
       DO UPDATE SET count = count + 1, sms_segments = sms_segments + excluded.sms_segments`,
    )
    .bind(localDate(now, tenant.timeZone), tenant.slug, outcome, measureSms(text).segments)
    .run()
}
