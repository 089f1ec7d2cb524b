import type { CollectionConfig, Config, Endpoint, Plugin } from 'payload'
import { withAdminView } from '../plugin/adminView'
import { counterEndpoints } from './counter/endpoint'
import { familiesEndpoints } from './families/endpoints'
import { markTaskDoneEndpoint } from './family/tasks-endpoint'
import { inboxEndpoints } from './inbox/endpoints'
import { messageFamilyEndpoint, replyConsultationEndpoint } from './messages/endpoints'
import { privacyEndpoints } from './privacy/endpoints'
import { roleChangeHook, roleRemovalHook } from './privacy/role-change-hook'

/** One workspace screen: its admin path and its component, resolved from the import map's base (cms/). */
export interface WorkspaceView {
  key: string
  path: `/${string}`
  component: string
  /** Only this path, not the paths under it (a family's page is not its guide). */
  exact?: boolean
}

/** The workspace's screens, each in its own file beside this one. */
const views: WorkspaceView[] = [
  { key: 'families', path: '/families', component: '/workspace/families/FamiliesView#FamiliesView' },
  { key: 'inbox', path: '/inbox', component: '/workspace/inbox/InboxView#InboxView' },
  {
    key: 'familyGuide',
    path: '/family/:household/guide',
    component: '/workspace/family/GuideView#GuideView',
    exact: true,
  },
  {
    key: 'family',
    path: '/family/:household',
    component: '/workspace/family/FamilyView#FamilyView',
    exact: true,
  },
  { key: 'accessLog', path: '/access-log', component: '/workspace/privacy/AccessLogView#AccessLogView' },
  {
    key: 'counterRegistration',
    path: '/counter-registration',
    component: '/workspace/counter/CounterRegistrationView#CounterRegistrationView',
  },
]

/** The workspace's actions, under /api/workspace/… */
const endpoints: Endpoint[] = [
  ...familiesEndpoints,
  ...inboxEndpoints,
  messageFamilyEndpoint,
  replyConsultationEndpoint,
  markTaskDoneEndpoint,
  ...privacyEndpoints,
  ...counterEndpoints,
]

/** On the dashboard, for nurses and the desk: the towns' losses reported and not yet looked at. */
const dashboardNotices = ['/workspace/notices/StaffNotices#StaffNotices']

/** The users collection tells each affected town's access log of a change of roles or towns (a deletion too). */
const withRoleChangeLog = (collection: CollectionConfig): CollectionConfig =>
  collection.slug === 'users'
    ? {
        ...collection,
        hooks: {
          ...collection.hooks,
          afterChange: [...(collection.hooks?.afterChange ?? []), roleChangeHook()],
          afterDelete: [...(collection.hooks?.afterDelete ?? []), roleRemovalHook()],
        },
      }
    : collection

/**
 * The staff workspace (design.md "Staff workspace"): admin screens and endpoints for a town's
 * nurses, desk and privacy officer. Each asks the Worker's staff API server-side at request time
 * (askStaffApi); nothing about a resident is written to Postgres.
 */
export const workspacePlugin =
  (): Plugin =>
  (config: Config): Config => {
    const withViews = views.reduce(
      (current, view) =>
        withAdminView(current, view.key, { path: view.path, Component: view.component, exact: view.exact }),
      config,
    )
    return {
      ...withViews,
      admin: {
        ...withViews.admin,
        components: {
          ...withViews.admin?.components,
          beforeDashboard: [...(withViews.admin?.components?.beforeDashboard ?? []), ...dashboardNotices],
        },
      },
      collections: (withViews.collections ?? []).map(withRoleChangeLog),
      endpoints: [
        ...(withViews.endpoints ?? []),
        ...endpoints.map((e) => ({ ...e, path: `/workspace${e.path}` })),
      ],
    }
  }
