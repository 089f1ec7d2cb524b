import { z } from 'zod'
import { daysBetween } from '../../shared/calendar'
import { bilingual, civilDate } from '../../shared/contract'
import type { Env } from '../env'
import { tenantsByShard } from '../shards/map'
import { activeTimeZones, buildAggregatesReport } from './aggregates'

/** The longest period one request rebuilds: the command splits a longer one. */
export const resendMaxDays = 31

export const resendBody = z
  .object({ from: civilDate, to: civilDate })
  .refine((p) => p.from <= p.to, {
    path: ['to'],
    error: bilingual('期間の終わりが始まりより前です', 'The period ends before it starts'),
  })
  .refine((p) => daysBetween(p.from, p.to) < resendMaxDays, {
    path: ['to'],
    error: bilingual(`期間は ${resendMaxDays} 日までです`, `A period is at most ${resendMaxDays} days`),
  })

export type ShardResend = { shard: number; tenants: number; status: number | null; error: string | null }

/**
 * The counts of a period the edge still holds, sent to the CMS again: one report per shard with
 * its own tenants (every tenant of the active snapshot), as the daily report is, so the CMS
 * replaces just those (tenant, day)s. Not recorded in aggregate_reports: the daily report goes on
 * as before.
 */
export async function resendReports(
  env: Env,
  period: { from: string; to: string; now: Date; fetcher?: typeof fetch },
): Promise<{ outcome: 'not-configured' } | { outcome: 'sent' | 'failed'; shards: ShardResend[] }> {
  const url = env.CMS_AGGREGATES_URL
  const token = env.AGGREGATES_TOKEN
  if (!url || !token) return { outcome: 'not-configured' }
  const timeZones = await activeTimeZones(env.DB)
  const shards: ShardResend[] = []
  for (const group of await tenantsByShard(env, [...timeZones.keys()])) {
    if (group.tenants.length === 0) continue
    let status: number | null = null
    let error: string | null = null
    try {
      const report = await buildAggregatesReport(group.db, { ...period, tenants: group.tenants, timeZones })
      const response = await (period.fetcher ?? fetch)(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(report),
      })
      status = response.status
      if (!response.ok) error = (await response.text()).slice(0, 300)
    } catch (e) {
      error = e instanceof Error ? e.message : String(e)
    }
    shards.push({ shard: group.shard, tenants: group.tenants.length, status, error })
  }
  return { outcome: shards.some((s) => s.error !== null) ? 'failed' : 'sent', shards }
}
