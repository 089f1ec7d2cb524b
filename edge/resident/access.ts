import type { TenantSettings } from '../../shared/contract'
import { findTenant } from '../snapshot/tenant'
import type { Ctx } from '../web/request'
import { loadResident } from './resident'
import type { Resident } from './rows'
import { findToken } from './tokens'

export interface ManageAccess {
  token: string
  resident: Resident
  tenant: TenantSettings
}

/** The resident a manage token opens, with their tenant; null for a dead link. */
export async function manageAccess(c: Ctx): Promise<ManageAccess | null> {
  const token = c.req.param('token') ?? ''
  const grant = await findToken(c.env.DB, token, ['manage'], new Date())
  const resident = grant && (await loadResident(c.env.DB, grant.subscriberId))
  const tenant = resident && (await findTenant(c.env.DB, resident.subscriber.tenantSlug))
  return grant && resident && tenant ? { token, resident, tenant } : null
}
