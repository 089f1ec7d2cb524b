import type { AdminViewConfig, Config } from 'payload'

/** The config with one more admin view; a plugin adds its own screen through this. */
export function withAdminView(config: Config, key: string, view: AdminViewConfig): Config {
  return {
    ...config,
    admin: {
      ...config.admin,
      components: {
        ...config.admin?.components,
        views: { ...config.admin?.components?.views, [key]: view },
      },
    },
  }
}
