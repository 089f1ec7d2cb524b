import type { Payload } from 'payload'
import type { SeedUser } from '../users'
import { type Counts, noCounts } from './counts'
import { differs } from './differs'
import { passwordMatches } from './password'

export type UserIds = Record<string, number | string>

/** Creates each seed user, or updates name, roles, tenant and password where they differ. */
export async function upsertUsers(
  payload: Payload,
  users: readonly SeedUser[],
  password: string,
  tenantIds: Record<string, number | string>,
): Promise<{ counts: Counts; ids: UserIds }> {
  const counts = noCounts()
  const ids: UserIds = {}
  // Hashing is slow on purpose (PBKDF2); the users are independent, so hash them side by side.
  await Promise.all(
    users.map(async (user) => {
      const data = {
        email: user.email,
        name: user.name,
        roles: user.roles,
        tenants: user.tenant ? [{ tenant: tenantIds[user.tenant] }] : [],
      }
      const found = await payload.find({
        collection: 'users',
        where: { email: { equals: user.email } },
        depth: 0,
        limit: 1,
        showHiddenFields: true,
        overrideAccess: true,
      })
      const existing = found.docs[0] as (Record<string, unknown> & { id: number | string }) | undefined
      if (!existing) {
        const created = await payload.create({
          collection: 'users',
          data: { ...data, password },
          overrideAccess: true,
          context: { seed: true },
        })
        ids[user.email] = created.id
        counts.created++
        return
      }
      ids[user.email] = existing.id
      const samePassword = await passwordMatches(password, existing)
      if (!differs(data, existing) && samePassword) {
        counts.unchanged++
        return
      }
      await payload.update({
        collection: 'users',
        id: existing.id,
        data: samePassword ? data : { ...data, password },
        overrideAccess: true,
        context: { seed: true },
      })
      counts.updated++
    }),
  )
  return { counts, ids }
}
