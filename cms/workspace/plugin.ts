import type { Config, Endpoint, Plugin } from 'payload'
import { withAdminView } from '../plugin/adminView'
import { familiesEndpoints } from './families/endpoints'

/** One workspace screen: its admin path and its component, resolved from the import map's base (cms/). */
export interface WorkspaceView {
  key: string
  path: `/${string}`
  component: string
}

/** The workspace's screens, each in its own file beside this one. */
const views: WorkspaceView[] = [
  { key: 'families', path: '/families', component: '/workspace/families/FamiliesView#FamiliesView' },
]

/** The workspace's actions, under /api/workspace/… */
const endpoints: Endpoint[] = [...familiesEndpoints]

/**
 * The staff workspace (design.md "Staff workspace"): admin screens and endpoints for a town's
 * nurses, desk and privacy officer. Each asks the Worker's staff API server-side at request time
 * (askStaffApi); nothing about a resident is written to Postgres.
 */
export const workspacePlugin =
  (): Plugin =>
  (config: Config): Config => {
    const withViews = views.reduce(
      (current, view) => withAdminView(current, view.key, { path: view.path, Component: view.component }),
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
