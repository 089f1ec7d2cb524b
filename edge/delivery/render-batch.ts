import {
  composeDay,
  composeKey,
  type DeliveryLinks,
  type ResidentValues,
  renderEmail,
  StandIns,
  textSections,
} from '../../shared/compose'
import {
  composeInputOf,
  type DeliveryInput,
  emailRendered,
  lineRendered,
  type Rendered,
  renderDelivery,
} from './render'

export interface BatchDelivery extends DeliveryInput {
  /** The segments (tokens) of the delivery's links: all that differs in them between residents. */
  segments: readonly string[]
}

/**
 * A batch's deliveries, each as renderDelivery renders it. Residents whose day composes alike
 * (composeKey) and whose channel is email or LINE are composed and rendered once, with stand-ins
 * for their nickname and link segments, and each message is made by putting their own in. SMS is
 * rendered one by one: what it carries depends on the length of the resident's text.
 * `templated` counts the messages made from a shared rendering.
 */
export function renderDeliveries(batch: readonly BatchDelivery[]): {
  rendered: Rendered[]
  templated: number
} {
  const rendered: Rendered[] = new Array(batch.length)
  const groups = new Map<string, number[]>()
  for (const [i, delivery] of batch.entries()) {
    const key = delivery.dueSubscriber.channel === 'sms' ? null : composeKey(composeInputOf(delivery))
    if (key === null) rendered[i] = renderDelivery(delivery)
    else {
      const group = `${delivery.dueSubscriber.channel} ${delivery.segments.length} ${key}`
      const members = groups.get(group)
      if (members) members.push(i)
      else groups.set(group, [i])
    }
  }
  let templated = 0
  for (const members of groups.values()) {
    if (members.length === 1) {
      const i = members[0] as number
      rendered[i] = renderDelivery(batch[i] as BatchDelivery)
      continue
    }
    const made = renderGroup(members.map((i) => batch[i] as BatchDelivery))
    for (const [k, i] of members.entries()) {
      const one = made[k]
      if (one) templated++
      rendered[i] = one ?? renderDelivery(batch[i] as BatchDelivery)
    }
  }
  return { rendered, templated }
}

/** A group's messages from one composition; undefined for a member it cannot be proved to fit. */
function renderGroup(group: readonly BatchDelivery[]): (Rendered | undefined)[] {
  const first = group[0] as BatchDelivery
  const standIns = new StandIns(first.segments.length)
  const template = templateOf(first, standIns)
  const composed = composeDay(composeInputOf(template))
  // A day that cannot be sent is told resident by resident: its reason may read their values.
  if (!composed.ok || composed.value.messages.length === 0 || !standIns.fits(composed.value)) return []
  const composition = composed.value
  const channel = first.dueSubscriber.channel
  const email = channel === 'email' ? renderEmail(composition) : null
  const sections = channel === 'line' ? textSections(composition) : []
  return group.map((delivery) => {
    const values: ResidentValues = { nickname: delivery.dueSubscriber.nickname, segments: delivery.segments }
    if (!standIns.residentFits(composition, values) || !sameLinks(standIns, template, delivery, values))
      return undefined
    return email
      ? emailRendered(delivery, standIns.email(email, values, composition.language), false)
      : lineRendered(delivery, standIns.line(sections, values), false)
  })
}

/** The first delivery with stand-ins for its nickname and its links' segments. */
function templateOf(first: BatchDelivery, standIns: StandIns): DeliveryInput {
  const values = { nickname: first.dueSubscriber.nickname, segments: first.segments }
  const out = (url: string) => standIns.takeOut(url, values)
  const links = Object.fromEntries(
    Object.entries(first.links).map(([name, url]) => [name, out(url as string)]),
  ) as unknown as DeliveryLinks
  const { taskLine } = first
  return {
    ...first,
    dueSubscriber: { ...first.dueSubscriber, nickname: standIns.nickname },
    links,
    ...(taskLine
      ? { taskLine: taskLine.doneUrl ? { ...taskLine, doneUrl: out(taskLine.doneUrl) } : taskLine }
      : {}),
  }
}

// The template's links with the resident's segments in must be the resident's own: then their
// message is the template's with their values in (a link built some other way falls back).
function sameLinks(
  standIns: StandIns,
  template: DeliveryInput,
  delivery: BatchDelivery,
  values: ResidentValues,
): boolean {
  const same = (made: string | undefined, own: string | undefined) =>
    (made === undefined ? undefined : standIns.text(made, values)) === own
  const made = template.links as unknown as Record<string, string | undefined>
  const own = delivery.links as unknown as Record<string, string | undefined>
  for (const name in made) if (!same(made[name], own[name])) return false
  for (const name in own) if (!(name in made) && own[name] !== undefined) return false
  return same(template.taskLine?.doneUrl, delivery.taskLine?.doneUrl)
}
