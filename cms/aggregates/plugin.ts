import type { CollectionConfig, Config, Plugin } from 'payload'
import { serverCode, systemOwned } from '../plugin/access/systemOwned'
import { label } from '../plugin/i18n'
import { surveyAnswerCountsCollection } from './collection'
import { type DashboardList, dashboardCountsCollection, dashboardSlugs } from './dashboard-collections'
import { flaggedDeliveryCountsCollection } from './flagged-collection'
import { deskForwardCountsCollection } from './forward-collection'
import { receiveReport } from './receive'
import { sampleDaysCollection } from './sample-days'
import { undecidedAgesCollection } from './undecided-collection'

export interface AggregatesPluginOptions {
  /** The token the edge presents; YORISOI_AGGREGATES_TOKEN by default. */
  token?: () => string
  slugs?: { counts?: string; forwards?: string; flagged?: string; undecided?: string; tenants?: string }
}

/**
 * The dashboard's raw rows in their own group of the navigation, after the collections people
 * write in: a town's staff read them on the dashboard, and the list is there to check one figure.
 */
const inCountsGroup = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  admin: {
    ...collection.admin,
    group: label('集計（ダッシュボードの元データ）', 'Counts (the dashboard’s data)'),
  },
})

/**
 * The survey answer counts, undelivered consultation counts and flagged delivery counts
 * collections, the dashboard's count collections (cms/aggregates/dashboard-collections.ts), how long the oldest of the latter two has waited, a dashboard notice of each of
 * those two kinds (with that age), and the edge's way in: POST /api/{counts}/report with
 * `Authorization: Bearer <YORISOI_AGGREGATES_TOKEN>` and the contract's aggregatesReport.
 */
/** The collections' slugs unless the options name others. */
export const defaultAggregatesSlugs = {
  counts: 'survey-answer-counts',
  forwards: 'desk-forward-counts',
  flagged: 'flagged-delivery-counts',
  undecided: 'undecided-ages',
  tenants: 'tenants',
} as const

export const aggregatesPlugin =
  (options: AggregatesPluginOptions = {}): Plugin =>
  (config: Config): Config => {
    const countsSlug = options.slugs?.counts ?? defaultAggregatesSlugs.counts
    const forwardsSlug = options.slugs?.forwards ?? defaultAggregatesSlugs.forwards
    const flaggedSlug = options.slugs?.flagged ?? defaultAggregatesSlugs.flagged
    const undecidedSlug = options.slugs?.undecided ?? defaultAggregatesSlugs.undecided
    const tenantsSlug = options.slugs?.tenants ?? defaultAggregatesSlugs.tenants
    const token = options.token ?? (() => process.env.YORISOI_AGGREGATES_TOKEN ?? '')
    const collection = surveyAnswerCountsCollection(countsSlug, tenantsSlug)
    return {
      ...config,
      admin: {
        ...config.admin,
        components: {
          ...config.admin?.components,
          beforeDashboard: [
            ...(config.admin?.components?.beforeDashboard ?? []),
            // Paths resolve from the import map's base directory (cms/).
            {
              path: '/aggregates/DeskForwardsNotice#DeskForwardsNotice',
              serverProps: { slug: forwardsSlug, undecidedSlug },
            },
            {
              path: '/aggregates/FlaggedDeliveriesNotice#FlaggedDeliveriesNotice',
              serverProps: { slug: flaggedSlug, undecidedSlug },
            },
          ],
        },
      },
      collections: [
        ...(config.collections ?? []),
        // Every count is the edge report's (receiveReport, server code): nobody writes one.
        ...(
          [
            systemOwned(deskForwardCountsCollection(forwardsSlug, tenantsSlug), 'all', serverCode),
            systemOwned(flaggedDeliveryCountsCollection(flaggedSlug, tenantsSlug), 'all', serverCode),
            systemOwned(undecidedAgesCollection(undecidedSlug, tenantsSlug), 'all', serverCode),
            systemOwned(sampleDaysCollection(tenantsSlug), 'all', serverCode),
            ...Object.keys(dashboardSlugs).map((list) =>
              systemOwned(dashboardCountsCollection(list as DashboardList, tenantsSlug), 'all', serverCode),
            ),
            {
              ...systemOwned(collection, 'all', serverCode),
              endpoints: [
                {
                  path: '/report',
                  method: 'post',
                  handler: async (req) => {
                    let body: unknown = null
                    try {
                      body = await req.json?.()
                    } catch {
                      body = null
                    }
                    const received = await receiveReport(
                      {
                        payload: req.payload,
                        countsSlug,
                        forwardsSlug,
                        flaggedSlug,
                        undecidedSlug,
                        tenantsSlug,
                        token: token(),
                      },
                      { authorization: req.headers.get('authorization'), body },
                    )
                    return Response.json(received.body, { status: received.status })
                  },
                },
              ],
            },
          ] satisfies CollectionConfig[]
        ).map(inCountsGroup),
      ],
    }
  }
