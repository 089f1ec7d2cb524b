import type { D1Database } from '@cloudflare/workers-types'
import { composeDay, indexMessages, type PageData, programOf, renderPage } from '../../shared/compose'
import type { TenantSettings } from '../../shared/contract'
import { planDay } from '../../shared/program'
import { hashToken } from '../resident/tokens'
import { loadSnapshot } from '../snapshot/read'
import { surveysOf } from '../surveys/offer'
import { offerOfDelivery, offerUrl } from '../surveys/recorded-offer'
import { loadDueSubscribers } from './due-subscribers'
import { deliveryLinks } from './links'
import { trackLinks } from './page-links'

export interface PageDelivery {
  id: string
  subscriberId: string
  tenantSlug: string
  localDate: string
  manifestId: string | null
  slots: string
}

/** The delivery a message page token names, or null for a token we never gave out. */
export async function findPageDelivery(db: D1Database, token: string): Promise<PageDelivery | null> {
  if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return null
  return db
    .prepare(
      `SELECT id, subscriber_id AS subscriberId, tenant_slug AS tenantSlug, local_date AS localDate,
              manifest_id AS manifestId, slots
       FROM deliveries WHERE page_token_hash = ?1 AND kind = 'program'`,
    )
    .bind(await hashToken(token))
    .first<PageDelivery>()
}

export interface MessagePage {
  page: PageData
  targets: string[]
  tenant: TenantSettings
}

/**
 * The delivery's message composed again from the manifest it was sent from, with the same links;
 * null when that can no longer be done faithfully (the manifest is gone, or the resident's dates
 * changed so that the day now holds a different message).
 */
export async function composeMessagePage(
  db: D1Database,
  delivery: PageDelivery,
  input: { origin: string; linkSecret: string; token: string },
): Promise<MessagePage | null> {
  const snapshot = delivery.manifestId ? await loadSnapshot(db, delivery.manifestId) : null
  const tenant = snapshot?.tenants.get(delivery.tenantSlug)
  if (!snapshot || !tenant) return null
  const [dueSubscriber] = await loadDueSubscribers(db, {
    tenant: delivery.tenantSlug,
    ids: [delivery.subscriberId],
    timeZone: tenant.tenant.timeZone,
    localDate: delivery.localDate,
    anyState: true,
  })
  const plan = dueSubscriber && planDay(dueSubscriber.timelines, delivery.localDate, programOf(tenant.tenant))
  if (!dueSubscriber || !plan) return null
  if (JSON.stringify(plan.slots.map((s) => s.slot)) !== delivery.slots) return null
  const { links } = await deliveryLinks(
    input.origin,
    input.linkSecret,
    dueSubscriber.id,
    delivery.id,
    dueSubscriber.manageGeneration,
  )
  // The survey line the delivery carried, as it carried it.
  const offer = await offerOfDelivery(db, delivery.id)
  const survey = offer && surveysOf(tenant, snapshot.national).find((s) => s.id === offer.surveyId)
  if (offer && survey) links.surveyUrl = await offerUrl(input.origin, input.linkSecret, delivery.id)
  const composed = composeDay({
    tenant,
    index: indexMessages(snapshot.national),
    subscriber: dueSubscriber,
    timelines: dueSubscriber.timelines,
    plan,
    date: delivery.localDate,
    links,
    ...(offer && survey ? { surveyLine: { title: survey.title, reminder: offer.reminder > 0 } } : {}),
  })
  if (!composed.ok || composed.value.messages.length === 0) return null
  const { page, targets } = trackLinks(renderPage(composed.value), `/m/${input.token}/go`)
  return { page, targets, tenant: tenant.tenant }
}

export async function recordOpen(db: D1Database, deliveryId: string, now: Date): Promise<void> {
  await db
    .prepare(
      'UPDATE deliveries SET open_count = open_count + 1, opened_at = coalesce(opened_at, ?2) WHERE id = ?1',
    )
    .bind(deliveryId, now.toISOString())
    .run()
}

export async function recordClick(
  db: D1Database,
  deliveryId: string,
  link: number,
  now: Date,
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO delivery_clicks (delivery_id, link, count, first_at) VALUES (?1, ?2, 1, ?3)
       ON CONFLICT (delivery_id, link) DO UPDATE SET count = count + 1`,
    )
    .bind(deliveryId, link, now.toISOString())
    .run()
}
