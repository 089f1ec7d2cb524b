import {
  type ComposeInput,
  type ComposeProblem,
  type Composition,
  composeDay,
  type DeliveryLinks,
  type LineTextMessage,
  type MessageIndex,
  type NurseChange,
  type Outcome,
  type RenderedEmail,
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

export interface DeliveryInput {
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
}

/** The day's delivery for one dueSubscriber, composed from the run's snapshot and rendered for their channel. */
export function renderDelivery(input: DeliveryInput): Rendered {
  const composed = composeDay(composeInputOf(input))
  const slots = slotsOf(input)
  if (!composed.ok) return composeFailed(slots, composed.problems)
  const composition = composed.value
  if (composition.messages.length === 0) return noMessage(slots, composition)
  const toldNurse = composition.nurseNote !== null
  switch (input.dueSubscriber.channel) {
    case 'email':
      return emailRendered(input, renderEmail(composition), toldNurse)
    case 'sms': {
      const sms = renderSms(composition)
      if (!sms.ok)
        return { ok: false, slots, reason: `sms: ${sms.problems.map((p) => p.message.en).join('; ')}` }
      return {
        ok: true,
        slots,
        smsSegments: sms.value.segments,
        toldNurse: sms.value.toldNurse,
        message: { ...baseOf(input), channel: 'sms', text: sms.value.text },
      }
    }
    case 'line':
      return lineRendered(input, renderLine(composition), toldNurse)
  }
}

export function composeInputOf(input: DeliveryInput): ComposeInput {
  const { dueSubscriber } = input
  return {
    tenant: input.tenant,
    index: input.index,
    subscriber: dueSubscriber,
    timelines: dueSubscriber.timelines,
    plan: input.plan,
    date: input.date,
    links: input.links,
    ...(input.surveyLine ? { surveyLine: input.surveyLine } : {}),
    ...(input.taskLine ? { taskLine: input.taskLine } : {}),
    ...(input.nurseChanges ? { nurseChanges: input.nurseChanges } : {}),
  }
}

const slotsOf = (input: DeliveryInput) => input.plan.slots.map((s) => s.slot)

function composeFailed(slots: string[], problems: readonly ComposeProblem[]): Rendered {
  return { ok: false, slots, reason: `compose: ${problems.map((p) => p.message.en).join('; ')}` }
}

function noMessage(slots: string[], composition: Composition): Rendered {
  return { ok: false, slots, reason: `no message for ${composition.gaps.map((g) => g.slot).join(', ')}` }
}

const baseOf = (input: DeliveryInput) => ({
  idempotencyKey: input.key,
  subscriberId: input.dueSubscriber.id,
  tenant: input.tenant.tenant.slug,
  to: input.dueSubscriber.address,
})

/** The email delivery of a rendered email, from the tenant's sender. */
export function emailRendered(input: DeliveryInput, rendered: RenderedEmail, toldNurse: boolean): Rendered {
  const sender = input.tenant.tenant.channels.email
  return {
    ok: true,
    slots: slotsOf(input),
    smsSegments: null,
    toldNurse,
    message: {
      ...baseOf(input),
      channel: 'email',
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      headers: rendered.headers,
      ...(sender ? { from: `${sender.senderName} <${sender.fromAddress}>` } : {}),
      ...(sender?.replyTo ? { replyTo: sender.replyTo } : {}),
    },
  }
}

/** The LINE delivery of rendered LINE messages, or why they cannot be sent. */
export function lineRendered(
  input: DeliveryInput,
  line: Outcome<LineTextMessage[]>,
  toldNurse: boolean,
): Rendered {
  const slots = slotsOf(input)
  if (!line.ok)
    return { ok: false, slots, reason: `line: ${line.problems.map((p) => p.message.en).join('; ')}` }
  const bubbles = line.value.map((m) => m.text)
  return {
    ok: true,
    slots,
    smsSegments: null,
    toldNurse,
    message: { ...baseOf(input), channel: 'line', text: bubbles.join('\n\n'), bubbles },
  }
}
