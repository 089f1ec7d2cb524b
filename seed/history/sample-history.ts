import { addDays } from '../../shared/calendar'
import {
  type AggregatesReportInput,
  contractVersion,
  emptyLists,
  type ReportLists,
} from '../../shared/contract'
import { consultationsOf } from './consultations'
import { costsOf } from './costs'
import { randomOf } from './draw'
import { interviewDesk } from './interviews'
import { programSendsOf } from './program-sends'
import { providerPausesOf } from './provider-pauses'
import { registrationsOf } from './registrations'
import { reachOf, residentStock } from './stock'
import { stopsOf } from './stops'
import { answersOf, type SampleSurvey } from './survey-answers'
import { type SampleTask, taskCountsOf } from './tasks'
import { audienceShare, type SampleTown, sharesOf, uptakeOf } from './town'

export type { SampleSurvey, SampleTask, SampleTown }

/**
 * A month of plausible counts for the dashboard of the seeded (fictional) towns, shaped as the
 * edge's daily report so the CMS stores it exactly as it stores a real one. Pure: the same towns,
 * surveys and day give the same report; each (town, date) draws from its own seeded PRNG. Only
 * the local seed uses it (seed/cms/sample-history.ts), and marks what it stores as sample data.
 */

export const sampleDays = 30

/** The report's lists the sample leaves out: they read as none (the contract's default). */
const leftOut = ['deskForwards', 'undecided'] as const
type Lists = Omit<ReportLists, (typeof leftOut)[number]>

/**
 * One town's month, day by day: stages move on, registrations join, some stop or are paused; what
 * that sends, costs and brings. Each list draws from the day's PRNG in this order: keep it.
 */
function townMonth(
  town: SampleTown,
  content: { surveys: readonly SampleSurvey[]; tasks: readonly SampleTask[] },
  dates: string[],
  lists: Lists,
) {
  const tenant = town.slug
  const stock = residentStock(town)
  const interviews = interviewDesk(randomOf(tenant, 'interviews'))
  const shares = sharesOf(town)
  const uptake = uptakeOf(town.birthsPerYear)
  const flaggedOn = dates[Math.floor(randomOf(tenant, 'flagged')() * (dates.length - 3)) + 1]!
  dates.forEach((date, index) => {
    const random = randomOf(tenant, date)
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
    const day = { tenant, date, index, random, weekend: weekday === 0 || weekday === 6 }
    // Registrations rise over the month (the town began mentioning it at the pregnancy notification).
    const rising = 0.7 + (0.6 * index) / Math.max(1, dates.length - 1)
    const perDay = ((town.birthsPerYear * uptake) / 365) * rising * (day.weekend ? 0.5 : 1.2)

    // Stages move on before the day's new registrations join.
    stock.moveOn(random)
    const registered = registrationsOf(day, perDay, shares, stock)
    lists.registrations.push(...registered.rows)
    const residents = stock.count(() => true)
    lists.stops.push(...stopsOf(day, stock))
    lists.providerPauses.push(...providerPausesOf(day, town.channels, stock))
    lists.residents.push(...stock.rows(day))

    const program = programSendsOf(day, town.channels, stock, dates.length - 1 - index)
    lists.deliveries.push(...program.deliveries)
    lists.reading.push(...program.reading)
    const paid = costsOf(day, town.channels, program.sent, registered.confirmations)
    lists.deliveries.push(...paid.deliveries)
    lists.costs.push(...paid.costs)
    lists.consultations.push(...consultationsOf(day, residents))

    const steady = perDay / rising
    const flow = { tenant, date, random, perDay: steady, reach: reachOf, audienceShare }
    const { answers, responses } = answersOf({
      ...flow,
      languages: shares.languages,
      surveys: content.surveys,
    })
    lists.surveys.push(...answers)
    lists.surveyResponses.push(...interviews.day(date, responses))
    lists.tasks.push(...taskCountsOf({ ...flow, tasks: content.tasks }))

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
  const lists: Lists = emptyLists(...leftOut)
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
