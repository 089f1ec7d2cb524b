import type { Payload } from 'payload'
import { dashboardSlugs } from '../../cms/aggregates/dashboard-collections'
import { defaultAggregatesSlugs } from '../../cms/aggregates/plugin'
import { storeReport } from '../../cms/aggregates/receive'
import { sampleDaysSlug } from '../../cms/aggregates/sample-days'
import { defaultContentSlugs } from '../../cms/publish/content'
import { approvedSurveyDocs, surveysOf } from '../../cms/publish/surveys'
import { approvedTasks } from '../../cms/publish/tasks'
import { addDays } from '../../shared/calendar'
import type { Channel } from '../../shared/contract'
import { type SampleTown, sampleDays, sampleHistory } from '../history/sample-history'
import { loadSeedTenants } from '../tenants'

const { counts, forwards, flagged } = defaultAggregatesSlugs
const countCollections = [counts, forwards, flagged, ...Object.values(dashboardSlugs)]

export interface SampleHistorySummary {
  /** The towns given a month of sample counts now. */
  written: string[]
  /** The towns left alone: their month is already the sample, or an edge has reported for them. */
  kept: string[]
}

/**
 * The local seed's month of sample counts for the seeded towns' dashboards (seed/history), stored
 * through the CMS's own report storage and marked as sample data. Only a town no edge has
 * reported for gets it, and only when its last 30 days are not already the sample: a real day
 * is never overwritten, and a real report later replaces the sample of its days. Refused with
 * NODE_ENV=production.
 */
export async function seedSampleHistory(input: {
  payload: Payload
  /** Today in Tokyo: the sample covers the 30 days before it. */
  today: string
  log?: (line: string) => void
}): Promise<SampleHistorySummary> {
  const { payload, today } = input
  const log = input.log ?? (() => undefined)
  if (process.env.NODE_ENV === 'production') {
    log('サンプルの集計は本番環境では作りません / no sample counts with NODE_ENV=production')
    return { written: [], kept: [] }
  }
  const seeded = loadSeedTenants()
  const { docs } = await payload.find({
    collection: 'tenants',
    where: { slug: { in: seeded.map((t) => t.settings.slug) } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const window = Array.from({ length: sampleDays }, (_, i) => addDays(today, i - sampleDays))
  const summary: SampleHistorySummary = { written: [], kept: [] }
  const fresh: SampleTown[] = []
  for (const tenant of seeded) {
    const slug = tenant.settings.slug
    const doc = docs.find((d) => d.slug === slug)
    if (!doc) continue
    const marked = await payload.find({
      collection: sampleDaysSlug as 'tenants',
      where: { tenant: { equals: doc.id } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    const sampleDates = marked.docs.map((d) => String((d as { date?: unknown }).date))
    const current = window.every((date) => sampleDates.includes(date))
    if (current || (await reportedFor(payload, doc.id, sampleDates))) {
      summary.kept.push(slug)
      continue
    }
    fresh.push({
      slug,
      birthsPerYear: tenant.birthsPerYear,
      channels: Object.keys(tenant.settings.channels) as Channel[],
      languages: tenant.settings.languages.offered,
    })
  }
  if (fresh.length === 0) return summary
  const surveys = surveysOf(await approvedSurveyDocs(payload, defaultContentSlugs))
  // The national surveys and tasks as published, so the dashboard names them by their titles.
  const { tasks } = await approvedTasks(payload, defaultContentSlugs, null)
  const report = sampleHistory({ towns: fresh, surveys, tasks, today })
  const stored = await storeReport(
    {
      payload,
      countsSlug: counts,
      forwardsSlug: forwards,
      flaggedSlug: flagged,
      undecidedSlug: defaultAggregatesSlugs.undecided,
      tenantsSlug: defaultAggregatesSlugs.tenants,
    },
    report,
    { sample: true },
  )
  if (stored.status !== 200) throw new Error(`sample counts not stored: ${JSON.stringify(stored.body)}`)
  summary.written = fresh.map((town) => town.slug)
  log(
    `サンプルの集計 ${report.from}〜${report.to}（${stored.body.stored} 行） / sample counts: ${summary.written.join(', ')}`,
  )
  return summary
}

/** Whether any count of the tenant is on a day the sample did not write: an edge reported it. */
async function reportedFor(payload: Payload, tenant: number | string, sampleDates: string[]) {
  for (const collection of countCollections) {
    const found = await payload.find({
      collection: collection as 'tenants',
      where: {
        and: [
          { tenant: { equals: tenant } },
          ...(sampleDates.length > 0 ? [{ date: { not_in: sampleDates } }] : []),
        ],
      },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
    if (found.docs.length > 0) return true
  }
  return false
}
