import type { StaffRole } from '../../../shared/contract'
import { staffRolesOf } from '../../plugin/roles'

/** The role a staff user writes to families in: nurse when she is one, else desk (null: neither). */
export function writingRole(user: unknown): Extract<StaffRole, 'nurse' | 'desk'> | null {
  const held = staffRolesOf(user)
  return held.includes('nurse') ? 'nurse' : held.includes('desk') ? 'desk' : null
}

/**
 * The name a family sees a note signed with: her shownToFamilies name as she chose it; without one,
 * her role, never the name the CMS knows her by.
 */
export function authorNameOf(user: unknown, role: 'nurse' | 'desk'): string {
  const shown = (user as { shownToFamilies?: { name?: string | null } } | null)?.shownToFamilies?.name?.trim()
  if (shown) return shown
  return role === 'nurse' ? '担当保健師' : '子育て支援窓口'
}
