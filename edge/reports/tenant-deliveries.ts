/**
 * A tenant's deliveries of a period without a (tenant, date) index, which would cost every
 * delivery a row written: the tenant's residents (subscribers_tenant) and those who left it for
 * another town in this shard or stopped (their withdrawn consent, consents_withdrawn), then each
 * one's deliveries of the period through their own (subscriber, date) key. As SQL to open a
 * statement with: `WITH … SELECT … FROM tenant_residents r CROSS JOIN deliveries d ON d.subscriber_id
 * = r.id …` (CROSS JOIN keeps residents first); the tenant is ?1. Every delivery of the tenant is
 * found once, and a resident who moved is counted under the town each delivery was for
 * (d.tenant_slug), never under their new one.
 */
export const tenantResidents = `WITH tenant_residents (id) AS (
  SELECT id FROM subscribers WHERE tenant_slug = ?1
  UNION SELECT subscriber_id FROM consents WHERE tenant_slug = ?1 AND withdrawn_at IS NOT NULL)`
