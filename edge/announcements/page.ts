import type { D1Database } from '@cloudflare/workers-types'
import type { Announcement, TenantSettings } from '../../shared/contract'
import type { Env } from '../env'
import { ensureStandingTokens, linkSecrets, standingToken } from '../resident/link-tokens'
import { hashToken } from '../resident/tokens'
import { linkSegment, openLink } from '../shards/links'
import { ensureSettled } from '../shards/map'
import { loadSnapshot } from '../snapshot/read'

/** An announcement delivery a /n/ token names, with what its page needs of the resident. */
export interface AnnouncementDelivery {
  id: string
  subscriberId: string
  tenantSlug: string
  manifestId: string | null
  announcementId: string | null
  language: string
  manageGeneration: number
}

/** Where the page is read: the manifests in main, the delivery and its resident in their shard. */
export interface OpenedAnnouncement {
  shard: number
  db: D1Database
  delivery: AnnouncementDelivery
}

/**
 * The announcement delivery a /n/ segment names, in the shard its prefix (or a forward left by a
 * move) points at; null for a link we never gave out. Its tenant must not be moving: the page
 * counts the open.
 */
export async function openAnnouncementDelivery(
  env: Env,
  segment: string,
): Promise<OpenedAnnouncement | null> {
  const link = await openLink(env, segment)
  if (!link || !/^[A-Za-z0-9_-]{22}$/.test(link.token)) return null
  const delivery = await link.db
    .prepare(
      `SELECT d.id, d.subscriber_id AS subscriberId, d.tenant_slug AS tenantSlug, d.manifest_id AS manifestId,
              d.announcement_id AS announcementId, s.language, s.manage_generation AS manageGeneration
       FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
       WHERE d.page_token_hash = ?1 AND d.kind = 'announcement'`,
    )
    .bind(await hashToken(link.token))
    .first<AnnouncementDelivery>()
  if (!delivery) return null
  await ensureSettled(env, delivery.tenantSlug)
  return { shard: link.shard, db: link.db, delivery }
}

/**
 * The announcement as the delivery sent it: from the delivery's manifest, never a later one (an
 * edit after sending is a new announcement). Null when that manifest is gone or lacks it.
 */
export async function sentAnnouncement(
  main: D1Database,
  delivery: AnnouncementDelivery,
): Promise<{ tenant: TenantSettings; announcement: Announcement } | null> {
  const snapshot = delivery.manifestId ? await loadSnapshot(main, delivery.manifestId) : null
  const part = snapshot?.tenants.get(delivery.tenantSlug)
  const announcement = part?.announcements?.find((a) => a.id === delivery.announcementId)
  return part && announcement ? { tenant: part.tenant, announcement } : null
}

/**
 * The resident's manage page, where non-urgent notices are turned off. While LINK_SECRET is being
 * rotated its hash under the new secret is stored first, so the link opens even before a message
 * has carried it.
 */
export async function manageUrl(env: Env, origin: string, opened: OpenedAnnouncement): Promise<string> {
  const { current, previous } = linkSecrets(env)
  const { subscriberId, manageGeneration } = opened.delivery
  if (previous)
    await (await ensureStandingTokens(opened.db, current, [subscriberId], ['manage'], new Date())).run()
  const token = await standingToken(current, subscriberId, 'manage', manageGeneration)
  return `${origin.replace(/\/$/, '')}/r/${linkSegment(opened.shard, token)}`
}
