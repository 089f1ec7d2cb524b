import type { Context } from 'hono'
import type { TenantSettings } from '../../shared/contract'
import type { Env } from '../env'
import { findTenant } from '../snapshot/tenant'
import { linkNotValidPage } from '../web/notice'
import { loadResident, type Resident } from './resident'
import { findToken } from './tokens'

export type Ctx = Context<{ Bindings: Env }>

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

/** The posted form's text fields (a file or a missing field reads as ''). */
export async function formText(c: Ctx): Promise<Record<string, string>> {
  const body = await c.req.parseBody()
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : '']))
}

export const deadLink = (c: Ctx) => c.html(linkNotValidPage(), 404)
