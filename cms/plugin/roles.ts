export const roles = [
  'admin',
  'editor',
  'medical-supervisor',
  'municipal-staff',
  'nurse',
  'desk',
  'privacy-officer',
  'viewer',
] as const
export type Role = (typeof roles)[number]

export const roleLabels: Record<Role, { ja: string; en: string }> = {
  admin: { ja: '管理者', en: 'Administrator' },
  editor: { ja: '編集者', en: 'Editor' },
  'medical-supervisor': { ja: '医療監修者', en: 'Medical supervisor' },
  'municipal-staff': { ja: '自治体職員', en: 'Municipal staff' },
  nurse: { ja: '保健師', en: 'Public-health nurse' },
  desk: { ja: '子育て窓口', en: 'Child-rearing desk' },
  'privacy-officer': { ja: '個人情報保護担当', en: 'Privacy officer' },
  viewer: { ja: '閲覧者', en: 'Viewer' },
}

/** The shape of a logged-in user as access functions see it (roles are saved to the JWT). */
export type Actor = {
  id: number | string
  collection?: string
  roles?: Role[] | null
  tenants?: { tenant: number | string | { id: number | string } }[] | null
}

export function hasRole(user: unknown, ...wanted: Role[]): boolean {
  const held = (user as Actor | null | undefined)?.roles ?? []
  return wanted.some((role) => held.includes(role))
}

/**
 * The staff workspace's roles: they act for households through the Worker's staff API, only for
 * the user's own towns. The system admin never holds one (deny by default).
 */
export const staffRoles = ['nurse', 'desk', 'privacy-officer'] as const
export type StaffRole = (typeof staffRoles)[number]

/** Roles that belong to one or more towns: the user sees only those towns. */
const townRoles: readonly Role[] = ['municipal-staff', ...staffRoles]

/** Whether a signed-in user works across every tenant: everyone but a town's people (admins always). */
export function seesEveryTenant(user: unknown): boolean {
  return Boolean(user) && (hasRole(user, 'admin') || !hasRole(user, ...townRoles))
}

/** The staff roles a user holds (none for an admin, whatever was saved). */
export function staffRolesOf(user: unknown): StaffRole[] {
  if (hasRole(user, 'admin')) return []
  const held = (user as Actor | null | undefined)?.roles ?? []
  return staffRoles.filter((role) => held.includes(role))
}

/** The ids of the tenants a municipal staff member belongs to. */
export function tenantIdsOf(user: unknown): (number | string)[] {
  const rows = (user as Actor | null | undefined)?.tenants ?? []
  return rows.map((row) => (typeof row.tenant === 'object' ? row.tenant.id : row.tenant))
}
