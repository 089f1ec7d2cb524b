import type { D1Database } from '@cloudflare/workers-types'
import {
  type ComposeInput,
  type Composition,
  composeDay,
  indexMessages,
  type MessageIndex,
  type PageData,
  programOf,
  renderPage,
} from '../../shared/compose'
import { type Said, said, strings } from '../../shared/compose/strings'
import type { NationalPart, TenantSettings } from '../../shared/contract'
import { sourceLanguage } from '../../shared/languages'
import { prefixOfId } from '../../shared/links'
import {
  type DayPlan,
  type PlannedSlot,
  type Program,
  slotOn,
  type TimelineFacts,
} from '../../shared/program'
import type { LinkSecrets } from '../resident/link-tokens'
import { surveyUrl } from '../resident/survey-link'
import type { LoadedSnapshot } from '../snapshot/read'
import { surveysOf } from '../surveys/offer'
import { taskDoneUrl, tasksOf } from '../tasks/offer'
import { recordedTaskLine } from '../tasks/recorded-offer'
import { deliveryLinks } from './links'
import { trackLinks } from './page-links'
import { type PageRecord, pageSubscriber } from './page-record'

/** A message's Japanese, for a reader of another language: `for` is the index of the message it renders. */
export interface JapaneseBody {
  for: number
  html: string
}

export interface MessagePage {
  page: PageData
  /** The language of the page's title (the first message's subject); undefined for the town's plain subject. */
  titleLanguage?: string
  /** The town's plain subject as its two halves, each to be marked in its language. */
  plainTitle?: Said
  /** Each message not in Japanese whose slot and audience have a Japanese message: that message, on the page too. */
  japanese: JapaneseBody[]
  /** The Japanese title, when the page's messages are in another language. */
  japaneseTitle?: string
  targets: string[]
  tenant: TenantSettings
  /** The resident's language (their messages'), which the page is read in unless the device chose one. */
  language: string
}

/** A page not shown again after a loss: still read in the resident's language. */
export interface AfterLoss {
  afterLoss: true
  language: string
  tenant: TenantSettings
}

/**
 * The delivery's message composed again from what the delivery recorded — its manifest, date and
 * slots — with the same links, whatever the resident reported since (a birth, a loss, another
 * child); null when that can no longer be done faithfully (the manifest is gone, or a changed due
 * date or a removed timeline leaves no timeline that sent a recorded slot that day). `snapshot`:
 * the delivery's manifest, loaded (null when it is gone). `segment`: the page's own path segment as
 * it was opened, which its click redirects keep.
 */
export async function composeMessagePage(
  record: PageRecord,
  snapshot: LoadedSnapshot | null,
  input: { origin: string; secrets: LinkSecrets; segment: string },
): Promise<MessagePage | AfterLoss | null> {
  const { delivery, shard } = record
  const tenant = snapshot?.tenants.get(delivery.tenantSlug)
  if (!snapshot || !tenant) return null
  const dueSubscriber = pageSubscriber(record, tenant.tenant.timeZone)
  const sent =
    dueSubscriber &&
    asSent(
      dueSubscriber.timelines,
      delivery.localDate,
      recordedSlots(delivery.slots),
      programOf(tenant.tenant),
    )
  if (!dueSubscriber || !sent) return null
  const { plan, timelines } = sent
  if (cheerfulBeforeLoss(plan, dueSubscriber.timelines))
    return { afterLoss: true, language: dueSubscriber.language, tenant: tenant.tenant }
  const { links } = await deliveryLinks(
    input.origin,
    input.secrets.current,
    dueSubscriber.id,
    delivery.idempotencyKey,
    dueSubscriber.manageGeneration,
    shard,
    prefixOfId(delivery.id),
  )
  // The survey line the delivery carried, as it carried it: its link takes this page's own segment.
  const offer = record.offer
  const survey = offer && surveysOf(tenant, snapshot.national).find((s) => s.id === offer.surveyId)
  if (survey) links.surveyUrl = surveyUrl(input.origin, input.segment)
  // The task line too, with the same links.
  const taskLine = recordedTaskLine(record.taskOffer, {
    tasks: tasksOf(tenant, snapshot.national),
    language: dueSubscriber.language,
    fallbackLanguages: tenant.tenant.languages.fallback,
    surveyUrl: links.surveyUrl,
    doneUrl: taskDoneUrl(input.origin, input.segment),
  })
  const day: ComposeInput = {
    tenant,
    index: messageIndex(snapshot.national),
    subscriber: dueSubscriber,
    timelines,
    plan,
    date: delivery.localDate,
    links,
    ...(offer && survey ? { surveyLine: { title: survey.title, reminder: offer.reminder > 0 } } : {}),
    ...(taskLine ? { taskLine } : {}),
  }
  const composed = composeDay(day)
  if (!composed.ok || composed.value.messages.length === 0) return null
  const japanese = japaneseOf(composed.value, day)
  const { page, targets, extra } = trackLinks(
    renderPage(composed.value),
    `/m/${input.segment}/go`,
    japanese.map((j) => j.page),
  )
  const [first] = composed.value.messages
  return {
    page,
    ...(first && first.subject === composed.value.subject
      ? { titleLanguage: first.language }
      : { plainTitle: said(strings.defaultSubject(tenant.tenant.name), composed.value.language) }),
    japanese: japanese.map((j, i) => ({ for: j.for, html: extra[i]!.html })),
    ...(japanese.length > 0 ? { japaneseTitle: japanese[0]!.title } : {}),
    targets,
    tenant: tenant.tenant,
    language: dueSubscriber.language,
  }
}

// The index of a national part is built once per isolate: parts are immutable and kept (snapshot/read.ts).
const indexes = new WeakMap<NationalPart, MessageIndex>()

function messageIndex(national: NationalPart): MessageIndex {
  let index = indexes.get(national)
  if (!index) {
    index = indexMessages(national)
    indexes.set(national, index)
  }
  return index
}

/**
 * The day composed again for the same resident in Japanese, the way the town wrote it first: for
 * each message in another language, the Japanese message of the same slot and audience, if there
 * is one. Nothing is stored; the same links are placed.
 */
function japaneseOf(shown: Composition, day: ComposeInput) {
  if (shown.messages.every((m) => m.language === sourceLanguage)) return []
  const composed = composeDay({ ...day, subscriber: { ...day.subscriber, language: sourceLanguage } })
  if (!composed.ok) return []
  const page = renderPage(composed.value)
  return shown.messages.flatMap((message, index) => {
    if (message.language === sourceLanguage) return []
    const at = composed.value.messages.findIndex(
      (m) =>
        m.slot === message.slot &&
        m.timeline === message.timeline &&
        m.audience === message.audience &&
        m.language === sourceLanguage,
    )
    const body = page.messages[at]
    return body ? [{ for: index, page: body, title: composed.value.subject }] : []
  })
}

function recordedSlots(json: string): string[] {
  try {
    const slots: unknown = JSON.parse(json)
    return Array.isArray(slots) && slots.every((s) => typeof s === 'string') ? slots : []
  } catch {
    return []
  }
}

/** A timeline without the birth or loss reported after `date` (`onTheDay`: on or after it). */
function knownBy(facts: TimelineFacts, date: string, onTheDay: boolean): TimelineFacts {
  const later = (event: { date: string; reportedOn?: string }) => {
    const reported = event.reportedOn ?? event.date
    return onTheDay ? reported >= date : reported > date
  }
  const { birth, loss, ...rest } = facts
  return {
    ...rest,
    ...(birth && !later(birth) ? { birth } : {}),
    ...(loss && !later(loss) ? { loss } : {}),
  }
}

/**
 * The day's plan as it was sent: each recorded slot on the timeline that sent it, that timeline's
 * facts as known when it was sent (a birth or loss reported later the same day, or any day after,
 * left out), so its day labels and local entries are the ones the message carried. Null when some
 * recorded slot comes from no timeline.
 */
function asSent(
  current: readonly TimelineFacts[],
  date: string,
  recorded: readonly string[],
  program: Program,
): { plan: DayPlan; timelines: TimelineFacts[] } | null {
  if (recorded.length === 0) return null
  const timelines = current.map((t) => knownBy(t, date, false))
  const used = new Set<number>()
  const slots: PlannedSlot[] = []
  for (const slot of recorded) {
    let found: PlannedSlot | null = null
    for (let index = 0; index < current.length && !found; index++) {
      if (used.has(index)) continue
      for (const facts of [knownBy(current[index]!, date, false), knownBy(current[index]!, date, true)]) {
        const send = slotOn(facts, date, program)
        if (send?.slot !== slot) continue
        found = { ...send, timeline: index }
        timelines[index] = facts
        used.add(index)
        break
      }
    }
    if (!found) return null
    slots.push(found)
  }
  return { plan: { date, slots }, timelines }
}

/**
 * Whether the page carries a cheerful (not a loss) message of a pregnancy or child whose loss has
 * been reported since: that page is not shown again to a bereaved family.
 */
function cheerfulBeforeLoss(plan: DayPlan, current: readonly TimelineFacts[]): boolean {
  return plan.slots.some((s) => s.track !== 'loss' && current[s.timeline]?.loss !== undefined)
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
