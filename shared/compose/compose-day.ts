import type { CivilDate } from '../calendar'
import {
  type Block,
  type LocalSupportEntry,
  neutralSubject,
  type TenantPart,
  type TenantSettings,
} from '../contract'
import { wordIn } from '../languages/wording'
import {
  type DayContext,
  type DayPlan,
  type PlannedSlot,
  type Program,
  slotContext,
  standardProgram,
  type TimelineFacts,
} from '../program'
import type { ComposedEntry, ComposedMessage, Composition, Gap } from './composition'
import { chooseDayEntries, type DayEntries } from './day-entries'
import { entryPhone, untranslatedEntry } from './entry-words'
import { Filler } from './fill'
import { entriesFor, entryIn } from './local-entries'
import type { MessageIndex } from './message-index'
import { type NurseChange, nurseNoteOf } from './nurse'
import type { ComposeProblem, Outcome } from './problem'
import { withSampleMarking } from './sample'
import { selectMessage } from './select'
import { said, say, strings } from './strings'
import { type TaskLineInput, withTaskLine } from './task-line'
import { type DeliveryLinks, placeholderValues, type Subscriber, tenantNameIn } from './values'

export interface ComposeInput {
  /** The tenant's part of the active snapshot: settings and local support entries. */
  tenant: TenantPart
  index: MessageIndex
  subscriber: Subscriber
  /** The same timelines planDay was given: windows and day labels are read from them. */
  timelines: readonly TimelineFacts[]
  plan: DayPlan
  date: CivilDate
  links: DeliveryLinks
  /** The survey this delivery offers (its link is links.surveyUrl): first invitation or reminder. */
  surveyLine?: { title: string; reminder: boolean }
  /** The task line this delivery carries (its links made by the edge). */
  taskLine?: TaskLineInput
  /** A nurse newly assigned to the resident's household, not told yet: the message tells them. */
  nurseChanges?: readonly NurseChange[]
}

export function programOf(tenant: TenantSettings): Program {
  return tenant.program.kind === 'custom' ? tenant.program.program : standardProgram
}

/** Each planned slot's context, and the entries open on the day's slots with the context their placeholders read. */
export function openOnDay(input: ComposeInput): {
  contexts: DayContext[]
  open: Map<string, { entry: LocalSupportEntry; context: DayContext }>
} {
  const { subscriber, plan, date } = input
  const tenant = input.tenant.tenant
  const program = programOf(tenant)
  const contexts: DayContext[] = []
  const open = new Map<string, { entry: LocalSupportEntry; context: DayContext }>()
  for (const planned of plan.slots) {
    const timeline = input.timelines[planned.timeline]
    const context: DayContext = timeline ? slotContext(timeline, date, program) : { track: 'none' }
    contexts.push(context)
    const query = {
      context,
      audience: subscriber.audience,
      language: subscriber.language,
      fallbackLanguages: tenant.languages.fallback,
      date,
    }
    for (const entry of entriesFor(input.tenant.localEntries, query))
      if (!open.has(entry.id)) open.set(entry.id, { entry, context })
  }
  return { contexts, open }
}

/** The open entries the resident's day shows and those resting (the rotation is spread by their id). */
export function dayEntriesOf(
  input: ComposeInput,
  open: ReadonlyMap<string, { entry: LocalSupportEntry }>,
): DayEntries<LocalSupportEntry> {
  return chooseDayEntries(
    [...open.values()].map(({ entry }) => entry),
    input.tenant.tenant.entriesPerMessage,
    input.subscriber.id ?? '',
    input.date,
  )
}

/** The day's delivery for one resident, or every problem that keeps it from being sent. */
export function composeDay(input: ComposeInput): Outcome<Composition> {
  const { subscriber, plan, links } = input
  const tenant = input.tenant.tenant
  const fallbackLanguages = tenant.languages.fallback
  const problems: ComposeProblem[] = []
  const messages: ComposedMessage[] = []
  const gaps: Gap[] = []
  const entries: ComposedEntry[] = []
  const { contexts, open } = openOnDay(input)

  for (const [i, planned] of plan.slots.entries()) {
    const context = contexts[i] as DayContext
    const selection = selectMessage(
      input.index,
      planned.slot,
      subscriber.audience,
      subscriber.language,
      fallbackLanguages,
    )
    if (selection.found) {
      const { message } = selection
      const filler = new Filler(
        placeholderValues(tenant, subscriber, links, context, message.language),
        `message ${message.id} v${message.version}`,
      )
      messages.push({
        slot: planned.slot,
        timeline: planned.timeline,
        track: planned.track,
        messageId: message.id,
        version: message.version,
        language: message.language,
        audience: selection.audience,
        fallback: selection.fallback,
        sample: message.sample,
        subject: filler.text(message.subject),
        ...withSampleMarking(
          message.sample,
          message.language,
          filler.blocks(message.body.blocks),
          filler.text(message.shortText),
        ),
      })
      problems.push(...filler.problems)
      if (selection.fallback === 'last-resort') {
        gaps.push({
          slot: planned.slot,
          timeline: planned.timeline,
          audience: subscriber.audience,
          language: subscriber.language,
          tried: [],
          lastResort: { messageId: message.id, language: message.language },
        })
      }
    } else {
      const { tried } = selection
      gaps.push({
        slot: planned.slot,
        timeline: planned.timeline,
        audience: subscriber.audience,
        language: subscriber.language,
        tried,
      })
    }
  }

  const day = dayEntriesOf(input, open)
  for (const entry of day.shown) {
    const { context } = open.get(entry.id) as { context: DayContext }
    const text = entryIn(entry, subscriber.language, fallbackLanguages)
    const filler = new Filler(
      placeholderValues(tenant, subscriber, links, context, text.language),
      `local entry ${entry.id} v${entry.version}`,
    )
    // The phone's label in the entry's own language: the line reads as one piece with its text.
    const blocks: Block[] = [
      ...text.body.blocks,
      ...(entry.phone ? [phoneBlock(entry.phone, text.language)] : []),
    ]
    entries.push({
      id: entry.id,
      version: entry.version,
      kind: entry.kind,
      language: text.language,
      ...(text.untranslated ? { note: wordIn(untranslatedEntry, subscriber.language).text } : {}),
      title: text.title,
      blocks: filler.blocks(blocks),
      ...(entry.url ? { url: entry.url } : {}),
    })
    problems.push(...filler.problems)
  }
  const resting = day.resting.map((entry) => ({ id: entry.id, title: entry.title }))

  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    value: withTaskLine(input, assemble(input, messages, entries, resting, gaps, plan.slots)),
  }
}

function assemble(
  input: ComposeInput,
  messages: ComposedMessage[],
  entries: ComposedEntry[],
  entriesResting: Composition['entriesResting'],
  gaps: Gap[],
  slots: readonly PlannedSlot[],
): Composition {
  const { subscriber, links, date } = input
  const tenant = input.tenant.tenant
  const language = subscriber.language
  const tenantName = tenantNameIn(tenant, language)
  return {
    date,
    language,
    subject: subjectOf(tenant, messages, language),
    messages,
    entries,
    entriesResting,
    entriesHeading: said(strings.localHeading(tenant.name), language),
    consultation: {
      deskName: tenant.desk.name,
      phone: tenant.desk.phone,
      hours: tenant.desk.hours,
      email: tenant.desk.email,
      url: links.consultUrl,
    },
    birthdayNote: slots.some((slot) => slot.provisional)
      ? {
          text: said(strings.birthdayNote, language),
          linkText: said(strings.birthdayLink, language),
          url: links.selfServiceUrl,
        }
      : null,
    survey: links.surveyUrl
      ? {
          text: said(surveyText(input.surveyLine), language),
          linkText: said(strings.surveyLink, language),
          url: links.surveyUrl,
        }
      : null,
    task: null,
    nurseNote: nurseNoteOf(input.nurseChanges ?? [], language),
    sender: {
      tenantName,
      ...(tenant.channels.email ? { emailName: tenant.channels.email.senderName } : {}),
      postalAddress: tenant.postalAddress,
      email: tenant.desk.email,
      phone: tenant.desk.phone,
      privacyUrl: tenant.privacyNotice.url,
      accentColor: tenant.branding.accentColor,
    },
    links,
    gaps,
    sample: messages.some((message) => message.sample),
  }
}

function surveyText(line: ComposeInput['surveyLine']) {
  if (!line) return strings.surveyLine
  return line.reminder ? strings.surveyReminder(line.title) : strings.surveyNamed(line.title)
}

// The first message's subject leads a bundle; a filled subject that would reveal a pregnancy
// (a nickname can hold any word) gives way to the tenant's plain one.
function subjectOf(tenant: TenantSettings, messages: readonly ComposedMessage[], language: string): string {
  const first = messages[0]?.subject
  if (first && neutralSubject.safeParse(first).success) return first
  return say(strings.defaultSubject(tenant.name), language)
}

/** An entry's phone as its own line, dialable from a phone's mail or message app. */
function phoneBlock(phone: string, language: string): Block {
  return {
    t: 'p',
    c: [
      { t: 'text', v: `${wordIn(entryPhone, language).text}: ` },
      { t: 'link', href: `tel:${phone}`, c: [{ t: 'text', v: phone }] },
    ],
  }
}
