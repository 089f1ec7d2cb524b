// The fixed English wording around each message. Subjects stay neutral so an inbox list reveals
// nothing. Day labels are written to sit inside a sentence.

import type { AudienceWords, SectionLabel } from '../../language-content'
import { parseSlot } from '../../slots'

function pregnancyLabel(g: number): string {
  const w = Math.floor(g / 7)
  const d = g % 7
  return `${w} weeks and ${d} ${d === 1 ? 'day' : 'days'} pregnant`
}

function childLabel(phase: string, n: number): string {
  if (phase === 'newborn' || phase === 'infant') return `${n} ${n === 1 ? 'day' : 'days'} old`
  const birthday = `your child’s ${phase === 'age1' ? 'first' : 'second'} birthday`
  const weeks = phase === 'age1' ? n : 2 * n
  return weeks === 0 ? birthday : `${weeks} weeks after ${birthday}`
}

function dayLabel(slotKey: string): string {
  const slot = parseSlot(slotKey)
  return slot.phase === 'pregnancy' ? pregnancyLabel(slot.n) : childLabel(slot.phase, slot.n)
}

function childGreeting(hello: string, label: string, child: string): string {
  if (label === '0 days old') return `${hello}Today is the day ${child} was born.`
  return label.endsWith(' old') ? `${hello}${cap(child)} is ${label} today.` : `${hello}Today is ${label}.`
}
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1)

const hello = 'Hello {{nickname}}. '
const same = (heading: string, short = heading.toLowerCase()): SectionLabel => ({ heading, short })
const shared = {
  development: same('Development'),
  care: same('Everyday care'),
  checkups: same('Checkups and vaccinations', 'checkups'),
}
const shortText = '[Sample] Hi {{nickname}}, today’s note from {{tenantName}}: {{label}}.'
const lossShortText = '[Sample] {{nickname}}, a note from {{tenantName}}.'

export const primary: AudienceWords = {
  subject: 'A note from {{tenantName}}',
  shortText,
  lossShortText,
  greeting: (label, track) =>
    track === 'pregnancy' ? `${hello}Today you are ${label}.` : childGreeting(hello, label, 'your child'),
  labels: {
    ...shared,
    baby: same('Your baby this week', 'this week'),
    body: same('Your body'),
    tip: same('This week’s tip', 'a tip'),
  },
}

export const partner: AudienceWords = {
  subject: 'A note from {{tenantName}} for partners',
  shortText,
  lossShortText,
  greeting: (label, track) =>
    track === 'pregnancy'
      ? `${hello}Today your partner is ${label}.`
      : childGreeting(hello, label, 'your child'),
  labels: {
    ...shared,
    baby: same('The baby this week', 'this week'),
    body: same('Your partner’s body', 'your partner'),
    tip: same('What you can do this week', 'what you can do'),
  },
}

// Grandparents and other family: never addressed as the pregnant person or the parent.
export const family: AudienceWords = {
  subject: 'A note from {{tenantName}} for family',
  shortText,
  lossShortText,
  greeting: (label, track) =>
    track === 'pregnancy'
      ? `${hello}Today the expecting parent in your family is ${label}.`
      : childGreeting(hello, label.replace('your child’s', 'the child’s'), 'the baby'),
  labels: {
    ...shared,
    baby: same('The baby this week', 'this week'),
    body: same('How the pregnancy feels', 'the pregnancy'),
    tip: same('How you can help this week', 'how to help'),
  },
}

export const fixed = {
  sampleMarking: '[Sample] This text has not been reviewed by a doctor or midwife.',
  shortMarking: '[Sample]',
  shortTextLimit: 120,
  dayLabel,
  shortLabel: (heading: string) => heading.toLowerCase(),
  deskLine:
    'Questions? Contact {{deskName}} ({{deskPhone}}, {{deskHours}}). For sudden changes in health, call your own doctor or hospital.',
  consultLink: 'Open the consultation form',
  settingsLink: 'Pause or stop these notes',
  closingLabel: 'thank you',
}
