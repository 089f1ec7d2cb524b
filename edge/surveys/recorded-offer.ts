import type { D1Database } from '@cloudflare/workers-types'
import type { Survey, TenantSettings } from '../../shared/contract'
import { isPageToken } from '../../shared/links'
import { isPageDelivery } from '../resident/page-delivery'
import { hashToken } from '../resident/tokens'
import { readActiveManifest } from '../snapshot/active'
import { loadSnapshot } from '../snapshot/read'
import { surveysOf } from './offer'

/** The survey line a delivery carried: its row's survey columns. */
export interface RecordedOffer {
  deliveryId: string
  subscriberId: string
  tenantSlug: string
  surveyId: string
  surveyVersion: number
  manifestId: string
  reminder: number
}

/** A delivery's survey columns as a RecordedOffer, `d` naming the deliveries table. */
export const offerColumns = (d: string) =>
  `${d}.id AS deliveryId, ${d}.subscriber_id AS subscriberId, ${d}.tenant_slug AS tenantSlug,
   ${d}.survey_id AS surveyId, ${d}.survey_version AS surveyVersion, ${d}.manifest_id AS manifestId,
   ${d}.survey_reminder AS reminder`

/**
 * The offer a /q/ token names: the program delivery whose message page the same token opens, or,
 * for a survey link sent before the link became the page's (survey_links), the delivery it was
 * sent in. Null for a token we never gave out, or whose delivery carried no survey line.
 */
export async function offerOfToken(db: D1Database, token: string): Promise<RecordedOffer | null> {
  if (!isPageToken(token)) return null
  return db
    .prepare(
      `SELECT ${offerColumns('d')} FROM deliveries d WHERE ${isPageDelivery('d', '?1')} AND d.survey_id IS NOT NULL
       UNION ALL
       SELECT ${offerColumns('d')} FROM survey_links l JOIN deliveries d ON d.id = l.delivery_id
       WHERE l.token_hash = ?1 AND d.survey_id IS NOT NULL
       LIMIT 1`,
    )
    .bind(await hashToken(token))
    .first<RecordedOffer>()
}

/**
 * The survey as it was offered (`main`: the manifests are there): from the manifest the delivery was composed from, or, once that
 * manifest is pruned, from the active one while it still publishes the survey (perhaps edited).
 */
export async function surveyOfOffer(
  main: D1Database,
  offer: RecordedOffer,
): Promise<{ survey: Survey; tenant: TenantSettings } | null> {
  const active = await readActiveManifest(main)
  for (const id of [offer.manifestId, active?.manifestId]) {
    if (!id) continue
    const snapshot = await loadSnapshot(main, id)
    const tenant = snapshot?.tenants.get(offer.tenantSlug)
    if (!snapshot || !tenant) continue
    // The active manifest may hold a newer version of it (edited since): its questions are what is answered.
    const survey = surveysOf(tenant, snapshot.national).find(
      (s) => s.id === offer.surveyId && (id !== offer.manifestId || s.version === offer.surveyVersion),
    )
    if (survey) return { survey, tenant: tenant.tenant }
  }
  return null
}
