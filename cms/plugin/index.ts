import { multiTenantPlugin } from '@payloadcms/plugin-multi-tenant'
import type { CollectionConfig, Config, Plugin } from 'payload'
import { adminOnlyField } from './access/index'
import { approvedMessageVersionsCollection } from './collections/approvedMessageVersions'
import { localSupportCollection } from './collections/localSupport'
import { messageHistoryCollection } from './collections/messageHistory'
import { messagesCollection } from './collections/messages'
import { surveysCollection } from './collections/surveys'
import { tenantsCollection } from './collections/tenants'
import { usersCollection } from './collections/users'
import { resolveOptions } from './defaults'
import { seesEveryTenant } from './roles'
import type { YorisoiSlugs } from './slugs'
import { nameUserTenants } from './tenantsFieldWords'
import type { YorisoiPluginOptions } from './types'

export type { Role } from './roles'
export { roles } from './roles'
export type { YorisoiSlugs } from './slugs'
export type { YorisoiPluginOptions } from './types'

// Admin component paths are resolved from the app's import map base directory (cms/).
const viewsPath = '/plugin/views'

/**
 * yorisoi's editorial CMS as a Payload plugin: users with roles, tenants, messages with medical
 * review, approved versions, review history, tenant-scoped local support and surveys.
 */
export const yorisoiPlugin =
  (pluginOptions: YorisoiPluginOptions = {}): Plugin =>
  async (incoming: Config): Promise<Config> => {
    const options = resolveOptions(pluginOptions)
    const { slugs } = options
    const built: Record<keyof YorisoiSlugs, CollectionConfig> = {
      users: usersCollection(slugs.users),
      tenants: tenantsCollection(options),
      messages: messagesCollection(options),
      approvedMessageVersions: approvedMessageVersionsCollection(options),
      messageHistory: messageHistoryCollection(options),
      localSupport: localSupportCollection(options),
      surveys: surveysCollection(options),
    }
    const ours = (Object.keys(built) as (keyof YorisoiSlugs)[]).map((key) => ({
      ...built[key],
      ...options.overrides[key],
    }))
    const existing = (incoming.collections ?? []).filter((c) => !ours.some((o) => o.slug === c.slug))

    const viewProps = { slugs, programs: options.programs, languages: options.languages }
    const config: Config = {
      ...incoming,
      admin: {
        ...incoming.admin,
        user: incoming.admin?.user ?? slugs.users,
        components: {
          ...incoming.admin?.components,
          // The navigation open at 1280 px, as above 1440 px (Payload closes it at laptop widths).
          providers: [
            ...(incoming.admin?.components?.providers ?? []),
            `${viewsPath}/NavOpenOnLaptops#NavOpenOnLaptops`,
          ],
          beforeNavLinks: [
            ...(incoming.admin?.components?.beforeNavLinks ?? []),
            `${viewsPath}/NavLinks#NavLinks`,
          ],
          // First on the dashboard: each role's home (what waits, which screens are theirs).
          beforeDashboard: [
            { path: `${viewsPath}/RoleHome#RoleHome`, serverProps: { messagesSlug: slugs.messages } },
            ...(incoming.admin?.components?.beforeDashboard ?? []),
          ],
          views: {
            ...incoming.admin?.components?.views,
            reviewQueue: {
              path: '/review-queue',
              Component: { path: `${viewsPath}/ReviewQueueView#ReviewQueueView`, serverProps: viewProps },
            },
            coverage: {
              path: '/coverage',
              Component: { path: `${viewsPath}/CoverageView#CoverageView`, serverProps: viewProps },
            },
          },
        },
      },
      collections: [...existing, ...ours],
    }

    const withTenants = await multiTenantPlugin({
      tenantsSlug: slugs.tenants,
      collections: { [slugs.localSupport]: {} },
      // Staff are held to their own tenants; every other role works across all of them.
      userHasAccessToAllTenants: seesEveryTenant,
      tenantsArrayField: {
        includeDefaultField: true,
        arrayFieldAccess: { create: adminOnlyField, update: adminOnlyField },
      },
      // Staff say 自治体 / municipality, never テナント / tenant.
      i18n: {
        translations: {
          ja: {
            'assign-tenant-button-label': '自治体を割り当てる',
            'field-assignedTenant-label': '自治体',
            'nav-tenantSelector-label': '自治体で絞り込む',
          },
          en: {
            'assign-tenant-button-label': 'Assign a municipality',
            'field-assignedTenant-label': 'Municipality',
            'nav-tenantSelector-label': 'Filter by municipality',
          },
        },
      },
      enabled: options.enabled,
      ...options.multiTenant,
    })(config)
    return nameUserTenants(withTenants, slugs.users)
  }
