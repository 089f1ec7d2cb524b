import type { CivilDate } from '../calendar'
import type { Audience, LocalSupportEntry } from '../contract'
import type { PlannedSlot } from '../program'
import type { FilledBlock } from './filled'
import type { Fallback } from './select'
import type { Said } from './strings'
import type { DeliveryLinks } from './values'

/** One timeline's message for the day, filled for the resident. */
export interface ComposedMessage {
  slot: string
  /** Index of the timeline in the plan. */
  timeline: number
  track: PlannedSlot['track']
  messageId: string
  version: number
  language: string
  audience: Audience
  fallback: Fallback
  sample: boolean
  subject: string
  blocks: FilledBlock[]
  shortText: string
}

export interface ComposedEntry {
  id: string
  version: number
  kind: LocalSupportEntry['kind']
  /** The language the entry is shown in (a reader of another may get the original). */
  language: string
  /** For a reader of another language given the Japanese: a line in their language saying so. */
  note?: string
  title: string
  blocks: FilledBlock[]
  url?: string
}

/**
 * A slot no audience-right message fills in any fallback. Without any message the edge flags it
 * instead of sending nothing silently; with `lastResort` the primary's wording was sent instead.
 */
export interface Gap {
  slot: string
  timeline: number
  audience: Audience
  language: string
  tried: string[]
  lastResort?: { messageId: string; language: string }
}

/** A fixed line with its link, in both halves (see Said). */
export interface FrameLine {
  text: Said
  linkText: Said
  url: string
}

/** One delivery, channel-neutral: every channel renders from this. */
export interface Composition {
  date: CivilDate
  /** The resident's language: the fixed wording around the messages follows it. */
  language: string
  /** Neutral: nothing in it tells a pregnancy, a child or a loss. */
  subject: string
  /** In plan order: several timelines bundle into one delivery. Empty when every slot is a gap. */
  messages: ComposedMessage[]
  entries: ComposedEntry[]
  /** Entries open that day but left out by the town's cap (the preview shows them). */
  entriesResting: { id: string; title: string }[]
  /** Heading over the entries, e.g. さくら市からのお知らせ. */
  entriesHeading: Said
  consultation: { deskName: string; phone: string; hours: string; email: string; url: string }
  /** Asks for the real birthday while a child track follows the due date. */
  birthdayNote: FrameLine | null
  survey: FrameLine | null
  /**
   * Something to do in this window (first offer or reminder): its sentence and links (done, where,
   * survey). Email and LINE carry the links' own words alone; the page adds the Japanese.
   */
  task: {
    text: string
    language: string
    /** A reminder's words before and after the sentence (inside `text`), in the reader's language. */
    reminder?: { lang: string; before: string; after: string }
    links: { linkText: Said; url: string }[]
  } | null
  /** 「担当の保健師が … さんになりました」: a new nurse, told once (null on every other day). */
  nurseNote: string | null
  sender: {
    tenantName: string
    /** The email sender identity when the tenant sends email. */
    emailName?: string
    postalAddress: string
    email: string
    phone: string
    privacyUrl: string
    accentColor: string
  }
  links: DeliveryLinks
  gaps: Gap[]
  /** Any sample message inside: its visible marking is kept in every channel. */
  sample: boolean
}
