import type { D1Database } from '@cloudflare/workers-types'
import type { ChannelAdapter, OutgoingMessage, SendResult } from './adapter'

/**
 * Whom a message is for or about (?2 its key, ?3 tenant, ?4 channel, ?5 recipient), so that it goes
 * with their data: the subscriber the sender names (?11: a program delivery's), of the delivery
 * with that key (its id; a confirmation's own key),
 * of the consultation or survey response a desk forward carries, on that address in the tenant,
 * replaced from it (a "not me" notice), or proving it (a code to a new address). Null when none is (a proof for an address nobody holds).
 */
const subscriberOfMessage = `coalesce(
  ?11,
  (SELECT d.subscriber_id FROM deliveries d WHERE d.id = ?2),
  (SELECT d.subscriber_id FROM deliveries d WHERE d.idempotency_key = ?2 AND d.kind = 'confirmation'),
  (SELECT c.subscriber_id FROM consultations c WHERE ?2 LIKE 'consultation-%' AND c.id = substr(?2, 14)),
  (SELECT r.subscriber_id FROM survey_responses r WHERE ?2 LIKE 'interview-%' AND r.id = substr(?2, 11)),
  (SELECT s.id FROM subscribers s WHERE s.tenant_slug = ?3 AND s.channel = ?4 AND s.address = ?5
   ORDER BY s.created_at DESC LIMIT 1),
  (SELECT a.subscriber_id FROM address_changes a WHERE a.tenant_slug = ?3 AND a.channel = ?4 AND a.address = ?5
   ORDER BY a.created_at DESC LIMIT 1),
  (SELECT v.subscriber_id FROM verifications v
   WHERE v.tenant_slug = ?3 AND v.channel = ?4 AND v.address = ?5 AND v.subscriber_id IS NOT NULL
   ORDER BY v.created_at DESC LIMIT 1))`

/**
 * The adapter that sends nothing: each message is stored in `db` — the shard of its tenant's
 * residents, where the person it is for lives — and can be read at /outbox, so the whole flow works
 * locally with no provider keys. Idempotent like Resend: a second message with the same key is
 * accepted and not stored again.
 */
export function outboxAdapter(db: D1Database, now: () => Date = () => new Date()): ChannelAdapter {
  return {
    name: 'outbox',
    // D1 runs one batch as one transaction; 100 single-row statements stay far below its limits.
    maxBatchSize: 100,
    idempotent: true,
    async send(messages: readonly OutgoingMessage[]): Promise<SendResult[]> {
      if (messages.length === 0) return []
      const createdAt = now().toISOString()
      const insert = db.prepare(
        `INSERT INTO outbox (id, idempotency_key, tenant_slug, channel, recipient, subject, text, html, created_at,
                             cc, subscriber_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ${subscriberOfMessage})
         ON CONFLICT (idempotency_key) DO NOTHING`,
      )
      try {
        await db.batch(
          messages.map((m) =>
            insert.bind(
              crypto.randomUUID(),
              m.idempotencyKey,
              m.tenant,
              m.channel,
              m.to,
              m.subject ?? null,
              m.text,
              m.html ?? null,
              createdAt,
              m.cc?.length ? m.cc.join(', ') : null,
              m.subscriberId ?? null,
            ),
          ),
        )
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        return messages.map((m) => ({
          idempotencyKey: m.idempotencyKey,
          outcome: 'failed-transient',
          error: reason,
        }))
      }
      const ids = await storedIds(db, messages)
      return messages.map((m) => ({
        idempotencyKey: m.idempotencyKey,
        outcome: 'sent',
        providerMessageId: ids.get(m.idempotencyKey),
      }))
    },
  }
}

async function storedIds(db: D1Database, messages: readonly OutgoingMessage[]): Promise<Map<string, string>> {
  const keys = JSON.stringify(messages.map((m) => m.idempotencyKey))
  const { results } = await db
    .prepare(
      'SELECT idempotency_key AS key, id FROM outbox WHERE idempotency_key IN (SELECT value FROM json_each(?1))',
    )
    .bind(keys)
    .all<{ key: string; id: string }>()
  return new Map(results.map((row) => [row.key, row.id]))
}
