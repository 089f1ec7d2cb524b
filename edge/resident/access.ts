import type { D1Database } from '@cloudflare/workers-types'
import type { TenantSettings } from '../../shared/contract'
import { openLink } from '../shards/links'
import { ensureSettled } from '../shards/map'
import { findTenant } from '../snapshot/tenant'
import type { Ctx } from '../web/request'
import { loadResident } from './resident'
import type { Resident } from './rows'
import { findToken } from './tokens'

export interface ManageAccess {
  /** The link's path segment as opened (shard prefix and token, or a bare token sent before shards). */
  token: string
  /** The shard holding the resident: its number (the prefix of new links) and database. */
  shard: number
  db: D1Database
  resident: Resident
  tenant: TenantSettings
}

/** The resident a manage token opens, with their tenant; null for a dead link. */
export async function manageAccess(c: Ctx): Promise<ManageAccess | null> {
  const segment = c.req.param('token') ?? ''
  const link = await openLink(c.env, segment)
  if (!link) return null
  const grant = await findToken(link.db, link.token, ['manage'], new Date())
  const resident = grant && (await loadResident(link.db, grant.subscriberId))
  const tenant = resident && (await findTenant(c.env.DB, resident.subscriber.tenantSlug))
  if (!tenant || !resident) return null
  await ensureSettled(c.env, tenant.slug)
  return { token: segment, shard: link.shard, db: link.db, resident, tenant }
}
