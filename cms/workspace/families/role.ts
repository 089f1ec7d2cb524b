import { staffRolesOf } from '../../plugin/roles'

/** The role a user works the families list in: nurse before desk; null for anyone else (the admin too). */
export function familiesRoleOf(user: unknown): 'nurse' | 'desk' | null {
  const held = staffRolesOf(user)
  if (held.includes('nurse')) return 'nurse'
  if (held.includes('desk')) return 'desk'
  return null
}
