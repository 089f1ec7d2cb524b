import type { D1Database } from '@cloudflare/workers-types'
import { addDays } from '../../shared/calendar'
import type { MessageIndex } from '../../shared/compose'
import type { TenantPart } from '../../shared/contract'
import { nextSendOn, type Program, planDay, type TimelineFacts } from '../../shared/program'
import type { OutgoingMessage } from '../channels/adapter'
import type { BatchDay } from './batch-day'
import type { ClaimRequest } from './claim'
import type { DueSubscriber } from './due-subscribers'
import { renderLate } from './late-label'
import { programDelivery } from './links'
import type { Composed, Unrenderable } from './requests'

/** How far back a missed slot is looked for: a longer outage sends today's message only. */
export const missedDayLookback = 14

/**
 * The latest day before `today`, from the subscriber's `next_send_on` on, that held a slot — the
 * one message the "send-once" missed-day policy still sends. Null when there is none in reach.
 */
export function latestMissedSlot(
  timelines: readonly TimelineFacts[],
  nextSend: string | null,
  today: string,
  program: Program,
): string | null {
  if (!nextSend || nextSend >= today) return null
  const earliest = addDays(today, -missedDayLookback)
  let found: string | null = null
  let day: string | null =
    nextSend < earliest ? nextSendOn(timelines, addDays(earliest, -1), program) : nextSend
  for (let steps = 0; day && day < today && steps <= missedDayLookback; steps++) {
    if (planDay(timelines, day, program)) found = day
    day = nextSendOn(timelines, day, program)
  }
  return found
}

export interface LateRequest extends ClaimRequest {
  localDate: string
  message: OutgoingMessage
}

/**
 * The "send-once" missed-day policy for a batch: for each due subscriber whose next_send_on lies
 * before today, the latest slot on a day the tenant had no run at all (the Worker was down, or
 * every tick that day was missed), composed for that day and marked late. Its delivery row is
 * keyed by that day, so it is claimed — and sent — at most once, however often the batch runs.
 */
export async function lateRequests(input: {
  db: D1Database
  tenant: TenantPart
  index: MessageIndex
  program: Program
  dueSubscribers: readonly DueSubscriber[]
  date: string
  origin: string
  linkSecret: string
  /** The residents' shard, which the links carry. */
  shard?: number
}): Promise<{ requests: LateRequest[]; unrenderable: (Unrenderable & { localDate: string })[] }> {
  const { tenant, date } = input
  const candidates = input.dueSubscribers.flatMap((dueSubscriber) => {
    const missed = latestMissedSlot(dueSubscriber.timelines, dueSubscriber.nextSendOn, date, input.program)
    return missed ? [{ dueSubscriber, missed }] : []
  })
  const out: Awaited<ReturnType<typeof lateRequests>> = { requests: [], unrenderable: [] }
  if (candidates.length === 0) return out
  const ran = await daysWithRun(
    input.db,
    tenant.tenant.slug,
    candidates.map((c) => c.missed).sort()[0]!,
    date,
  )
  for (const { dueSubscriber, missed } of candidates) {
    if (ran.has(missed)) continue
    const plan = planDay(dueSubscriber.timelines, missed, input.program)
    if (!plan) continue
    const { key, id, links } = await programDelivery(input, tenant.tenant.slug, missed, dueSubscriber)
    const rendered = renderLate({ tenant, index: input.index, dueSubscriber, plan, date: missed, links, key })
    const base = {
      key: id,
      idempotencyKey: key,
      subscriberId: dueSubscriber.id,
      channel: dueSubscriber.channel,
      localDate: missed,
    }
    if (!rendered.ok) {
      out.unrenderable.push({ ...base, slots: rendered.slots, reason: `late: ${rendered.reason}` })
      continue
    }
    const { slots, smsSegments, message } = rendered
    out.requests.push({ ...base, slots, smsSegments, message })
  }
  return out
}

/** The days from `from` up to (not including) `until` on which the tenant had a run. */
async function daysWithRun(
  db: D1Database,
  tenant: string,
  from: string,
  until: string,
): Promise<Set<string>> {
  const { results } = await db
    .prepare(
      'SELECT local_date AS day FROM tenant_runs WHERE tenant_slug = ?1 AND local_date >= ?2 AND local_date < ?3',
    )
    .bind(tenant, from, until)
    .all<{ day: string }>()
  return new Set(results.map((r) => r.day))
}

/** The batch's step for the tenant's missed-day policy: with "send-once", the late deliveries. */
export async function addLateDays(
  deps: { db: D1Database; origin: string; linkSecret: string; shard?: number },
  day: BatchDay,
  dueSubscribers: readonly DueSubscriber[],
): Promise<Composed> {
  if (day.tenant.tenant.missedDay !== 'send-once') return { requests: [], unrenderable: [] }
  const late = await lateRequests({
    db: deps.db,
    tenant: day.tenant,
    index: day.index,
    program: day.program,
    dueSubscribers,
    date: day.date,
    origin: deps.origin,
    linkSecret: deps.linkSecret,
    shard: deps.shard,
  })
  return { requests: late.requests.map((r) => ({ ...r, survey: null })), unrenderable: late.unrenderable }
}
