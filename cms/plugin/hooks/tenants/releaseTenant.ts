import type { CollectionBeforeDeleteHook } from 'payload'
import type { YorisoiSlugs } from '../../slugs'

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/**
 * Deleting a municipality takes its own entries and surveys with it and removes it from its
 * staff's memberships first (the database would refuse otherwise).
 */
export const releaseTenant =
  (slugs: YorisoiSlugs): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    const members = await req.payload.find({
      collection: slugs.users,
      where: { 'tenants.tenant': { equals: id } },
      depth: 0,
      pagination: false,
      req,
      overrideAccess: true,
    })
    for (const user of members.docs) {
      const rows = ((user as { tenants?: { tenant: unknown }[] }).tenants ?? []).filter(
        (row) => String(idOf(row.tenant)) !== String(id),
      )
      await req.payload.update({
        collection: slugs.users,
        id: user.id,
        data: { tenants: rows.map((row) => ({ tenant: idOf(row.tenant) })) },
        req,
        overrideAccess: true,
      })
    }
    for (const collection of [slugs.localSupport, slugs.surveys]) {
      await req.payload.delete({ collection, where: { tenant: { equals: id } }, req, overrideAccess: true })
    }
  }
