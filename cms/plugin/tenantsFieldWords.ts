import type { Config, Field } from 'payload'
import { label } from './i18n'

/**
 * The multi-tenant plugin adds a user's towns as an array without a heading, so Payload shows its
 * name, "Tenants", on a Japanese screen. Same field, same columns: only its words are added.
 */
export function nameUserTenants(config: Config, usersSlug: string): Config {
  const named = (field: Field): Field =>
    field.type === 'array' && field.name === 'tenants'
      ? {
          ...field,
          label: label('担当する自治体', 'Municipalities'),
          labels: { singular: label('自治体', 'Municipality'), plural: label('自治体', 'Municipalities') },
          fields: field.fields.map((row) =>
            row.type === 'relationship' && row.name === 'tenant'
              ? { ...row, label: label('自治体', 'Municipality') }
              : row,
          ),
        }
      : field
  return {
    ...config,
    collections: (config.collections ?? []).map((collection) =>
      collection.slug === usersSlug ? { ...collection, fields: collection.fields.map(named) } : collection,
    ),
  }
}
