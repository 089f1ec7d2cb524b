import type { Payload } from 'payload'

/** A nurse of the town as the families list offers her, and as the family will be shown her. */
export interface TownNurse {
  user: string
  name: string
  contact: string | null
  email: string
}

interface UserDoc {
  id: number | string
  email: string
  name?: string | null
  roles?: string[] | null
  shownToFamilies?: { name?: string | null; contact?: string | null } | null
}

/**
 * The Payload users with the nurse role in this town (not the admin: it never holds one), each
 * with the name and contact she chose to show families, falling back to her name.
 */
export async function nursesOf(
  payload: Payload,
  townId: number | string,
  usersSlug = 'users',
): Promise<TownNurse[]> {
  const found = await payload.find({
    collection: usersSlug as 'users',
    where: { and: [{ roles: { in: ['nurse'] } }, { 'tenants.tenant': { equals: townId } }] },
    depth: 0,
    limit: 500,
    pagination: false,
    overrideAccess: true,
    sort: 'email',
  })
  return (found.docs as unknown as UserDoc[])
    .filter((doc) => doc.roles?.includes('nurse') && !doc.roles.includes('admin'))
    .map((doc) => ({
      user: String(doc.id),
      name: doc.shownToFamilies?.name || doc.name || doc.email,
      contact: doc.shownToFamilies?.contact || null,
      email: doc.email,
    }))
}
