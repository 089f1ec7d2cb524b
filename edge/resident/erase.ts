import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'

export type ErasureReason = 'requested' | 'retention'

/**
 * A resident something of theirs still waits for a person about: a flagged delivery (a send in
 * doubt, content that could not be composed) or a consultation not at the desk (pending or
 * failed). `s` names the subscribers row. Retention passes them by until it is decided, since
 * the decision needs their row (the masked address the operator sees, the asker the desk mail
 * names) and deleting it would decide it silently; the dashboard shows how long they wait. A
 * resident's own request to be deleted takes everything regardless. A flagged staff message is
 * its author's to see on the family's page, not an operator's decision, so it holds nothing back.
 * Flagged rows are few and found through their partial index; consultations through (subscriber,
 * created).
 */
export const awaitsAPerson = (s: string) =>
  `(EXISTS (SELECT 1 FROM deliveries d WHERE d.state = 'flagged' AND d.tenant_slug = ${s}.tenant_slug
                                        AND d.subscriber_id = ${s}.id AND d.kind != 'staff')
    OR EXISTS (SELECT 1 FROM consultations c JOIN consultation_forwards f ON f.consultation_id = c.id
               WHERE c.subscriber_id = ${s}.id AND f.state != 'sent'))`

/**
 * The statements that delete these subscribers with everything that cascades from them (tokens,
 * consents, deliveries, memberships, consultations, survey answers, verifications, outbox messages…),
 * the timelines nobody else follows, what names their address without naming them (the outbox's
 * older messages, duplicate-registration proofs, their tenant's suppression) and their ids in
 * dead-lettered batches, leaving one anonymous count per tenant, local date and reason
 * (edge/resident/personal-data.ts lists what each table holds). Only rows still marked
 * `inactive_since` go under 'retention' (a resident who came back since is spared), and none that
 * `awaitsAPerson`; 'requested' deletes them as they are, undecided deliveries and consultations
 * included.
 * Lookups go through the timeline_members key, never a scan of everyone.
 */
export function eraseStatements(
  db: D1Database,
  subscriberIds: readonly string[],
  reason: ErasureReason,
  localDates: Readonly<Record<string, string>>,
): D1PreparedStatement[] {
  const ids = JSON.stringify(subscriberIds)
  const dates = JSON.stringify(localDates)
  const doomed =
    reason === 'retention'
      ? `SELECT id FROM subscribers WHERE id IN (SELECT value FROM json_each(?1)) AND inactive_since IS NOT NULL
           AND NOT ${awaitsAPerson('subscribers')}`
      : 'SELECT value FROM json_each(?1)'
  return [
    db
      .prepare(
        `INSERT INTO erasures (tenant_slug, local_date, reason, count)
         SELECT tenant_slug, coalesce(?2 ->> ('$."' || tenant_slug || '"'), date('now')),
                CASE WHEN state = 'pending' THEN 'unconfirmed' ELSE ?3 END, COUNT(*)
         FROM subscribers WHERE id IN (${doomed})
         GROUP BY 1, 2, 3
         ON CONFLICT (tenant_slug, local_date, reason) DO UPDATE SET count = count + excluded.count`,
      )
      .bind(ids, dates, reason),
    // The workspace's nurse and town reference of a household go with its last member (before the
    // timeline, whose members and staff messages cascade away with it).
    ...['household_nurses', 'household_references'].map((table) =>
      db
        .prepare(
          `DELETE FROM ${table}
           WHERE household_id IN (SELECT timeline_id FROM timeline_members WHERE subscriber_id IN (${doomed}))
             AND NOT EXISTS (
               SELECT 1 FROM timeline_members o
               WHERE o.timeline_id = ${table}.household_id AND o.subscriber_id NOT IN (${doomed}))`,
        )
        .bind(ids),
    ),
    db
      .prepare(
        `DELETE FROM timelines
         WHERE id IN (SELECT timeline_id FROM timeline_members WHERE subscriber_id IN (${doomed}))
           AND NOT EXISTS (
             SELECT 1 FROM timeline_members o
             WHERE o.timeline_id = timelines.id AND o.subscriber_id NOT IN (${doomed}))`,
      )
      .bind(ids),
    // Messages in the local outbox for or about them (their rows also cascade; these are the ones
    // written before the outbox named a subscriber), and proofs of their address in nobody's name.
    db
      .prepare(
        `DELETE FROM outbox WHERE subscriber_id IN (${doomed})
           OR (subscriber_id IS NULL AND EXISTS (
             SELECT 1 FROM subscribers s WHERE s.id IN (${doomed}) AND s.tenant_slug = outbox.tenant_slug
               AND s.channel = outbox.channel AND s.address = outbox.recipient))`,
      )
      .bind(ids),
    db
      .prepare(
        `DELETE FROM verifications WHERE subscriber_id IS NULL
           AND (tenant_slug, channel, address) IN (
             SELECT tenant_slug, channel, address FROM subscribers WHERE id IN (${doomed}))`,
      )
      .bind(ids),
    // Their tenant's suppression of their address, unless someone else there still has it.
    db
      .prepare(
        `DELETE FROM suppressions
         WHERE (tenant_slug, channel, address) IN (
             SELECT tenant_slug, channel, address FROM subscribers WHERE id IN (${doomed}))
           AND NOT EXISTS (
             SELECT 1 FROM subscribers o
             WHERE o.tenant_slug = suppressions.tenant_slug AND o.channel = suppressions.channel
               AND o.address = suppressions.address AND o.id NOT IN (${doomed}))`,
      )
      .bind(ids),
    // Dead-lettered batches keep the others' ids, not theirs.
    db
      .prepare(
        `UPDATE dead_letters SET body = json_set(body, '$.subscriberIds', (
           SELECT json_group_array(b.value) FROM json_each(dead_letters.body, '$.subscriberIds') b
           WHERE b.value NOT IN (${doomed})))
         WHERE tenant_slug IN (SELECT tenant_slug FROM subscribers WHERE id IN (${doomed}))
           AND json_valid(body) AND EXISTS (
             SELECT 1 FROM json_each(dead_letters.body, '$.subscriberIds') b WHERE b.value IN (${doomed}))`,
      )
      .bind(ids),
    db.prepare(`DELETE FROM subscribers WHERE id IN (${doomed})`).bind(ids),
  ]
}
