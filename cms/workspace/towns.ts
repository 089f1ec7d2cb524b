import type { Payload } from 'payload'
import { tenantIdsOf } from '../plugin/roles'

export interface Town {
  id: number | string
  slug: string
  name: string
}

/** The towns a staff user belongs to, with their slugs (the staff API names towns by slug). */
export async function townsOf(payload: Payload, user: unknown, tenantsSlug = 'tenants'): Promise<Town[]> {
  const ids = tenantIdsOf(user)
  if (ids.length === 0) return []
  const found = await payload.find({
    collection: tenantsSlug as 'tenants',
    where: { id: { in: ids } },
    depth: 0,
    limit: ids.length,
    pagination: false,
    overrideAccess: true,
  })
  return (found.docs as unknown as { id: number | string; slug: string; name: string }[])
    .map(({ id, slug, name }) => ({ id, slug, name }))
    .sort((a, b) => a.slug.localeCompare(b.slug))
}
