import type { MultiTenantPluginConfig } from '@payloadcms/plugin-multi-tenant/types'
import type { CollectionConfig } from 'payload'
import type { Program } from '../../shared/program'
import type { YorisoiSlugs } from './slugs'

export type YorisoiPluginOptions = {
  /** Keep the collections (so the schema stays) but skip hooks and access rules. Default true. */
  enabled?: boolean
  slugs?: Partial<YorisoiSlugs>
  /** Programs a tenant can choose; message slots must belong to at least one. */
  programs?: Record<string, Program>
  /** Content languages offered to editors; the first is the source language. */
  languages?: readonly string[]
  /** Spread last over each collection the plugin builds. */
  overrides?: { [K in keyof YorisoiSlugs]?: Partial<CollectionConfig> }
  /** Passed to @payloadcms/plugin-multi-tenant after the plugin's own settings. */
  multiTenant?: Partial<MultiTenantPluginConfig>
}

export type ResolvedOptions = {
  enabled: boolean
  slugs: YorisoiSlugs
  programs: Record<string, Program>
  languages: readonly string[]
  overrides: NonNullable<YorisoiPluginOptions['overrides']>
  multiTenant: Partial<MultiTenantPluginConfig>
}
