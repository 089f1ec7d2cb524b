import type { Config, Endpoint, Plugin } from 'payload'
import { withAdminView } from '../plugin/adminView'
import { inboxEndpoints } from './inbox/endpoints'
import { messageFamilyEndpoint, replyConsultationEndpoint } from './messages/endpoints'

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
]

/** The workspace's actions, under /api/workspace/… */
const endpoints: Endpoint[] = [...inboxEndpoints, messageFamilyEndpoint, replyConsultationEndpoint]

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
      endpoints: [
        ...(withViews.endpoints ?? []),
        ...endpoints.map((e) => ({ ...e, path: `/workspace${e.path}` })),
      ],
    }
  }
