// Builds every sample message from the tables: one per slot × edition (primary ja, partner ja,
// primary en). Pure: same input, same output; no I/O.

import { type Block, type Inline, type PlaceholderName, placeholderNames } from '../../shared/contract/body'
import { allSendSlots, describeSlot, standardProgram } from '../../shared/program'
import { childMonths } from './child-months'
import { lossTexts } from './loss'
import { birthDay, closing } from './milestones'
import {
  childLabel,
  consultLink,
  deskLine,
  type Edition,
  greeting,
  lossShortTexts,
  pregnancyLabel,
  sampleMarking,
  shortTexts,
  subjects,
} from './phrases'
import { pregnancyWeeks } from './pregnancy-weeks'
import { type Plan, planFor, type Section } from './rotation'
import { type ParsedSlot, parseSlot } from './slots'
import { topics } from './topics'
import { type Audience, type Language, type SampleMessage, sampleEditions } from './types'

const knownPlaceholders = new Set<string>(placeholderNames)

/** Text with `{{name}}` placeholders → inline nodes. */
export function inlines(text: string): Inline[] {
  const out: Inline[] = []
  for (const [i, part] of text.split(/\{\{([a-zA-Z]+)\}\}/).entries()) {
    if (i % 2 === 0) {
      if (part) out.push({ t: 'text', v: part })
    } else {
      if (!knownPlaceholders.has(part)) throw new Error(`Unknown placeholder {{${part}}} in "${text}"`)
      out.push({ t: 'ph', name: part as PlaceholderName })
    }
  }
  return out
}

const p = (text: string): Block => ({ t: 'p', c: inlines(text) })
const h = (text: string): Block => ({ t: 'h', c: inlines(text) })
const marker = (language: Language): Block => ({
  t: 'p',
  c: [{ t: 'strong', c: inlines(sampleMarking[language]) }],
})
const link = (href: string, text: string): Block => ({ t: 'p', c: [{ t: 'link', href, c: inlines(text) }] })

const settingsLink: Record<Language, string> = {
  ja: 'お便りの一時停止・停止はこちら',
  en: 'Pause or stop these notes',
}

interface SectionLabels {
  heading: string
  short: string
}

function labelsFor(section: Section, edition: Edition): SectionLabels {
  const ja = edition !== 'primary-en'
  const partner = edition === 'partner-ja'
  switch (section.kind) {
    case 'baby':
      return ja
        ? { heading: '赤ちゃんの様子', short: '今週の様子' }
        : { heading: 'Your baby this week', short: 'this week' }
    case 'body':
      if (partner) return { heading: 'パートナーのからだ', short: 'からだのこと' }
      return ja
        ? { heading: 'からだのこと', short: 'からだのこと' }
        : { heading: 'Your body', short: 'your body' }
    case 'tip':
      if (partner) return { heading: '今週あなたにできること', short: '今週できること' }
      return ja
        ? { heading: '今週のヒント', short: '今週のヒント' }
        : { heading: 'This week’s tip', short: 'a tip' }
    case 'development':
      return ja
        ? { heading: '育ちの様子', short: '育ちの様子' }
        : { heading: 'Development', short: 'development' }
    case 'care':
      return ja
        ? { heading: 'お世話のこと', short: 'お世話のこと' }
        : { heading: 'Everyday care', short: 'everyday care' }
    case 'checkups':
      return ja
        ? { heading: '健診と予防接種', short: '健診と予防接種' }
        : { heading: 'Checkups and vaccinations', short: 'checkups' }
    case 'topic': {
      const label = topicOf(section).label
      const text = partner ? label.partner : ja ? label.ja : label.en
      return { heading: text, short: ja ? text : text.toLowerCase() }
    }
  }
}

function topicOf(section: Section) {
  const topic = topics.find((t) => t.key === section.topic?.key)
  if (!topic) throw new Error(`Section of kind topic without a known topic: ${JSON.stringify(section)}`)
  return topic
}

function sectionParagraphs(section: Section, plan: Plan, edition: Edition): string[] {
  const partner = edition === 'partner-ja'
  if (section.kind === 'topic') {
    const text = topicOf(section).texts[plan.era][section.topic!.variant]!
    return [partner ? text.partner : edition === 'primary-en' ? text.en : text.ja]
  }
  if (plan.track === 'pregnancy') {
    const row = pregnancyWeeks.find((w) => w.week === plan.row)
    if (!row) throw new Error(`No pregnancy-week row for week ${plan.row}`)
    if (edition === 'primary-en') return [row.en[section.kind as 'baby' | 'body' | 'tip']]
    if (partner && section.kind === 'tip') return [row.ja.partner]
    return [row.ja[section.kind as 'baby' | 'body' | 'tip']]
  }
  const row = childMonths.find((m) => m.month === plan.row)
  if (!row) throw new Error(`No child-month row for month ${plan.row}`)
  const kind = section.kind as 'development' | 'care' | 'checkups'
  if (edition === 'primary-en') return [row.en[kind]]
  // The partner hears the month's own suggestion on care and checkup days.
  if (partner && kind !== 'development') return [row.ja[kind], row.ja.partner]
  return [row.ja[kind]]
}

function shortText(edition: Edition, label: string): string {
  return shortTexts[edition].replace('{{label}}', label)
}

function programMessage(key: string, slot: ParsedSlot, edition: Edition, language: Language) {
  const plan = planFor(slot)
  const label =
    language === 'ja'
      ? describeSlot(key, 'ja')
      : slot.phase === 'pregnancy'
        ? pregnancyLabel(slot.n)
        : childLabel(slot.phase as 'newborn' | 'infant' | 'age1' | 'age2', slot.n)
  const blocks: Block[] = [marker(language), p(greeting(edition, label, plan.track))]
  if (slot.phase === 'newborn' && slot.n === 0) {
    blocks.push(
      p(edition === 'partner-ja' ? birthDay.partner : language === 'ja' ? birthDay.ja : birthDay.en),
    )
  }
  for (const section of plan.sections) {
    blocks.push(h(labelsFor(section, edition).heading))
    for (const text of sectionParagraphs(section, plan, edition)) blocks.push(p(text))
  }
  blocks.push(p(deskLine[language]), link('{{consultUrl}}', consultLink[language]))
  const last = plan.sections[plan.sections.length - 1]!
  const tags = [
    `phase:${slot.phase}`,
    `era:${plan.era}`,
    plan.track === 'pregnancy' ? `week-${plan.row}` : `month-${plan.row}`,
    ...plan.sections.map((s) => (s.kind === 'topic' ? `topic:${s.topic!.key}` : `section:${s.kind}`)),
  ]
  return { blocks, shortText: shortText(edition, labelsFor(last, edition).short), tags }
}

function lossMessage(slot: ParsedSlot, edition: Edition, language: Language) {
  const text = lossTexts.find((l) => l.day === slot.n)
  if (!text) throw new Error(`No loss text for loss/${slot.n}`)
  const paragraphs = edition === 'partner-ja' ? text.partner : language === 'ja' ? text.ja : text.en
  const blocks: Block[] = [
    marker(language),
    ...paragraphs.map(p),
    link('{{consultUrl}}', consultLink[language]),
    link('{{selfServiceUrl}}', settingsLink[language]),
  ]
  return { blocks, shortText: lossShortTexts[edition], tags: ['phase:loss', `loss-day-${slot.n}`] }
}

function closingMessage(edition: Edition, language: Language) {
  const paragraphs = edition === 'partner-ja' ? closing.partner : language === 'ja' ? closing.ja : closing.en
  const month36 = childMonths.find((m) => m.month === 36)!
  const blocks: Block[] = [
    marker(language),
    ...paragraphs.map(p),
    h(language === 'ja' ? '健診と予防接種' : 'Checkups and vaccinations'),
    p(language === 'ja' ? month36.ja.checkups : month36.en.checkups),
    link('{{consultUrl}}', consultLink[language]),
  ]
  const label = language === 'ja' ? 'これまでのお礼' : 'thank you'
  return {
    blocks,
    shortText: shortText(edition, label),
    tags: ['phase:age3', 'era:toddler', 'month-36', 'closing'],
  }
}

function message(key: string, audience: Audience, language: Language): SampleMessage {
  const slot = parseSlot(key)
  const edition: Edition = `${audience}-${language}`
  const built =
    slot.phase === 'loss'
      ? lossMessage(slot, edition, language)
      : slot.phase === 'age3'
        ? closingMessage(edition, language)
        : programMessage(key, slot, edition, language)
  return {
    slot: key,
    audience,
    language,
    subject: subjects[edition],
    body: { v: 1, blocks: built.blocks },
    shortText: built.shortText,
    topicTags: ['sample', ...built.tags],
    sample: true,
  }
}

/** Every sample message for the given slots (default: the standard program's send slots). */
export function generateSampleMessages(
  slotKeys: readonly string[] = allSendSlots(standardProgram),
): SampleMessage[] {
  return slotKeys.flatMap((key) =>
    sampleEditions.map(({ audience, language }) => message(key, audience, language)),
  )
}
