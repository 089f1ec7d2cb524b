import {
  type Composition,
  composeDay,
  type DeliveryLinks,
  type MessageIndex,
  type NurseChange,
  renderEmail,
  renderLine,
  renderSms,
  type TaskLineInput,
} from '../../shared/compose'
import type { TenantPart } from '../../shared/contract'
import type { DayPlan } from '../../shared/program'
import type { OutgoingMessage } from '../channels/adapter'
import type { DueSubscriber } from './due-subscribers'

export type Rendered =
  | {
      ok: true
      message: OutgoingMessage
      smsSegments: number | null
      slots: string[]
      /** The message carries the nurse changes it was given (an SMS only when they fit). */
      toldNurse: boolean
    }
  | { ok: false; slots: string[]; reason: string }

/** The day's delivery for one dueSubscriber, composed from the run's snapshot and rendered for their channel. */
export function renderDelivery(input: {
  tenant: TenantPart
  index: MessageIndex
  dueSubscriber: DueSubscriber
  plan: DayPlan
  date: string
  links: DeliveryLinks
  key: string
  surveyLine?: { title: string; reminder: boolean }
  taskLine?: TaskLineInput
  nurseChanges?: readonly NurseChange[]
}): Rendered {
  const { dueSubscriber, plan, key } = input
  const slots = plan.slots.map((s) => s.slot)
  const composed = composeDay({
    tenant: input.tenant,
    index: input.index,
    subscriber: dueSubscriber,
    timelines: dueSubscriber.timelines,
    plan,
    date: input.date,
    links: input.links,
    ...(input.surveyLine ? { surveyLine: input.surveyLine } : {}),
    ...(input.taskLine ? { taskLine: input.taskLine } : {}),
    ...(input.nurseChanges ? { nurseChanges: input.nurseChanges } : {}),
  })
  if (!composed.ok)
    return { ok: false, slots, reason: `compose: ${composed.problems.map((p) => p.message.en).join('; ')}` }
  const composition = composed.value
  if (composition.messages.length === 0) {
    return { ok: false, slots, reason: `no message for ${composition.gaps.map((g) => g.slot).join(', ')}` }
  }
  const base = {
    idempotencyKey: key,
    subscriberId: dueSubscriber.id,
    tenant: input.tenant.tenant.slug,
    to: dueSubscriber.address,
  }
  const toldNurse = composition.nurseNote !== null
  switch (dueSubscriber.channel) {
    case 'email':
      return {
        ok: true,
        slots,
        smsSegments: null,
        toldNurse,
        message: { ...base, channel: 'email', ...email(input.tenant, composition) },
      }
    case 'sms': {
      const sms = renderSms(composition)
      if (!sms.ok)
        return { ok: false, slots, reason: `sms: ${sms.problems.map((p) => p.message.en).join('; ')}` }
      return {
        ok: true,
        slots,
        smsSegments: sms.value.segments,
        toldNurse: sms.value.toldNurse,
        message: { ...base, channel: 'sms', text: sms.value.text },
      }
    }
    case 'line': {
      const line = renderLine(composition)
      if (!line.ok)
        return { ok: false, slots, reason: `line: ${line.problems.map((p) => p.message.en).join('; ')}` }
      const bubbles = line.value.map((m) => m.text)
      return {
        ok: true,
        slots,
        smsSegments: null,
        toldNurse,
        message: { ...base, channel: 'line', text: bubbles.join('\n\n'), bubbles },
      }
    }
  }
}

function email(tenant: TenantPart, composition: Composition) {
  const rendered = renderEmail(composition)
  const sender = tenant.tenant.channels.email
  return {
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    headers: rendered.headers,
    ...(sender ? { from: `${sender.senderName} <${sender.fromAddress}>` } : {}),
    ...(sender?.replyTo ? { replyTo: sender.replyTo } : {}),
  }
}
