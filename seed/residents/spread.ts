import { addDays, type CivilDate } from '../../shared/calendar'
import { nextSendOn, type TimelineFacts } from '../../shared/program'
import { between, randomFor, weighted } from './random'

// Synthetic residents for demos and benchmarks: a realistic spread over the whole program.
// Pure: resident n depends only on n, the tenants and `today`.

export interface ResidentTenant {
  slug: string
  birthsPerYear: number
  channels: readonly ('email' | 'sms' | 'line')[]
  languages: readonly string[]
  noticeVersion: string
}

export interface TimelineRow {
  id: string
  tenant: string
  due: CivilDate | null
  birth: CivilDate | null
  loss: CivilDate | null
}

export interface SubscriberRow {
  id: string
  tenant: string
  nickname: string
  audience: 'primary' | 'partner'
  language: string
  channel: 'email' | 'sms' | 'line'
  address: string
  nextSendOn: CivilDate | null
  createdAt: string
  noticeVersion: string
  timelines: string[]
}

export interface Household {
  timelines: TimelineRow[]
  subscribers: SubscriberRow[]
}

const PREGNANCY_DAYS = 293 - 28 + 1 // gestational days 28…293 carry a send
const CHILD_DAYS = 3 * 365 + 1 // birth to the third birthday
const channelWeights = { email: 50, line: 35, sms: 15 } as const
const nicknames = ['はるか', 'みさき', 'ゆい', 'あおい', 'さくら', 'りん', 'なお', 'ひかり', 'まい', 'えみ']
const partnerNicknames = ['けんた', 'しょう', 'だいき', 'ゆうと', 'りょう', 'たくみ', 'こうき', 'そうた']

/** The pregnancy or child a household is living through today, anywhere in the program. */
function timelineOn(random: () => number, today: CivilDate, id: string, tenant: string): TimelineRow {
  if (random() < 0.01) {
    // A loss reported in the last 60 days, during the pregnancy.
    const loss = addDays(today, -between(random, 0, 60))
    return { id, tenant, due: addDays(loss, 280 - between(random, 42, 150)), birth: null, loss }
  }
  const day = between(random, 0, PREGNANCY_DAYS + CHILD_DAYS - 1)
  if (day < PREGNANCY_DAYS)
    return { id, tenant, due: addDays(today, 280 - (28 + day)), birth: null, loss: null }
  const birth = addDays(today, -(day - PREGNANCY_DAYS))
  return { id, tenant, due: addDays(birth, between(random, -14, 21)), birth, loss: null }
}

/** An older child (a sibling) still under three, born at least a year before `than`'s birth or due date. */
function olderSibling(
  random: () => number,
  today: CivilDate,
  id: string,
  current: TimelineRow,
): TimelineRow | null {
  const anchor = current.birth ?? current.due ?? today
  const birth = addDays(anchor, -between(random, 400, 900))
  if (birth <= addDays(today, -CHILD_DAYS + 1)) return null
  return { id, tenant: current.tenant, due: addDays(birth, between(random, -7, 14)), birth, loss: null }
}

function factsOf(row: TimelineRow, from: CivilDate): TimelineFacts {
  return {
    from,
    ...(row.due ? { due: row.due } : {}),
    ...(row.birth ? { birth: { date: row.birth } } : {}),
    ...(row.loss ? { loss: { date: row.loss } } : {}),
  }
}

/** Registered before today's send time: the first send is on or after today (as the edge computes it). */
export const nextSendFor = (rows: readonly TimelineRow[], today: CivilDate) =>
  nextSendOn(
    rows.map((row) => factsOf(row, today)),
    addDays(today, -1),
  )

function address(channel: SubscriberRow['channel'], id: string, n: number): string {
  // Reserved, undeliverable addresses: a synthetic resident must never reach a real person.
  if (channel === 'email') return `${id}@residents.yorisoi.test`
  if (channel === 'sms') return `+81000${String(n % 1e7).padStart(7, '0')}`
  return `U${n.toString(16).padStart(32, '0')}`
}

/** Household n: a primary, their timeline(s), and sometimes a partner on the same timeline. */
export function household(n: number, tenants: readonly ResidentTenant[], today: CivilDate): Household {
  const random = randomFor(n * 2654435761 + 1)
  const tenant = weighted(
    random,
    tenants.map((t) => [t, t.birthsPerYear] as const),
  )
  const id = `syn-${String(n).padStart(7, '0')}`
  const timelines = [timelineOn(random, today, `${id}-t1`, tenant.slug)]
  if (random() < 0.06 && !timelines[0]!.loss) {
    const sibling = olderSibling(random, today, `${id}-t2`, timelines[0]!)
    if (sibling) timelines.push(sibling)
  }
  const createdAt = `${addDays(today, -between(random, 0, 30))}T00:00:00.000Z`
  const person = (
    audience: SubscriberRow['audience'],
    suffix: string,
    follows: TimelineRow[],
  ): SubscriberRow => {
    const channel = weighted(
      random,
      tenant.channels.map((c) => [c, channelWeights[c]] as const),
    )
    const language = tenant.languages.includes('en') && random() < 0.07 ? 'en' : 'ja'
    const names = audience === 'primary' ? nicknames : partnerNicknames
    const subscriberId = `${id}${suffix}`
    return {
      id: subscriberId,
      tenant: tenant.slug,
      nickname: names[between(random, 0, names.length - 1)]!,
      audience,
      language,
      channel,
      address: address(channel, subscriberId, audience === 'primary' ? n * 2 : n * 2 + 1),
      nextSendOn: nextSendFor(follows, today),
      createdAt,
      noticeVersion: tenant.noticeVersion,
      timelines: follows.map((t) => t.id),
    }
  }
  const subscribers = [person('primary', '', timelines)]
  // A partner joins the current pregnancy or child, not the older sibling.
  if (random() < 0.15 && !timelines[0]!.loss) subscribers.push(person('partner', '-p', [timelines[0]!]))
  return { timelines, subscribers }
}
