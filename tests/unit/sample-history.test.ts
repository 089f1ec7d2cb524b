import { describe, expect, it } from 'vitest'
import { surveysOf } from '../../cms/publish/surveys'
import type { SurveyDoc } from '../../cms/publish/types'
import { type SampleTask, type SampleTown, sampleHistory } from '../../seed/history/sample-history'
import { seedSurveys, surveyDocsOf } from '../../seed/surveys/definitions'
import { seedTasks } from '../../seed/tasks/definitions'
import { loadSeedTenants } from '../../seed/tenants'
import { addDays } from '../../shared/calendar'
import { type AggregatesReport, aggregatesReport, type Channel } from '../../shared/contract'

// The sample month `npm start` writes for the seeded towns' dashboards (seed/history).
const today = '2026-12-07'
const towns: SampleTown[] = loadSeedTenants().map((t) => ({
  slug: t.settings.slug,
  birthsPerYear: t.birthsPerYear,
  channels: Object.keys(t.settings.channels) as Channel[],
  languages: t.settings.languages.offered,
}))
// The seeded surveys as the CMS publishes them (ids survey-<doc>-<occasion>, questions q1…).
const surveys = surveysOf(
  seedSurveys.flatMap((survey, s) =>
    surveyDocsOf(survey).map(
      (doc, l) => ({ ...doc, id: 10 * s + l + 1, version: 1 }) as unknown as SurveyDoc,
    ),
  ),
)
// The seeded national tasks as published (ids task-<doc>).
const tasks: SampleTask[] = seedTasks.map((task, i) => ({ ...task, id: `task-${i + 1}` }))
// As the CMS reads it (lists the sample leaves out read as none).
const report = aggregatesReport.parse(sampleHistory({ towns, surveys, tasks, today }))
const dates = Array.from({ length: 30 }, (_, i) => addDays(today, i - 30))

const sum = <T>(rows: readonly T[], count: (row: T) => number) => rows.reduce((n, row) => n + count(row), 0)
const ofTown = <T extends { tenant: string }>(rows: readonly T[], slug: string) =>
  rows.filter((row) => row.tenant === slug)
const countFields = (row: object) =>
  Object.entries(row).filter(([key, value]) => typeof value === 'number' && key !== 'surveyVersion')

describe('the sample month of the seeded towns', () => {
  it('is a report the CMS accepts, of the 30 days before today, naming each seeded town', () => {
    expect(aggregatesReport.safeParse(sampleHistory({ towns, surveys, tasks, today })).success).toBe(true)
    expect(report.from).toBe('2026-11-07')
    expect(report.to).toBe('2026-12-06')
    expect(report.tenants).toEqual(['sorairo-town', 'mizuhoshi-city', 'komorebi-ward'])
    for (const town of towns) {
      expect(new Set(ofTown(report.residents, town.slug).map((r) => r.date))).toEqual(new Set(dates))
      expect(new Set(ofTown(report.costs, town.slug).map((r) => r.date))).toEqual(new Set(dates))
    }
  })

  it('has no negative or fractional count anywhere', () => {
    const lists = Object.values(report).filter(Array.isArray) as Record<string, unknown>[][]
    const counts = lists.flat().flatMap((row) => countFields(row).map(([, value]) => value as number))
    expect(counts.length).toBeGreaterThan(10_000)
    expect(counts.every((n) => Number.isInteger(n) && n >= 0)).toBe(true)
  })

  it('opens no more pages than were sent, and clicks no more links than pages opened; a plausible read rate', () => {
    for (const row of report.reading) {
      expect(row.opened).toBeLessThanOrEqual(row.sent)
      expect(row.clicked).toBeLessThanOrEqual(row.opened)
    }
    const rate = sum(report.reading, (r) => r.opened) / sum(report.reading, (r) => r.sent)
    expect(rate).toBeGreaterThan(0.3)
    expect(rate).toBeLessThan(0.7)
    // LINE messages are read more than emails.
    const rateOf = (channel: Channel) => {
      const rows = report.reading.filter((r) => r.channel === channel)
      return sum(rows, (r) => r.opened) / sum(rows, (r) => r.sent)
    }
    expect(rateOf('line')).toBeGreaterThan(rateOf('email'))
  })

  it('costs what was sent: messages per channel and day are the deliveries sent, SMS segments on SMS only', () => {
    for (const cost of report.costs) {
      const sent = report.deliveries.filter(
        (d) =>
          d.tenant === cost.tenant &&
          d.date === cost.date &&
          d.channel === cost.channel &&
          d.outcome === 'sent',
      )
      expect(cost.messages).toBe(sum(sent, (d) => d.count))
      if (cost.channel === 'sms') expect(cost.smsSegments).toBeGreaterThanOrEqual(cost.messages)
      else expect(cost.smsSegments).toBe(0)
    }
    expect(sum(report.costs, (c) => c.smsSegments)).toBeGreaterThan(0)
  })

  it('uses only the channels and languages each town offers', () => {
    for (const town of towns) {
      const rows = [
        ...ofTown(report.residents, town.slug),
        ...ofTown(report.registrations, town.slug),
        ...ofTown(report.deliveries, town.slug),
      ]
      expect(rows.every((r) => town.channels.includes(r.channel))).toBe(true)
      expect(
        [...ofTown(report.residents, town.slug), ...ofTown(report.registrations, town.slug)].every((r) =>
          town.languages.includes(r.language),
        ),
      ).toBe(true)
    }
  })

  it('has registrations rising over the month, and nobody counted who did not register', () => {
    const regs = (rows: AggregatesReport['registrations']) => sum(rows, (r) => r.confirmed)
    const firstHalf = report.registrations.filter((r) => r.date < dates[15]!)
    const secondHalf = report.registrations.filter((r) => r.date >= dates[15]!)
    expect(regs(secondHalf)).toBeGreaterThan(regs(firstHalf))
    for (const town of towns) {
      const residentsOn = (date: string) =>
        sum(
          ofTown(report.residents, town.slug).filter((r) => r.date === date),
          (r) => r.count,
        )
      for (const [i, date] of dates.entries()) {
        if (i === 0) continue
        const joined = regs(ofTown(report.registrations, town.slug).filter((r) => r.date === date))
        expect(residentsOn(date)).toBeLessThanOrEqual(residentsOn(dates[i - 1]!) + joined)
      }
      // A month of a growing service: more registered at its end than at its start.
      expect(residentsOn(dates[29]!)).toBeGreaterThan(residentsOn(dates[0]!))
    }
  })

  it('has a few failures, exactly one flagged delivery per town, stops with reasons, consultations and survey answers', () => {
    const sent = sum(
      report.deliveries.filter((d) => d.outcome === 'sent'),
      (d) => d.count,
    )
    const failed = sum(
      report.deliveries.filter((d) => d.outcome !== 'sent'),
      (d) => d.count,
    )
    expect(failed).toBeGreaterThan(0)
    expect(failed / sent).toBeLessThan(0.01)
    for (const town of towns) {
      const flagged = ofTown(report.flaggedDeliveries, town.slug)
      expect(sum(flagged, (f) => f.open + f.resolved + f.deadLetters)).toBe(1)
    }
    expect(new Set(report.stops.map((s) => s.reason)).size).toBeGreaterThan(3)
    for (const row of report.consultations) {
      expect(row.urgent).toBeLessThanOrEqual(row.received)
      expect(row.answeredWithinOneWorkingDay).toBeLessThanOrEqual(row.received)
    }
    expect(sum(report.consultations, (c) => c.received)).toBeGreaterThan(0)
    const ids = new Set(surveys.map((s) => s.id))
    expect(report.surveys.length).toBeGreaterThan(0)
    expect(report.surveys.every((a) => ids.has(a.surveyId))).toBe(true)
    // Of those asked about an interview, a few ask for one.
    const interview = (value: string) =>
      sum(
        report.surveys.filter((a) => a.value === value),
        (a) => a.count,
      )
    expect(interview('yes')).toBeGreaterThan(0)
    expect(interview('yes')).toBeLessThan(interview('no'))
    // English surveys only where English is offered.
    const english = new Set(surveys.filter((s) => s.language === 'en').map((s) => s.id))
    expect(ofTown(report.surveys, 'sorairo-town').some((a) => english.has(a.surveyId))).toBe(false)
  })

  it('reaches each seeded survey in its stage: answers no more than offered, as many as answered its first question, interviews held after they were asked for', () => {
    for (const row of report.surveyResponses) {
      expect(row.answered).toBeLessThanOrEqual(row.offered)
      expect(row.reminded).toBeLessThanOrEqual(row.offered)
      expect(row.interviewsRequested).toBeLessThanOrEqual(row.answered)
    }
    // Every seeded survey's every time (month 6, month 8, the yearly survey's four) in each larger
    // town; a village of 90 births a year may see none of a month-8 survey in a month.
    const japanese = surveys.filter((s) => s.language === 'ja')
    for (const town of towns.filter((t) => t.birthsPerYear >= 1000)) {
      const seen = new Set(ofTown(report.surveyResponses, town.slug).map((r) => r.surveyId))
      expect(
        japanese.map((s) => s.id).filter((id) => !seen.has(id)),
        town.slug,
      ).toEqual([])
    }
    expect(ofTown(report.surveyResponses, 'sorairo-town').length).toBeGreaterThan(0)
    // The month-8 survey in 妊娠後期, the month-6 one in 中期.
    const month = (m: number) =>
      japanese.find((s) => s.window.unit === 'pregnancy-month' && s.window.from === m)!
    expect(
      new Set(report.surveyResponses.filter((r) => r.surveyId === month(6).id).map((r) => r.stage)),
    ).toEqual(new Set(['pregnancy-mid']))
    const month8 = month(8)
    expect(
      new Set(report.surveyResponses.filter((r) => r.surveyId === month8.id).map((r) => r.stage)),
    ).toEqual(new Set(['pregnancy-late']))
    const rate =
      sum(report.surveyResponses, (r) => r.answered) / sum(report.surveyResponses, (r) => r.offered)
    expect(rate).toBeGreaterThan(0.3)
    expect(rate).toBeLessThan(0.6)
    // The answers of a day are those of its residents who answered: a single-choice question is answered once each.
    for (const row of report.surveyResponses) {
      const survey = surveys.find((s) => s.id === row.surveyId)!
      const first = survey.questions.find((q) => q.kind === 'single')!
      const answers = report.surveys.filter(
        (a) =>
          a.tenant === row.tenant &&
          a.date === row.date &&
          a.surveyId === row.surveyId &&
          a.questionId === first.id,
      )
      expect(sum(answers, (a) => a.count)).toBe(row.answered)
    }
    // An interview is held after it was asked for: by each day, no more held than asked for so far.
    for (const town of towns)
      for (const survey of surveys) {
        const rows = ofTown(report.surveyResponses, town.slug).filter((r) => r.surveyId === survey.id)
        for (const date of dates) {
          const upTo = rows.filter((r) => r.date <= date)
          expect(sum(upTo, (r) => r.interviewsHeld)).toBeLessThanOrEqual(
            sum(upTo, (r) => r.interviewsRequested),
          )
        }
      }
    expect(sum(report.surveyResponses, (r) => r.interviewsHeld)).toBeGreaterThan(0)
  })

  it('offers each seeded task in each town; done no more than offered, done after a reminder no more than reminded or done', () => {
    for (const row of report.tasks) {
      expect(row.done).toBeLessThanOrEqual(row.offered)
      expect(row.reminded).toBeLessThanOrEqual(row.offered)
      expect(row.doneAfterReminder).toBeLessThanOrEqual(row.reminded)
      expect(row.doneAfterReminder).toBeLessThanOrEqual(row.done)
    }
    for (const town of towns)
      expect(new Set(ofTown(report.tasks, town.slug).map((r) => r.taskId))).toEqual(
        new Set(tasks.map((t) => t.id)),
      )
    const done = sum(report.tasks, (r) => r.done) / sum(report.tasks, (r) => r.offered)
    expect(done).toBeGreaterThan(0.4)
    expect(done).toBeLessThan(0.95)
    expect(sum(report.tasks, (r) => r.doneAfterReminder)).toBeGreaterThan(0)
  })

  it('has a few residents paused by their provider, on the channels each town offers, each still counted as paused', () => {
    expect(sum(report.providerPauses, (p) => p.count)).toBeGreaterThan(0)
    expect(new Set(report.providerPauses.map((p) => p.cause))).toEqual(new Set(['refused', 'failures']))
    for (const town of towns) {
      const pauses = ofTown(report.providerPauses, town.slug)
      expect(pauses.every((p) => town.channels.includes(p.channel))).toBe(true)
      for (const channel of town.channels) {
        const pausedAtEnd = sum(
          ofTown(report.residents, town.slug).filter(
            (r) => r.date === dates[29] && r.channel === channel && r.state === 'paused',
          ),
          (r) => r.count,
        )
        expect(
          sum(
            pauses.filter((p) => p.channel === channel),
            (p) => p.count,
          ),
        ).toBeLessThanOrEqual(pausedAtEnd)
      }
      // Paused residents grow by the month's provider pauses (less those who stopped): none appear from nowhere.
      const paused = (date: string) =>
        sum(
          ofTown(report.residents, town.slug).filter((r) => r.date === date && r.state === 'paused'),
          (r) => r.count,
        )
      for (const [i, date] of dates.entries())
        if (i > 0)
          expect(paused(date)).toBeLessThanOrEqual(
            paused(dates[i - 1]!) +
              sum(
                pauses.filter((p) => p.date === date),
                (p) => p.count,
              ),
          )
    }
  })

  it('is the same for the same towns and day, and each town draws its own numbers', () => {
    expect(aggregatesReport.parse(sampleHistory({ towns, surveys, tasks, today }))).toEqual(report)
    const alone = aggregatesReport.parse(sampleHistory({ towns: [towns[1]!], surveys, tasks, today }))
    expect(alone.deliveries).toEqual(ofTown(report.deliveries, towns[1]!.slug))
    expect(alone.residents).toEqual(ofTown(report.residents, towns[1]!.slug))
    const tomorrow = aggregatesReport.parse(
      sampleHistory({ towns, surveys, tasks, today: addDays(today, 1) }),
    )
    expect(tomorrow.from).toBe(addDays(report.from, 1))
    expect(tomorrow.to).toBe(today)
  })
})
