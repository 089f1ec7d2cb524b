import type { D1Database } from '@cloudflare/workers-types'
import { indexMessages, programOf } from '../../shared/compose'
import type { Channel } from '../../shared/contract'
import { nextSendOn, planDay } from '../../shared/program'
import type { ChannelAdapter, ComposedMessage } from '../channels/adapter'
import { deliveryKey } from '../channels/key'
import type { DeliveryBatch } from '../queues'
import { ensureStandingTokens } from '../resident/link-tokens'
import { suppressAddress } from '../resident/suppression'
import type { LoadedSnapshot } from '../snapshot/read'
import { loadSurveyHistory } from '../surveys/history'
import { recordInvitations, type SurveyOffer, surveyLineOf, surveyOffer, surveysOf } from '../surveys/offer'
import { type ClaimRequest, claimDeliveries } from './claim'
import { lateRequests } from './late'
import { deliveryLinks } from './links'
import { loadRecipients } from './recipients'
import { type EndState, type Outcome, recordOutcomes, settleDay } from './record'
import { renderDelivery } from './render'

export interface DeliverDeps {
  db: D1Database
  /** The snapshot of the batch's manifest — the one active when the run started. */
  snapshot: LoadedSnapshot
  adapterFor(channel: Channel): Promise<ChannelAdapter>
  origin: string
  /** LINK_SECRET: the key residents' link tokens are derived from. */
  linkSecret: string
  now(): Date
  /** A `sending` row younger than this belongs to a consumer still at work. */
  staleAfterSeconds?: number
}

export interface DeliverReport {
  /** Subscribers whose day is not over yet (transient failure, in flight elsewhere): retry the batch. */
  pending: number
  /** The longest wait a provider asked for (429 retry-after), if any. */
  retryAfterSeconds?: number
}

/**
 * One queue message: for each due subscriber, today's plan from their timelines (a stale
 * next_send_on cannot choose the message), composition from the run's manifest, the delivery
 * claimed before sending, the send, the outcome recorded, next_send_on advanced.
 */
export async function deliverBatch(deps: DeliverDeps, batch: DeliveryBatch): Promise<DeliverReport> {
  const { db, snapshot } = deps
  const tenant = snapshot.tenants.get(batch.tenant)
  if (!tenant) throw new Error(`tenant ${batch.tenant} is not in manifest ${snapshot.manifest.id}`)
  const date = batch.localDate
  const program = programOf(tenant.tenant)
  const index = indexMessages(snapshot.national)
  // The batch's residents, their timelines and their survey history, read side by side.
  const [recipients, surveyHistory] = await Promise.all([
    loadRecipients(db, {
      tenant: batch.tenant,
      ids: batch.subscriberIds,
      timeZone: tenant.tenant.timeZone,
      localDate: date,
    }),
    loadSurveyHistory(db, batch.subscriberIds, date),
  ])
  const byId = new Map(recipients.map((r) => [r.id, r]))

  const advances = new Map<string, string | null>()
  const ended = (id: string) => advances.set(id, nextSendOn(byId.get(id)!.timelines, date, program))
  const surveys = surveysOf(tenant, snapshot.national)
  const requests: (ClaimRequest & { message: ComposedMessage; survey: SurveyOffer | null })[] = []
  const unrenderable: {
    key: string
    subscriberId: string
    channel: Channel
    slots: string[]
    reason: string
    localDate?: string
  }[] = []
  for (const recipient of recipients) {
    const plan = planDay(recipient.timelines, date, program)
    if (!plan) {
      ended(recipient.id)
      continue
    }
    const key = await deliveryKey(recipient.id, date, 'program')
    const { links, pageTokenHash } = await deliveryLinks(deps.origin, deps.linkSecret, recipient.id, key)
    const survey = await surveyOffer({
      surveys,
      tenant,
      program,
      recipient,
      plan,
      date,
      history: surveyHistory.get(recipient.id),
      origin: deps.origin,
      linkSecret: deps.linkSecret,
      deliveryKey: key,
    })
    if (survey) links.surveyUrl = survey.url
    const rendered = renderDelivery({
      tenant,
      index,
      recipient,
      plan,
      date,
      links,
      key,
      surveyLine: surveyLineOf(survey),
    })
    if (rendered.ok) {
      requests.push({
        key,
        pageTokenHash,
        subscriberId: recipient.id,
        channel: recipient.channel,
        slots: rendered.slots,
        smsSegments: rendered.smsSegments,
        message: rendered.message,
        survey,
      })
    } else {
      unrenderable.push({
        key,
        subscriberId: recipient.id,
        channel: recipient.channel,
        slots: rendered.slots,
        reason: rendered.reason,
      })
    }
  }

  // The tenant's missed-day policy: also the latest slot of a day with no run at all, once, marked late.
  if (tenant.tenant.missedDay === 'send-once') {
    const late = await lateRequests({
      db,
      tenant,
      index,
      program,
      recipients,
      date,
      origin: deps.origin,
      linkSecret: deps.linkSecret,
    })
    requests.push(...late.requests.map((r) => ({ ...r, survey: null })))
    unrenderable.push(...late.unrenderable)
  }

  const adapters = new Map<Channel, ChannelAdapter>()
  for (const channel of new Set(requests.map((r) => r.channel)))
    adapters.set(channel, await deps.adapterFor(channel))
  if (requests.length > 0) {
    const ids = requests.map((r) => r.subscriberId)
    await (await ensureStandingTokens(db, deps.linkSecret, ids, ['manage', 'stop'], deps.now())).run()
  }
  const claims = await claimDeliveries(db, {
    tenant: batch.tenant,
    localDate: date,
    manifestId: batch.manifestId,
    requests,
    idempotent: (channel) => adapters.get(channel)?.idempotent ?? false,
    now: deps.now(),
    staleAfterSeconds: deps.staleAfterSeconds ?? 300,
  })
  const byKey = new Map(requests.map((r) => [r.key, r]))
  let pending = 0
  const held = new Set<string>()
  let flaggedNow = 0
  const toSend = new Map<Channel, { request: (typeof requests)[number]; attempt: number }[]>()
  for (const claim of claims) {
    const request = byKey.get(claim.key)!
    if (claim.action === 'send') {
      const list = toSend.get(request.channel) ?? []
      list.push({ request, attempt: claim.attempt })
      toSend.set(request.channel, list)
    } else if (claim.action === 'defer') {
      pending++
      held.add(request.subscriberId)
    } else {
      if (claim.action === 'flagged') flaggedNow++
      ended(request.subscriberId)
    }
  }

  const invitations = [...toSend.values()].flatMap((items) =>
    items.flatMap(({ request }) =>
      request.survey
        ? [{ deliveryId: request.key, subscriberId: request.subscriberId, offer: request.survey }]
        : [],
    ),
  )
  if (invitations.length > 0)
    await recordInvitations(db, {
      tenant: batch.tenant,
      manifestId: batch.manifestId,
      localDate: date,
      invitations,
      now: deps.now(),
    }).run()

  const outcomes: Outcome[] = []
  const suppress = new Map<string, { channel: Channel; address: string; reason: string }>()
  let retryAfterSeconds: number | undefined
  for (const [channel, items] of toSend) {
    const adapter = adapters.get(channel)!
    for (let i = 0; i < items.length; i += adapter.maxBatchSize) {
      const chunk = items.slice(i, i + adapter.maxBatchSize)
      const results = await adapter.send(chunk.map((item) => item.request.message))
      chunk.forEach((item, j) => {
        const result = results[j]
        const state: EndState = !result
          ? 'failed-transient'
          : result.outcome === 'unknown' && !adapter.idempotent
            ? 'flagged'
            : result.outcome
        if (result?.retryAfterSeconds)
          retryAfterSeconds = Math.max(retryAfterSeconds ?? 0, result.retryAfterSeconds)
        if (state === 'failed-permanent' && result?.suppress)
          suppress.set(item.request.key, {
            channel,
            address: item.request.message.to,
            reason: result.suppress,
          })
        outcomes.push({
          key: item.request.key,
          attempt: item.attempt,
          state,
          providerMessageId: result?.providerMessageId,
          error: state === 'flagged' ? `needs-review: ${result?.error ?? 'outcome unknown'}` : result?.error,
        })
      })
    }
  }
  const landed = await recordOutcomes(db, outcomes, deps.now())
  const counts = { sent: 0, failed: 0, flagged: flaggedNow }
  const failed: { subscriberId: string; error: string }[] = []
  const succeeded: string[] = []
  for (const outcome of landed) {
    const subscriberId = byKey.get(outcome.key)!.subscriberId
    if (outcome.state === 'failed-transient' || outcome.state === 'unknown') {
      pending++
      held.add(subscriberId)
      continue
    }
    ended(subscriberId)
    if (outcome.state === 'sent') {
      counts.sent++
      succeeded.push(subscriberId)
    } else if (outcome.state === 'flagged') counts.flagged++
    else {
      counts.failed++
      failed.push({ subscriberId, error: outcome.error ?? 'refused by the provider' })
    }
  }
  pending += outcomes.length - landed.length
  const landedKeys = new Set(landed.map((o) => o.key))
  for (const o of outcomes) if (!landedKeys.has(o.key)) held.add(byKey.get(o.key)!.subscriberId)

  if (unrenderable.length > 0) {
    counts.flagged += await flagUnrenderable(db, batch, unrenderable, deps.now())
    for (const u of unrenderable) ended(u.subscriberId)
  }
  // Someone with a delivery still pending keeps next_send_on, so the retried batch finds them as now.
  for (const id of held) advances.delete(id)
  await settleDay(db, {
    tenant: batch.tenant,
    localDate: date,
    advances: [...advances].map(([subscriberId, next]) => ({ subscriberId, nextSendOn: next })),
    failed,
    succeeded,
    counts,
    now: deps.now(),
  })
  // An address the provider refused for good (an invalid number) is suppressed at once.
  for (const outcome of landed) {
    const address = suppress.get(outcome.key)
    if (address)
      await suppressAddress(db, {
        tenant: batch.tenant,
        ...address,
        eventId: `send:${outcome.key}`,
        now: deps.now(),
      })
  }
  return retryAfterSeconds === undefined ? { pending } : { pending, retryAfterSeconds }
}

// Content that cannot be composed (a missing message, an SMS over the cap) is a delivery a person
// must see, not a silent skip.
async function flagUnrenderable(
  db: D1Database,
  batch: DeliveryBatch,
  items: readonly {
    key: string
    subscriberId: string
    channel: Channel
    slots: string[]
    reason: string
    localDate?: string
  }[],
  now: Date,
): Promise<number> {
  const { meta } = await db
    .prepare(
      `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, manifest_id, slots, channel, state,
                               idempotency_key, attempts, error, created_at, updated_at)
       SELECT value ->> 0, value ->> 1, ?2, value ->> 2, 'program', ?3, value ->> 3, value ->> 4, 'flagged',
              value ->> 0, 0, value ->> 5, ?4, ?4
       FROM json_each(?1) WHERE true
       ON CONFLICT DO NOTHING`,
    )
    .bind(
      JSON.stringify(
        items.map((i) => [
          i.key,
          i.subscriberId,
          i.localDate ?? batch.localDate,
          JSON.stringify(i.slots),
          i.channel,
          `needs-review: ${i.reason}`.slice(0, 500),
        ]),
      ),
      batch.tenant,
      batch.manifestId,
      now.toISOString(),
    )
    .run()
  return meta.changes
}
