import { addDays } from '../../shared/calendar'
import {
  type AggregatesReport,
  type AggregatesReportInput,
  type Audience,
  type Channel,
  contractVersion,
  type ProviderPauseCount,
  providerPauseCauses,
  type ResidentStage,
  residentStages,
  type StopReason,
} from '../../shared/contract'
import { weighted } from '../residents/random'
import { binomial, poisson, randomOf, roundByChance } from './draw'
import { interviewDesk } from './interviews'
import { answersOf, type SampleSurvey } from './survey-answers'
import { type SampleTask, taskCountsOf } from './tasks'

export type { SampleSurvey, SampleTask }

/**
 * A month of plausible counts for the dashboard of the seeded (fictional) towns, shaped as the
 * edge's daily report so the CMS stores it exactly as it stores a real one. Pure: the same towns,
 * surveys and day give the same report; each (town, date) draws from its own seeded PRNG. Only
 * the local seed uses it (seed/cms/sample-history.ts), and marks what it stores as sample data.
 */

export interface SampleTown {
  slug: string
  birthsPerYear: number
  /** The channels the town offers; the first carries most residents. */
  channels: readonly Channel[]
  languages: readonly string[]
}

export const sampleDays = 30

/** Days a resident spends in each stage (registration at about week 8, so 妊娠前期 is short). */
const stageDays: Record<ResidentStage, number> = {
  'pregnancy-early': 42,
  'pregnancy-mid': 98,
  'pregnancy-late': 84,
  'day-0-100': 101,
  'to-1': 264,
  'to-2': 365,
  'to-3': 365,
}
/**
 * On the eve of the month, the share of each stage's steady flow that is registered: the service
 * began about two years ago, so older children's families joined fewer, and some have stopped.
 */
const filled: Record<ResidentStage, number> = {
  'pregnancy-early': 1,
  'pregnancy-mid': 1,
  'pregnancy-late': 0.99,
  'day-0-100': 0.95,
  'to-1': 0.75,
  'to-2': 0.45,
  'to-3': 0.2,
}
/** Where a new registration starts: most at the pregnancy notification, some later on. */
const joinAt: readonly (readonly [ResidentStage, number])[] = [
  ['pregnancy-early', 60],
  ['pregnancy-mid', 20],
  ['pregnancy-late', 10],
  ['day-0-100', 10],
]
/** Program messages a resident of each stage gets a day: daily, then every 3, 7 and 14 days. */
const sendsPerDay: Record<ResidentStage, number> = {
  'pregnancy-early': 1,
  'pregnancy-mid': 1,
  'pregnancy-late': 1,
  'day-0-100': 1,
  'to-1': 1 / 3,
  'to-2': 1 / 7,
  'to-3': 1 / 14,
}
/** A slot of each stage for the day (the dashboard counts by stage; the slot only has to exist). */
const slotOf: Record<ResidentStage, (day: number) => string> = {
  'pregnancy-early': (d) => `pregnancy/${60 + d}`,
  'pregnancy-mid': (d) => `pregnancy/${140 + d}`,
  'pregnancy-late': (d) => `pregnancy/${230 + d}`,
  'day-0-100': (d) => `newborn/${40 + d}`,
  'to-1': (d) => `infant/${120 + 3 * d}`,
  'to-2': (d) => `age1/${10 + (d % 40)}`,
  'to-3': (d) => `age2/${d % 26}`,
}
const audienceShare: Record<Audience, number> = { primary: 1, partner: 0.15, family: 0.05 }
/** Among the languages a town offers: mostly Japanese, some English, a few of each other (the registry's list is the only one). */
const languageWeight = (tag: string) => (tag === 'ja' ? 100 : tag === 'en' ? 4 : 1.5)
/** Pages opened per program message sent, by channel (a LINE message is read most). */
const readRate: Record<Channel, number> = { line: 0.62, sms: 0.48, email: 0.36 }
const clickRate = 0.18
const failure: Record<Channel, { permanent: number; transient: number }> = {
  email: { permanent: 0.0012, transient: 0.0004 },
  sms: { permanent: 0.0015, transient: 0.0008 },
  line: { permanent: 0.0008, transient: 0.0002 },
}
const stopWeights: readonly (readonly [StopReason, number])[] = [
  ['moved', 30],
  ['enough', 12],
  ['too-many', 10],
  ['not-useful', 5],
  ['other', 6],
  ['not-given', 37],
]
const stopsPerResidentDay = 0.0003
/**
 * Active residents a provider pauses a day: an address it refuses (an email bounce, a LINE
 * unfollow, an SMS number no longer in use), or repeated failures.
 */
const pausesPerResidentDay: Record<Channel, Record<ProviderPauseCount['cause'], number>> = {
  email: { refused: 0.00015, failures: 0.00003 },
  sms: { refused: 0.00006, failures: 0.00003 },
  line: { refused: 0.0003, failures: 0.00001 },
}

/** Share of a town's births whose families register: a village knows each family, a ward less so. */
export const uptakeOf = (birthsPerYear: number) =>
  birthsPerYear < 200 ? 0.6 : birthsPerYear < 2000 ? 0.45 : 0.35

type Cell = {
  stage: ResidentStage
  audience: Audience
  channel: Channel
  language: string
  state: 'active' | 'paused'
}
const cellKey = (c: Cell) => `${c.stage}|${c.audience}|${c.channel}|${c.language}|${c.state}`

const normalised = <K extends string>(weights: [K, number][]): [K, number][] => {
  const total = weights.reduce((n, [, w]) => n + w, 0)
  return weights.map(([key, w]) => [key, w / total])
}

function sharesOf(town: SampleTown) {
  const channels = normalised(town.channels.map((c, i): [Channel, number] => [c, i === 0 ? 0.6 : 0.4]))
  const languages = normalised(town.languages.map((l): [string, number] => [l, languageWeight(l)]))
  return { channels, languages }
}

/** The town's residents on the eve of the month: every stage filled as a steady flow would fill it. */
function residentsBefore(town: SampleTown): Map<string, { cell: Cell; count: number }> {
  const random = randomOf(town.slug, 'start')
  const { channels, languages } = sharesOf(town)
  const perDay = (town.birthsPerYear * uptakeOf(town.birthsPerYear)) / 365
  const stock = new Map<string, { cell: Cell; count: number }>()
  for (const stage of residentStages)
    for (const [audience, aShare] of Object.entries(audienceShare) as [Audience, number][])
      for (const [channel, cShare] of channels)
        for (const [language, lShare] of languages)
          for (const [state, sShare] of [
            ['active', 0.98],
            ['paused', 0.02],
          ] as const) {
            const expected = perDay * stageDays[stage] * filled[stage] * aShare * cShare * lShare * sShare
            const count = roundByChance(random, expected)
            const cell: Cell = { stage, audience, channel, language, state }
            if (count > 0) stock.set(cellKey(cell), { cell, count })
          }
  return stock
}

/** The report's lists the sample fills; a list it leaves out reads as none (the contract's default). */
type Lists = Pick<
  AggregatesReport,
  | 'deliveries'
  | 'surveys'
  | 'flaggedDeliveries'
  | 'residents'
  | 'registrations'
  | 'stops'
  | 'reading'
  | 'costs'
  | 'consultations'
  | 'surveyResponses'
  | 'tasks'
  | 'providerPauses'
>

/** One town's month, day by day: registrations join, stages move on, some stop; what that sends. */
function townMonth(
  town: SampleTown,
  content: { surveys: readonly SampleSurvey[]; tasks: readonly SampleTask[] },
  dates: string[],
  lists: Lists,
) {
  const tenant = town.slug
  const stock = residentsBefore(town)
  const interviews = interviewDesk(randomOf(tenant, 'interviews'))
  const reach = (stage: ResidentStage | null) => (stage ? filled[stage] : 1)
  const { channels, languages } = sharesOf(town)
  const uptake = uptakeOf(town.birthsPerYear)
  const flaggedOn = dates[Math.floor(randomOf(tenant, 'flagged')() * (dates.length - 3)) + 1]!
  const add = (cell: Cell, n: number) => {
    if (n <= 0) return
    const key = cellKey(cell)
    const held = stock.get(key)
    if (held) held.count += n
    else stock.set(key, { cell, count: n })
  }
  dates.forEach((date, index) => {
    const random = randomOf(tenant, date)
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
    const weekend = weekday === 0 || weekday === 6
    // Registrations rise over the month (the town began mentioning it at the pregnancy notification).
    const rising = 0.7 + (0.6 * index) / Math.max(1, dates.length - 1)
    const perDay = ((town.birthsPerYear * uptake) / 365) * rising * (weekend ? 0.5 : 1.2)

    // Stages move on (the oldest leave at three), before the day's new registrations join.
    for (let s = residentStages.length - 1; s >= 0; s--) {
      const stage = residentStages[s]!
      for (const held of [...stock.values()].filter((h) => h.cell.stage === stage)) {
        const moving = binomial(random, held.count, 1 / stageDays[stage])
        held.count -= moving
        const next = residentStages[s + 1]
        if (next) add({ ...held.cell, stage: next }, moving)
      }
    }

    const confirmations = new Map<Channel, number>()
    for (const [audience, aShare] of Object.entries(audienceShare) as [Audience, number][])
      for (const [channel, cShare] of channels)
        for (const [language, lShare] of languages) {
          const started = poisson(random, perDay * aShare * cShare * lShare * 1.3)
          if (started === 0) continue
          // LINE confirms in the chat; a code by SMS or a link by email is sometimes never used.
          const confirmed = binomial(random, started, channel === 'line' ? 0.96 : 0.88)
          lists.registrations.push({
            date,
            tenant,
            channel,
            language,
            audience,
            confirmed,
            unconfirmed: started - confirmed,
          })
          confirmations.set(channel, (confirmations.get(channel) ?? 0) + started)
          add(
            {
              stage: weighted(random, joinAt),
              audience,
              channel,
              language,
              state: 'active',
            },
            confirmed,
          )
        }

    // Stops: a few a week, each from a resident chosen at random, with the reason they gave.
    const everyone = [...stock.values()].filter((h) => h.count > 0)
    const total = everyone.reduce((n, h) => n + h.count, 0)
    const stops = new Map<StopReason, number>()
    let left = total
    for (let n = poisson(random, total * stopsPerResidentDay); n > 0 && left > 0; n--, left--) {
      const pick = Math.floor(random() * left)
      let seen = 0
      const held = everyone.find((h) => {
        seen += h.count
        return pick < seen
      })
      if (!held) break
      held.count--
      const reason = weighted(random, stopWeights)
      stops.set(reason, (stops.get(reason) ?? 0) + 1)
    }
    for (const [reason, count] of stops) lists.stops.push({ date, tenant, reason, count })

    // A few a day are paused by their provider: moved from active to paused on the same channel.
    for (const channel of town.channels)
      for (const cause of providerPauseCauses) {
        const active = [...stock.values()].filter(
          (h) => h.cell.channel === channel && h.cell.state === 'active',
        )
        let left = active.reduce((n, h) => n + h.count, 0)
        let paused = 0
        for (let n = poisson(random, left * pausesPerResidentDay[channel][cause]); n > 0 && left > 0; n--) {
          const pick = Math.floor(random() * left)
          let seen = 0
          const held = active.find((h) => {
            seen += h.count
            return pick < seen
          })
          if (!held) break
          held.count--
          left--
          add({ ...held.cell, state: 'paused' }, 1)
          paused++
        }
        if (paused > 0) lists.providerPauses.push({ date, tenant, channel, cause, count: paused })
      }

    for (const { cell, count } of stock.values())
      if (count > 0) lists.residents.push({ date, tenant, ...cell, count })

    // The day's program messages to the active, by stage and channel; and how they were read.
    const sent = new Map<Channel, number>()
    const age = dates.length - 1 - index
    for (const stage of residentStages)
      for (const channel of town.channels) {
        const active = [...stock.values()]
          .filter((h) => h.cell.stage === stage && h.cell.channel === channel && h.cell.state === 'active')
          .reduce((n, h) => n + h.count, 0)
        const due = binomial(random, active, sendsPerDay[stage])
        if (due === 0) continue
        const permanent = binomial(random, due, failure[channel].permanent)
        const transient = binomial(random, due - permanent, failure[channel].transient)
        const delivered = due - permanent - transient
        const slot = slotOf[stage](index)
        for (const [outcome, count] of [
          ['sent', delivered],
          ['failed-permanent', permanent],
          ['failed-transient', transient],
        ] as const)
          if (count > 0)
            lists.deliveries.push({ date, tenant, kind: 'program', slot, channel, outcome, count })
        sent.set(channel, (sent.get(channel) ?? 0) + delivered)
        // Pages are still being opened for the last days' messages: fewer so far.
        const soFar = 1 - 0.4 * 0.5 ** age
        const later = stage.startsWith('pregnancy') ? 1.08 : stage === 'day-0-100' ? 1 : 0.85
        const opened = binomial(random, delivered, Math.min(0.95, readRate[channel] * later * soFar))
        const clicked = binomial(random, opened, clickRate)
        lists.reading.push({ date, tenant, channel, stage, sent: delivered, opened, clicked })
      }

    for (const channel of town.channels) {
      const confirming = confirmations.get(channel) ?? 0
      if (confirming > 0)
        lists.deliveries.push({
          date,
          tenant,
          kind: 'confirmation',
          slot: null,
          channel,
          outcome: 'sent',
          count: confirming,
        })
      const messages = (sent.get(channel) ?? 0) + confirming
      // A short text and its link fit one segment; a longer confirmation or a language in UCS-2 takes two.
      const smsSegments = channel === 'sms' ? messages + binomial(random, messages, 0.07) : 0
      if (messages > 0) lists.costs.push({ date, tenant, channel, messages, smsSegments })
    }

    // Consultations come on weekdays mostly; nearly all answered by the next working day.
    const received = poisson(random, total * (weekend ? 0.00015 : 0.0004))
    if (received > 0)
      lists.consultations.push({
        date,
        tenant,
        received,
        urgent: binomial(random, received, 0.08),
        answeredWithinOneWorkingDay: binomial(random, received, 0.9),
      })

    const steady = perDay / rising
    const { answers, responses } = answersOf({
      tenant,
      date,
      random,
      perDay: steady,
      reach,
      audienceShare,
      languages,
      surveys: content.surveys,
    })
    lists.surveys.push(...answers)
    lists.surveyResponses.push(...interviews.day(date, responses))
    lists.tasks.push(
      ...taskCountsOf({ tenant, date, random, perDay: steady, reach, audienceShare, tasks: content.tasks }),
    )

    // One program delivery of the month that could not be confirmed sent, since decided.
    if (date === flaggedOn)
      lists.flaggedDeliveries.push({ date, tenant, open: 0, resolved: 1, deadLetters: 0 })
  })
}

/** The sample report of the `days` days before `today` (a Tokyo date) for `towns`. */
export function sampleHistory(input: {
  towns: readonly SampleTown[]
  surveys: readonly SampleSurvey[]
  tasks: readonly SampleTask[]
  today: string
  days?: number
}): AggregatesReportInput {
  const days = input.days ?? sampleDays
  const dates = Array.from({ length: days }, (_, i) => addDays(input.today, i - days))
  const lists: Lists = {
    deliveries: [],
    surveys: [],
    flaggedDeliveries: [],
    residents: [],
    registrations: [],
    stops: [],
    reading: [],
    costs: [],
    consultations: [],
    surveyResponses: [],
    tasks: [],
    providerPauses: [],
  }
  for (const town of input.towns) townMonth(town, input, dates, lists)
  return {
    contractVersion,
    // Midnight of `today` in Tokyo: the report of the days before it.
    generatedAt: `${addDays(input.today, -1)}T15:00:00.000Z`,
    from: dates[0] ?? input.today,
    to: dates.at(-1) ?? input.today,
    tenants: input.towns.map((town) => town.slug),
    ...lists,
  }
}
