import type { D1Database } from '@cloudflare/workers-types'
import type { TenantSettings } from '../../shared/contract'
import type { AccessPurpose } from '../db/schema/access'
import type { Env } from '../env'
import { type OpenedLink, openLink } from '../shards/links'
import { ensureSettled } from '../shards/map'
import { findTenant } from '../snapshot/tenant'
import { readAs } from '../web/reader'
import type { Ctx } from '../web/request'
import { loadResident } from './resident'
import type { Resident } from './rows'
import { findToken, type TokenGrant } from './tokens'

/** A resident's link opened in its shard, with what its token grants. */
export interface OpenedGrant extends OpenedLink {
  grant: TokenGrant
}

/**
 * The grant a link's path segment gives, found in the shard its prefix names (a forward left by a
 * move sends it on); null for a dead link. While the subscriber's tenant moves to another shard it
 * throws TenantMoving: nothing is read or written half-way.
 */
export async function openGrant(
  env: Env,
  segment: string,
  purposes: readonly AccessPurpose[],
  now: Date,
): Promise<OpenedGrant | null> {
  const link = await openLink(env, segment)
  const grant = link && (await findToken(link.db, link.token, purposes, now))
  if (!link || !grant) return null
  await ensureSettled(env, grant.tenantSlug)
  return { ...link, grant }
}

/** The pages a resident's link opens, read in their language among their town's (unless this device chose one). */
export async function readAsGranted(env: Env, grant: TokenGrant): Promise<void> {
  const tenant = await findTenant(env.DB, grant.tenantSlug)
  readAs(grant.language, tenant?.languages.offered)
}

export interface ManageAccess {
  /**
   * The link's path segment as it was opened (shard prefix and token, or a bare token sent before
   * shards): the pages render their links and forms with it, so they post back where they came from.
   */
  token: string
  /** The shard holding the resident: its number (the prefix of new links) and database. */
  shard: number
  db: D1Database
  resident: Resident
  tenant: TenantSettings
}

/**
 * The resident a manage link opens, with their tenant (settings from the main database); null for a
 * dead link. The pages it opens are read in the resident's language (unless this device chose one).
 */
export async function manageAccess(c: Ctx): Promise<ManageAccess | null> {
  const segment = c.req.param('token') ?? ''
  const opened = await openGrant(c.env, segment, ['manage'], new Date())
  const resident = opened && (await loadResident(opened.db, opened.grant.subscriberId))
  const tenant = resident && (await findTenant(c.env.DB, resident.subscriber.tenantSlug))
  if (!opened || !resident || !tenant) return null
  readAs(resident.subscriber.language, tenant.languages.offered)
  return { token: segment, shard: opened.shard, db: opened.db, resident, tenant }
}
