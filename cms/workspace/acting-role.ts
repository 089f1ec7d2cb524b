import type { StaffRole } from '../../shared/contract'
import { staffRolesOf } from '../plugin/roles'

/** The role a user acts in for a screen that some staff roles may use: their first such role, or null. */
export function actingRole(user: unknown, allowed: readonly StaffRole[]): StaffRole | null {
  return staffRolesOf(user).find((role) => allowed.includes(role)) ?? null
}
