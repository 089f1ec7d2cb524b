// The roles and tenants of the person publishing, read from the user document the plugin's
// users collection holds (roles: string[], tenants: [{ tenant }]).

type Id = number | string

export interface Publisher {
  id: Id
  /** How the edge's activation history names them: the sign-in address. */
  name: string
  roles: string[]
  tenantIds: Id[]
}

const idOf = (value: unknown): Id =>
  value && typeof value === 'object' ? (value as { id: Id }).id : (value as Id)

export function publisherOf(user: unknown): Publisher | null {
  if (!user || typeof user !== 'object') return null
  const record = user as {
    id: Id
    email?: string
    roles?: unknown
    tenants?: { tenant: unknown }[] | null
  }
  return {
    id: record.id,
    name: record.email || `user ${record.id}`,
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

/** The publisher as the edge's activation history records them. */
export const actorOf = (who: Publisher) => ({ id: String(who.id).slice(0, 64), name: who.name.slice(0, 200) })
