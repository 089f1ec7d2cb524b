import type { Payload } from 'payload'

export interface TownStaffMember {
  id: string
  name: string
}

/**
 * The town's nurses and desk staff, who may take a consultation: CMS users, by id and name only
 * (nothing about a resident is read or written here).
 */
export async function townStaff(payload: Payload, townId: number | string): Promise<TownStaffMember[]> {
  const found = await payload.find({
    collection: 'users',
    where: { and: [{ 'tenants.tenant': { equals: townId } }, { roles: { in: ['nurse', 'desk'] } }] },
    depth: 0,
    limit: 200,
    pagination: false,
    overrideAccess: true,
  })
  return (found.docs as unknown as { id: number | string; name?: string | null; email: string }[])
    .map((u) => ({ id: String(u.id), name: u.name || u.email }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ja'))
}
