import type { D1Database } from '@cloudflare/workers-types'
import type { Survey, TenantSettings } from '../../shared/contract'
import { derivedAs, type LinkSecrets, surveyToken } from '../resident/link-tokens'
import { surveyUrl } from '../resident/survey-link'
import { hashToken } from '../resident/tokens'
import { readActiveManifest } from '../snapshot/active'
import { loadSnapshot } from '../snapshot/read'
import { surveysOf } from './offer'

export interface RecordedOffer {
  deliveryId: string
  subscriberId: string
  tenantSlug: string
  surveyId: string
  surveyVersion: number
  manifestId: string
  reminder: number
  /** The hash of the survey link's token (survey_invitations.token_hash). */
  tokenHash: string
}

const columns = `delivery_id AS deliveryId, subscriber_id AS subscriberId, tenant_slug AS tenantSlug,
  survey_id AS surveyId, survey_version AS surveyVersion, manifest_id AS manifestId, reminder,
  token_hash AS tokenHash`

/** The survey line a delivery carried, if it carried one. */
export function offerOfDelivery(db: D1Database, deliveryId: string): Promise<RecordedOffer | null> {
  return db
    .prepare(`SELECT ${columns} FROM survey_invitations WHERE delivery_id = ?1`)
    .bind(deliveryId)
    .first<RecordedOffer>()
}

/** The offer a /q/ token names, or null for a token we never gave out. */
export async function offerOfToken(db: D1Database, token: string): Promise<RecordedOffer | null> {
  if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return null
  return db
    .prepare(`SELECT ${columns} FROM survey_invitations WHERE token_hash = ?1`)
    .bind(await hashToken(token))
    .first<RecordedOffer>()
}

/**
 * The survey link of a delivery, rebuilt as it was sent — under the secret it was made with, the
 * current LINK_SECRET or, while rotating, the previous — with the prefix of the resident's shard
 * when given (a link without one opens in shard 1). Null when no secret at hand makes it.
 */
export async function offerUrl(
  origin: string,
  secrets: LinkSecrets,
  /** The delivery's idempotency key, from which its survey token is derived (not its id). */
  deliveryKey: string,
  offer: Pick<RecordedOffer, 'tokenHash'>,
  shard?: number,
): Promise<string | null> {
  const token = await derivedAs(secrets, (secret) => surveyToken(secret, deliveryKey), offer.tokenHash)
  return token && surveyUrl(origin, token, shard)
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
