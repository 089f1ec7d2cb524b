import type { D1Database } from '@cloudflare/workers-types'
import type { Env } from '../env'
import { allShards } from '../shards/databases'
import { tenantsByShard } from '../shards/map'
import { forwardInterview } from './interview'
import { offerColumns, type RecordedOffer, surveyOfOffer } from './recorded-offer'

/** Interview requests retried per tick and shard; the form itself makes the first attempt. */
const retryBatch = 20
const firstRetryAfterMs = 5 * 60_000

/** Interview requests the form could not hand to the desk, in every shard (see retryShardInterviews). */
export async function retryPendingInterviews(env: Env, now: Date): Promise<number> {
  let sent = 0
  for (const shard of allShards(env)) sent += await retryShardInterviews(env, shard, now)
  return sent
}

/**
 * One shard's interview requests the form could not hand to the desk: again, each tick, until
 * taken. Only those of tenants settled in this shard; a tenant whose residents are moving waits.
 * The survey comes from the manifests in main, the request from the shard.
 */
export async function retryShardInterviews(
  env: Env,
  shard: { shard: number; db: D1Database },
  now: Date,
): Promise<number> {
  const { results } = await shard.db
    .prepare(
      `SELECT r.id AS responseId, ${offerColumns('d')}
       FROM survey_responses r JOIN deliveries d ON d.id = r.delivery_id AND d.survey_id IS NOT NULL
       WHERE r.interview_state = 'pending' AND r.created_at < ?1 ORDER BY r.created_at LIMIT ?2`,
    )
    .bind(new Date(now.getTime() - firstRetryAfterMs).toISOString(), retryBatch)
    .all<RecordedOffer & { responseId: string }>()
  if (results.length === 0) return 0
  const groups = await tenantsByShard(env, [...new Set(results.map((r) => r.tenantSlug))])
  const settled = new Set(groups.find((g) => g.shard === shard.shard)?.tenants)
  let sent = 0
  for (const { responseId, ...offer } of results) {
    if (!settled.has(offer.tenantSlug)) continue
    const offered = await surveyOfOffer(env.DB, offer)
    if (offered && (await forwardInterview(env, { responseId, ...offered })) === 'sent') sent++
  }
  return sent
}
