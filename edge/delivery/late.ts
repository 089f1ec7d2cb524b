import type { D1Database } from '@cloudflare/workers-types'
import escapeHtml from 'escape-html'
import { addDays } from '../../shared/calendar'
import type { MessageIndex } from '../../shared/compose'
import type { Channel, TenantPart } from '../../shared/contract'
import { nextSendOn, type Program, planDay, type TimelineFacts } from '../../shared/program'
import { measureSms } from '../../shared/sms'
import type { ComposedMessage } from '../channels/adapter'
import { deliveryKey } from '../channels/key'
import type { ClaimRequest } from './claim'
import { deliveryLinks } from './links'
import type { Recipient } from './recipients'
import { renderDelivery } from './render'

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

/** The line that says a message comes late, in the resident's language. */
export function lateLabel(date: string, language: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  if (language === 'ja') return `【${month}月${day}日のお便り（遅れてお届けします）】`
  const name = new Date(Date.UTC(year, month - 1, day)).toLocaleString('en', {
    month: 'long',
    timeZone: 'UTC',
  })
  return `[Your message for ${name} ${day}, sent late]`
}

/**
 * The missed day's message with the late label on top: on the subject and first line of an
 * email, the first LINE bubble, the start of an SMS (measured again, and refused over the cap).
 */
export function labelLate(
  message: ComposedMessage,
  label: string,
): { ok: true; message: ComposedMessage; smsSegments: number | null } | { ok: false; reason: string } {
  const text = `${label}\n${message.text}`
  switch (message.channel) {
    case 'sms': {
      const measure = measureSms(text)
      if (!measure.fits)
        return { ok: false, reason: `sms: ${measure.characters} characters with the late label` }
      return { ok: true, message: { ...message, text }, smsSegments: measure.segments }
    }
    case 'line': {
      const [first = '', ...rest] = message.bubbles ?? [message.text]
      const bubbles = [`${label}\n${first}`, ...rest]
      return { ok: true, message: { ...message, text: bubbles.join('\n\n'), bubbles }, smsSegments: null }
    }
    case 'email': {
      const note = `<p style="margin:0 0 12px;font-weight:bold;">${escapeHtml(label)}</p>`
      const html = message.html?.replace(/(<div style="max-width:600px[^>]*>)/, `$1\n${note}`)
      return {
        ok: true,
        message: {
          ...message,
          text,
          subject: `${label} ${message.subject ?? ''}`.trim(),
          ...(html ? { html } : {}),
        },
        smsSegments: null,
      }
    }
  }
}

export interface LateRequest extends ClaimRequest {
  localDate: string
  message: ComposedMessage
}

/**
 * The "send-once" missed-day policy for a batch: for each recipient whose next_send_on lies
 * before today, the latest slot on a day the tenant had no run at all (the Worker was down, or
 * every tick that day was missed), composed for that day and marked late. Its delivery row is
 * keyed by that day, so it is claimed — and sent — at most once, however often the batch runs.
 */
export async function lateRequests(input: {
  db: D1Database
  tenant: TenantPart
  index: MessageIndex
  program: Program
  recipients: readonly Recipient[]
  date: string
  origin: string
  linkSecret: string
}): Promise<{
  requests: LateRequest[]
  unrenderable: {
    key: string
    subscriberId: string
    channel: Channel
    slots: string[]
    reason: string
    localDate: string
  }[]
}> {
  const { tenant, date } = input
  const candidates = input.recipients.flatMap((recipient) => {
    const missed = latestMissedSlot(recipient.timelines, recipient.nextSendOn, date, input.program)
    return missed ? [{ recipient, missed }] : []
  })
  const out: Awaited<ReturnType<typeof lateRequests>> = { requests: [], unrenderable: [] }
  if (candidates.length === 0) return out
  const earliest = candidates.map((c) => c.missed).sort()[0]!
  const { results } = await input.db
    .prepare(
      'SELECT local_date AS day FROM tenant_runs WHERE tenant_slug = ?1 AND local_date >= ?2 AND local_date < ?3',
    )
    .bind(tenant.tenant.slug, earliest, date)
    .all<{ day: string }>()
  const ran = new Set(results.map((r) => r.day))
  for (const { recipient, missed } of candidates) {
    if (ran.has(missed)) continue
    const plan = planDay(recipient.timelines, missed, input.program)
    if (!plan) continue
    const key = await deliveryKey(recipient.id, missed, 'program')
    const { links, pageTokenHash } = await deliveryLinks(input.origin, input.linkSecret, recipient.id, key)
    const rendered = renderDelivery({ tenant, index: input.index, recipient, plan, date: missed, links, key })
    const labelled = rendered.ok
      ? labelLate(rendered.message, lateLabel(missed, recipient.language))
      : rendered
    const base = { key, subscriberId: recipient.id, channel: recipient.channel, localDate: missed }
    if (!labelled.ok) {
      out.unrenderable.push({ ...base, slots: rendered.slots, reason: `late: ${labelled.reason}` })
      continue
    }
    out.requests.push({
      ...base,
      pageTokenHash,
      slots: rendered.slots,
      smsSegments: labelled.smsSegments,
      message: labelled.message,
    })
  }
  return out
}
