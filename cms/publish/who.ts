// The roles and tenants of the person publishing, read from the user document the plugin's
// users collection holds (roles: string[], tenants: [{ tenant }]).

type Id = number | string

export interface Publisher {
  id: Id
  roles: string[]
  tenantIds: Id[]
}

const idOf = (value: unknown): Id =>
  value && typeof value === 'object' ? (value as { id: Id }).id : (value as Id)

export function publisherOf(user: unknown): Publisher | null {
  if (!user || typeof user !== 'object') return null
  const record = user as { id: Id; roles?: unknown; tenants?: { tenant: unknown }[] | null }
  return {
    id: record.id,
    roles: Array.isArray(record.roles) ? record.roles.map(String) : [],
    tenantIds: (record.tenants ?? []).map((row) => idOf(row.tenant)),
  }
}

/** Editors and admins publish the national part and may roll back; nobody else. */
export function mayPublishNational(who: Publisher): boolean {
  return who.roles.includes('admin') || who.roles.includes('editor')
}

/** Admins publish any tenant; municipal staff only a tenant they belong to. */
export function mayPublishTenant(who: Publisher, tenantId: Id): boolean {
  if (who.roles.includes('admin')) return true
  return who.roles.includes('municipal-staff') && who.tenantIds.some((id) => String(id) === String(tenantId))
}
