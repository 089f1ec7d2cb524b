import { type DashboardViewServerProps, DefaultDashboard } from '@payloadcms/next/views'
import type { TypedUser } from 'payload'
import { DeskForwardsNotice } from '../aggregates/DeskForwardsNotice'
import { FlaggedDeliveriesNotice } from '../aggregates/FlaggedDeliveriesNotice'
import { RoleHome } from '../plugin/views/RoleHome'
import { DashboardBody } from './DashboardBody'
import { loadDashboard, seesDashboard } from './load'
import { periodFrom } from './period'
import { sectionsOf } from './sections'

/**
 * The admin's home. Municipal staff (their towns) and the national admin (every town, or one)
 * get the dashboard under their role's home panel and the notices of what waits; everyone else
 * Payload's default home (where those come first too, as beforeDashboard).
 */
export async function HomeView(
  props: DashboardViewServerProps & { slugs?: { forwards?: string; flagged?: string; undecided?: string } },
) {
  const { req } = props.initPageResult
  const user = req.user as TypedUser | null
  if (!seesDashboard(user) || !user) return <DefaultDashboard {...props} />
  const { payload } = req
  const data = await loadDashboard(payload, user, periodFrom(props.searchParams))
  const { admin, api } = payload.config.routes
  const undecided = props.slugs?.undecided ?? 'undecided-ages'
  // Called, not rendered as elements: their awaits happen here, and the page is plain markup.
  const [roleHome, forwards, flagged] = await Promise.all([
    RoleHome({ payload, user }),
    DeskForwardsNotice({
      payload,
      user,
      slug: props.slugs?.forwards ?? 'desk-forward-counts',
      undecidedSlug: undecided,
    }),
    FlaggedDeliveriesNotice({
      payload,
      user,
      slug: props.slugs?.flagged ?? 'flagged-delivery-counts',
      undecidedSlug: undecided,
    }),
  ])
  return (
    <div className="gutter--left gutter--right" style={{ paddingBottom: '2rem' }}>
      {roleHome}
      {forwards}
      {flagged}
      <h1>ダッシュボード / Dashboard</h1>
      <DashboardBody data={data} sections={sectionsOf(data)} admin={admin} api={api} />
    </div>
  )
}
