import type { D1Database } from '@cloudflare/workers-types'
import { localDate } from '../../shared/calendar'
import type { TenantSettings } from '../../shared/contract'
import { measureSms } from '../../shared/sms/segments'
import type { Env } from '../env'
import type { OutgoingMessage, SendResult } from './adapter'
import { sendTransactional } from './transactional'

/**
 * A message with no delivery row (a code, a confirm link, a notice to an address's owner, an undo
 * or deletion notice) sent as sendTransactional sends it; an SMS is then counted for the daily
 * report with its segments, since without a row the dashboard's SMS sends and cost would miss the
 * text the town pays for. `db`: the tenant's shard.
 */
export async function sendWithoutRow(
  env: Env,
  tenant: TenantSettings,
  message: OutgoingMessage,
  now: Date,
  db: D1Database,
): Promise<SendResult> {
  const result = await sendTransactional(env, message, db)
  if (message.channel === 'sms') await countSmsText(db, tenant, now, message.text, result.outcome)
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
  outcome: SendResult['outcome'],
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
