import type { Audience } from './types'

// The shape of one language's sample content. Adding a language is adding files of this shape
// and one line in languages/index.ts; the generator loops over what exists.
//
// Rows may be sparse: a field missing from a row carries over from the nearest row before it.
// Japanese and English give every field every week; a language can give a row per span of weeks
// or months instead (やさしい日本語 does), and a field such as `family` can be written once per span.

export type Era = 'pregnancy' | 'baby' | 'toddler'
export type TopicKey = 'feelings' | 'couple' | 'food' | 'rest' | 'procedures' | 'local'

/** Own wording per audience; primary is always there. */
export type ByAudience<T> = { primary: T } & Partial<Record<Exclude<Audience, 'primary'>, T>>

export interface PregnancyRow {
  week: number
  baby?: string
  /** The pregnant person's body, as the primary reads it. */
  body?: string
  /**
   * The same for partner and family, where `body` speaks to the pregnant person as "you"; it
   * goes with this row's `body` (a row without it gives partner and family the `body`).
   */
  bodyOthers?: string
  tip?: string
  /** What the partner can do this week (the partner's tip). */
  partner?: string
  /** What grandparents and other family can do (the family's tip). */
  family?: string
}

export interface ChildRow {
  month: number
  development?: string
  care?: string
  checkups?: string
  /** Added after care and checkups for the partner. */
  partner?: string
  /** Added after care and checkups for the family. */
  family?: string
}

export interface TopicContent {
  key: TopicKey
  label: ByAudience<string>
  /** Variants per era and audience; an audience may have fewer variants than another. */
  texts: Record<Era, ByAudience<string[]>>
}

/** A topic with one primary text per era: how a language with fewer variants writes it. */
export function primaryTopic(
  key: TopicKey,
  label: string,
  [pregnancy, baby, toddler]: [string, string, string],
): TopicContent {
  return {
    key,
    label: { primary: label },
    texts: {
      pregnancy: { primary: [pregnancy] },
      baby: { primary: [baby] },
      toddler: { primary: [toddler] },
    },
  }
}

/** One audience's wording of every topic, kept in its own file and joined by `withAudience`. */
export type AudienceTopics = Record<TopicKey, { label: string; texts: Record<Era, string[]> }>

/** The topics with one more audience's wording added. */
export function withAudience(
  topics: readonly TopicContent[],
  audience: Exclude<Audience, 'primary'>,
  extra: AudienceTopics,
): TopicContent[] {
  return topics.map((topic) => {
    const own = extra[topic.key]
    const texts = Object.fromEntries(
      Object.entries(topic.texts).map(([era, byAudience]) => [
        era,
        { ...byAudience, [audience]: own.texts[era as Era] },
      ]),
    ) as TopicContent['texts']
    return { ...topic, label: { ...topic.label, [audience]: own.label }, texts }
  })
}

export interface LossRow {
  day: number
  texts: ByAudience<string[]>
}

export type SectionLabelKind = 'baby' | 'body' | 'tip' | 'development' | 'care' | 'checkups'
export interface SectionLabel {
  heading: string
  short: string
}

/** The fixed wording around the messages for one audience. */
export interface AudienceWords {
  /** Neutral: must not reveal a pregnancy, a child or a loss in an inbox list. */
  subject: string
  /** One SMS; `{{label}}` is the section's short label. */
  shortText: string
  lossShortText: string
  greeting: (label: string, track: 'pregnancy' | 'child') => string
  labels: Record<SectionLabelKind, SectionLabel>
}

export interface LanguageContent {
  /** The BCP 47 tag, as shared/languages registers it. */
  language: string
  /** The audiences with their own wording, primary first. */
  audiences: readonly Audience[]
  /** Marks every text as a sample no doctor or translator reviewed, in this language. */
  sampleMarking: string
  /** How every short text begins (the short form of the marking). */
  shortMarking: string
  /** Short-text limit in characters, placeholders counted at their budget (one SMS with the link). */
  shortTextLimit: number
  /** The day label of a slot, written to sit inside the greeting. */
  dayLabel: (slotKey: string) => string
  /** A topic label as the short text names it. */
  shortLabel: (heading: string) => string
  deskLine: string
  consultLink: string
  settingsLink: string
  closingLabel: string
  words: ByAudience<AudienceWords>
  pregnancy: PregnancyRow[]
  child: ChildRow[]
  topics: TopicContent[]
  loss: LossRow[]
  birthDay: ByAudience<string>
  closing: ByAudience<string[]>
}
