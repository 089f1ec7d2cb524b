// Builds every sample message from the language files: one per slot × edition, for every
// language in languages/index.ts and every audience it has its own wording for. Pure: same
// input, same output; no I/O.

import { type Block, type Inline, type PlaceholderName, placeholderNames } from '../../shared/contract/body'
import { allSendSlots, standardProgram } from '../../shared/program'
import { sampleEditions } from './editions'
import type { ChildRow, LanguageContent, PregnancyRow } from './language-content'
import { languageContents } from './languages'
import { plainReadings, rubyInlines } from './readings'
import { type Plan, planFor, type Section } from './rotation'
import { type ParsedSlot, parseSlot } from './slots'
import type { Audience, Edition, SampleMessage } from './types'

const knownPlaceholders = new Set<string>(placeholderNames)

/** Text with `{{name}}` placeholders (and `{漢字|かんじ}` readings) → inline nodes. */
export function inlines(text: string): Inline[] {
  const out: Inline[] = []
  for (const [i, part] of text.split(/\{\{([a-zA-Z]+)\}\}/).entries()) {
    if (i % 2 === 0) {
      out.push(...rubyInlines(part))
    } else {
      if (!knownPlaceholders.has(part)) throw new Error(`Unknown placeholder {{${part}}} in "${text}"`)
      out.push({ t: 'ph', name: part as PlaceholderName })
    }
  }
  return out
}

const p = (text: string): Block => ({ t: 'p', c: inlines(text) })
const h = (text: string): Block => ({ t: 'h', c: inlines(text) })
const marker = (content: LanguageContent): Block => ({
  t: 'p',
  c: [{ t: 'strong', c: inlines(content.sampleMarking) }],
})
const link = (href: string, text: string): Block => ({ t: 'p', c: [{ t: 'link', href, c: inlines(text) }] })

type Keyed = { week: number } | { month: number }
const keyOf = (row: Keyed) => ('week' in row ? row.week : row.month)

/** A field of row `n`, carried over from the nearest row before it that has one. */
function carried<R extends Keyed, F extends keyof R>(rows: readonly R[], n: number, field: F) {
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!
    if (keyOf(row) <= n && row[field] !== undefined) return row[field] as NonNullable<R[F]>
  }
  return undefined
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Sample content lacks ${what}`)
  return value
}

class Writer {
  constructor(
    readonly content: LanguageContent,
    readonly audience: Audience,
  ) {}

  get words() {
    return need(this.content.words[this.audience], `${this.where} words`)
  }
  get where() {
    return `${this.content.language} ${this.audience}`
  }

  topicOf(section: Section) {
    const topic = this.content.topics.find((t) => t.key === section.topic?.key)
    return need(topic, `${this.where} topic ${section.topic?.key}`)
  }

  heading(section: Section): { heading: string; short: string } {
    if (section.kind !== 'topic') return this.words.labels[section.kind]
    const label = need(
      this.topicOf(section).label[this.audience],
      `${this.where} label of ${section.topic!.key}`,
    )
    return { heading: label, short: this.content.shortLabel(label) }
  }

  pregnancyField(week: number, field: keyof Omit<PregnancyRow, 'week'>): string {
    return need(carried(this.content.pregnancy, week, field), `${this.where} ${field} for week ${week}`)
  }

  childField(month: number, field: keyof Omit<ChildRow, 'month'>): string {
    return need(carried(this.content.child, month, field), `${this.where} ${field} for month ${month}`)
  }

  paragraphs(section: Section, plan: Plan): string[] {
    const audience = this.audience
    if (section.kind === 'topic') {
      const list = this.topicOf(section).texts[plan.era][audience]
      const texts = need(list, `${this.where} ${section.topic!.key} texts (${plan.era})`)
      return [texts[section.topic!.variant % texts.length]!]
    }
    if (plan.track === 'pregnancy') {
      const week = plan.row
      if (section.kind === 'tip')
        return [this.pregnancyField(week, audience === 'primary' ? 'tip' : audience)]
      if (section.kind === 'body' && audience !== 'primary') {
        // The wording for others goes with its own row's body, never with an earlier row's.
        const row = need(
          this.content.pregnancy.findLast((r) => r.week <= week && r.body !== undefined),
          `${this.where} body for week ${week}`,
        )
        return [row.bodyOthers ?? row.body!]
      }
      return [this.pregnancyField(week, section.kind as 'baby' | 'body')]
    }
    const kind = section.kind as 'development' | 'care' | 'checkups'
    const own = this.childField(plan.row, kind)
    // Partner and family hear the month's own suggestion for them on care and checkup days.
    if (audience !== 'primary' && kind !== 'development') return [own, this.childField(plan.row, audience)]
    return [own]
  }

  shortText(label: string): string {
    return plainReadings(this.words.shortText.replace('{{label}}', label))
  }

  program(key: string, slot: ParsedSlot) {
    const plan = planFor(slot)
    const blocks: Block[] = [
      marker(this.content),
      p(this.words.greeting(this.content.dayLabel(key), plan.track)),
    ]
    if (slot.phase === 'newborn' && slot.n === 0) {
      blocks.push(p(need(this.content.birthDay[this.audience], `${this.where} birth day`)))
    }
    for (const section of plan.sections) {
      blocks.push(h(this.heading(section).heading))
      for (const text of this.paragraphs(section, plan)) blocks.push(p(text))
    }
    blocks.push(p(this.content.deskLine), link('{{consultUrl}}', this.content.consultLink))
    const last = plan.sections[plan.sections.length - 1]!
    const tags = [
      `phase:${slot.phase}`,
      `era:${plan.era}`,
      plan.track === 'pregnancy' ? `week-${plan.row}` : `month-${plan.row}`,
      ...plan.sections.map((s) => (s.kind === 'topic' ? `topic:${s.topic!.key}` : `section:${s.kind}`)),
    ]
    return { blocks, shortText: this.shortText(this.heading(last).short), tags }
  }

  loss(slot: ParsedSlot) {
    const row = need(
      this.content.loss.find((l) => l.day === slot.n),
      `${this.where} loss text for loss/${slot.n}`,
    )
    const paragraphs = need(row.texts[this.audience], `${this.where} loss text for loss/${slot.n}`)
    const blocks: Block[] = [
      marker(this.content),
      ...paragraphs.map(p),
      link('{{consultUrl}}', this.content.consultLink),
      link('{{selfServiceUrl}}', this.content.settingsLink),
    ]
    const shortText = plainReadings(this.words.lossShortText)
    return { blocks, shortText, tags: ['phase:loss', `loss-day-${slot.n}`] }
  }

  closing() {
    const paragraphs = need(this.content.closing[this.audience], `${this.where} closing`)
    const blocks: Block[] = [
      marker(this.content),
      ...paragraphs.map(p),
      h(this.words.labels.checkups.heading),
      p(this.childField(36, 'checkups')),
      link('{{consultUrl}}', this.content.consultLink),
    ]
    return {
      blocks,
      shortText: this.shortText(this.content.closingLabel),
      tags: ['phase:age3', 'era:toddler', 'month-36', 'closing'],
    }
  }

  message(key: string): SampleMessage {
    const slot = parseSlot(key)
    const built =
      slot.phase === 'loss'
        ? this.loss(slot)
        : slot.phase === 'age3'
          ? this.closing()
          : this.program(key, slot)
    return {
      slot: key,
      audience: this.audience,
      language: this.content.language,
      subject: plainReadings(this.words.subject),
      body: { v: 1, blocks: built.blocks },
      shortText: built.shortText,
      topicTags: ['sample', ...built.tags],
      sample: true,
    }
  }
}

function writerFor({ audience, language }: Edition): Writer {
  const content = languageContents.find((c) => c.language === language)
  return new Writer(need(content, `the language ${language}`), audience)
}

/**
 * Every sample message for the given slots (default: the standard program's send slots) and
 * editions (default: every language × audience with its own wording, see editions.ts).
 */
export function generateSampleMessages(
  slotKeys: readonly string[] = allSendSlots(standardProgram),
  editions: readonly Edition[] = sampleEditions,
): SampleMessage[] {
  const writers = editions.map(writerFor)
  return slotKeys.flatMap((key) => writers.map((writer) => writer.message(key)))
}
