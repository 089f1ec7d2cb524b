import type { StaffRole } from '../../../shared/contract'
import { staffRolesOf } from '../../plugin/roles'

/** The role a user works the inbox in: nurse when she is one, else desk; null for anyone else. */
export function inboxRoleOf(user: unknown): Extract<StaffRole, 'nurse' | 'desk'> | null {
  const held = staffRolesOf(user)
  if (held.includes('nurse')) return 'nurse'
  return held.includes('desk') ? 'desk' : null
}
