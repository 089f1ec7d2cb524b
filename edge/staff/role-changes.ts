import type { StaffRoleChange, StaffRoleChangeAnswer } from '../../shared/contract'
import type { Env } from '../env'
import { tenantsByShard } from '../shards/map'
import { recordAccess } from './access-log'

const codes = (list: readonly string[]) => [...list].sort().join(',') || '-'

/** The change as codes: whose roles, old → new, and whether this town was joined, left or kept. */
function filterOf(change: StaffRoleChange, town: string): string {
  const was = change.before.tenants.includes(town)
  const is = change.after.tenants.includes(town)
  const membership = was && is ? 'kept' : is ? 'joined' : 'left'
  return `user=${change.user}&from=${codes(change.before.roles)}&to=${codes(change.after.roles)}&town=${membership}`
}

/**
 * A change of a CMS user's roles or towns, written to the access log of every town they belonged
 * to before or after (its own shard; a town not yet published, shard 1 as everywhere), as the
 * admin who made it. `moving`: a town is being moved between shards; nothing is written, and the
 * caller tries again.
 */
export async function recordRoleChange(
  env: Env,
  change: StaffRoleChange,
): Promise<StaffRoleChangeAnswer | 'moving'> {
  const towns = [...new Set([...change.before.tenants, ...change.after.tenants])].sort()
  const groups = await tenantsByShard(env, towns)
  if (groups.some((g) => g.moving.length > 0)) return 'moving'
  const logged: string[] = []
  for (const group of groups)
    for (const town of group.tenants) {
      await recordAccess(
        group.db,
        { sub: change.actor, role: 'admin' },
        { tenant: town, action: 'role-change', filter: filterOf(change, town), count: 1 },
        new Date(change.at),
      )
      logged.push(town)
    }
  return { logged: logged.sort() }
}
