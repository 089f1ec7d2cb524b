export const roles = ['admin', 'editor', 'medical-supervisor', 'municipal-staff', 'viewer'] as const
export type Role = (typeof roles)[number]

export const roleLabels: Record<Role, { ja: string; en: string }> = {
  admin: { ja: '管理者', en: 'Administrator' },
  editor: { ja: '編集者', en: 'Editor' },
  'medical-supervisor': { ja: '医療監修者', en: 'Medical supervisor' },
  'municipal-staff': { ja: '自治体職員', en: 'Municipal staff' },
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

/** Whether a signed-in user works across every tenant: everyone but municipal staff (admins always). */
export function seesEveryTenant(user: unknown): boolean {
  return Boolean(user) && (hasRole(user, 'admin') || !hasRole(user, 'municipal-staff'))
}

/** The ids of the tenants a municipal staff member belongs to. */
export function tenantIdsOf(user: unknown): (number | string)[] {
  const rows = (user as Actor | null | undefined)?.tenants ?? []
  return rows.map((row) => (typeof row.tenant === 'object' ? row.tenant.id : row.tenant))
}
