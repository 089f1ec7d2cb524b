import type { Config, Plugin } from 'payload'
import { csvEndpoint, reportEndpoint } from './endpoints'

/**
 * The dashboard (issue 16): the admin's home for municipal staff and the national admin
 * (HomeView; others keep Payload's home), a CSV of each of its tables and the A4 print report.
 */
export const dashboardPlugin =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    admin: {
      ...config.admin,
      components: {
        ...config.admin?.components,
        views: {
          ...config.admin?.components?.views,
          // Resolved from the import map's base directory (cms/).
          dashboard: { Component: '/dashboard/HomeView#HomeView' },
        },
      },
    },
    endpoints: [...(config.endpoints ?? []), csvEndpoint, reportEndpoint],
  })
