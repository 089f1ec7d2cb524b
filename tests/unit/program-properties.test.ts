import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type CivilDate, fromDayNumber, toDayNumber } from '../../shared/calendar'
import {
  decideDay,
  isProgramSlot,
  nextSendOn,
  type Program,
  planDay,
  scheduleBetween,
  slotOn,
  standardProgram,
  type TimelineFacts,
  timelineEndsOn,
  timelineProblem,
  withOverrides,
} from '../../shared/program'

const day = toDayNumber
const date = fromDayNumber

const tenantProgram = withOverrides(standardProgram, {
  pregnancy: { fromDay: 84, every: 7 },
  child: [
    { name: 'newborn', anchorYears: 0, startDay: 0, every: 1, until: { day: 27 }, numbering: 'day' },
    {
      name: 'infant',
      anchorYears: 0,
      startDay: 28,
      every: 14,
      until: { beforeBirthday: 1 },
      numbering: 'day',
    },
    {
      name: 'toddler',
      anchorYears: 1,
      startDay: 0,
      every: 30,
      until: { beforeBirthday: 2 },
      numbering: 'count',
    },
  ],
  loss: { days: [1, 7, 30], quietDays: 30 },
})

const event = (anchor: number, min: number, max: number) =>
  fc
    .record({ offset: fc.integer({ min, max }), late: fc.integer({ min: 0, max: 45 }) })
    .map(({ offset, late }) => ({
      date: date(anchor + offset),
      reportedOn: date(anchor + offset + late),
    }))

const pregnancyTimeline = fc
  .record({
    from: fc.integer({ min: day('2025-01-01'), max: day('2027-12-31') }),
    due: fc.integer({ min: -60, max: 280 }),
  })
  .chain(({ from, due }) =>
    fc.record({
      from: fc.constant(date(from)),
      due: fc.constant(date(from + due)),
      birth: fc.option(event(from + due, -126, 30), { nil: undefined }),
      loss: fc.option(event(from + due, -260, 900), { nil: undefined }),
    }),
  )

const bornTimeline = fc.integer({ min: day('2024-01-01'), max: day('2027-12-31') }).chain((born) =>
  fc.record({
    from: fc.integer({ min: -1100, max: 30 }).map((offset) => date(born - offset)),
    birth: event(born, 0, 0),
    loss: fc.option(event(born, 0, 1200), { nil: undefined }),
  }),
)

const timeline: fc.Arbitrary<TimelineFacts> = fc
  .oneof(pregnancyTimeline, bornTimeline)
  .map((facts) => JSON.parse(JSON.stringify(facts)) as TimelineFacts)
  .filter((facts) => timelineProblem(facts) === null)

const timelines = fc.array(timeline, { minLength: 1, maxLength: 3 })
const program = fc.constantFrom<Program>(standardProgram, tenantProgram)
/** Two residents with as many timelines each. */
const sameSize = timelines.chain((a) =>
  fc.tuple(fc.constant(a), fc.array(timeline, { minLength: a.length, maxLength: a.length })),
)

/** The days worth looking at: from the earliest registration to past the last end. */
function span(all: readonly TimelineFacts[], p: Program): [number, number] {
  const first = Math.min(...all.map((t) => day(t.from)))
  const ends = all.map((t) => timelineEndsOn(t, p)).filter((e): e is CivilDate => e !== null)
  const last = ends.length > 0 ? Math.max(...ends.map(day)) : first
  return [first - 3, last + 3]
}

const reported = (e: { date: CivilDate; reportedOn?: CivilDate } | undefined) =>
  e ? day(e.reportedOn ?? e.date) : Number.POSITIVE_INFINITY

describe('properties over random residents', () => {
  it('one delivery a day, one slot per timeline, nothing before registration, after the end, or but loss slots after a loss', () => {
    fc.assert(
      fc.property(timelines, program, (all, p) => {
        const [first, last] = span(all, p)
        const ends = all.map((t) => timelineEndsOn(t, p))
        for (let d = first; d <= last; d++) {
          const plan = planDay(all, date(d), p)
          if (!plan) continue
          expect(plan.date).toBe(date(d))
          expect(new Set(plan.slots.map((s) => s.timeline)).size).toBe(plan.slots.length)
          for (const send of plan.slots) {
            const t = all[send.timeline]!
            expect(d).toBeGreaterThanOrEqual(day(t.from))
            expect(d).toBeLessThanOrEqual(day(ends[send.timeline]!))
            expect(isProgramSlot(p, send.slot)).toBe(true)
            if (d >= reported(t.loss)) expect(send.track).toBe('loss')
            if (send.track !== 'loss') {
              const quieted = all.some((other, i) => {
                const r = reported(other.loss)
                return i !== send.timeline && r <= d && d <= r + p.loss.quietDays
              })
              expect(quieted).toBe(false)
            }
          }
        }
      }),
      { numRuns: 60 },
    )
  })

  it('nextSendOn (alone or with the day plan in decideDay) agrees with a day-by-day walk', () => {
    fc.assert(
      fc.property(timelines, program, fc.integer({ min: -40, max: 1300 }), (all, p, offset) => {
        const [first, last] = span(all, p)
        const after = first + offset
        let walked: CivilDate | null = null
        for (let d = after + 1; d <= last; d++) {
          if (planDay(all, date(d), p)) {
            walked = date(d)
            break
          }
        }
        expect(nextSendOn(all, date(after), p)).toBe(walked)
        expect(decideDay(all, date(after), p)).toEqual({
          plan: planDay(all, date(after), p),
          nextSendOn: walked,
        })
      }),
      { numRuns: 400 },
    )
  })

  it('a decision does not depend on the residents decided before it (the engine reuses its records between calls)', () => {
    fc.assert(
      fc.property(sameSize, program, fc.integer({ min: -40, max: 1300 }), ([a, b], p, offset) => {
        const on = date(span(a, p)[0] + offset)
        const alone = decideDay(a, on, p)
        const plan = planDay(a, on, p)
        const next = nextSendOn(a, on, p)
        decideDay(b, on, p)
        expect(decideDay(a, on, p)).toEqual(alone)
        planDay(b, on, p)
        expect(planDay(a, on, p)).toEqual(plan)
        nextSendOn(b, on, p)
        expect(nextSendOn(a, on, p)).toBe(next)
        // A plan already returned is not touched by later decisions.
        expect(plan).toEqual(alone.plan)
      }),
      { numRuns: 150 },
    )
  })

  it('for one timeline, slotOn is the day plan, the end is a send day, and the schedule lists each send date once', () => {
    fc.assert(
      fc.property(timeline, program, (t, p) => {
        const [first, last] = span([t], p)
        const walked: CivilDate[] = []
        for (let d = first; d <= last; d++) {
          const plan = planDay([t], date(d), p)
          expect(slotOn(t, date(d), p)?.slot).toBe(plan?.slots[0]?.slot)
          if (plan) walked.push(plan.date)
        }
        expect(walked.at(-1) ?? null).toBe(timelineEndsOn(t, p))
        const listed = scheduleBetween(t, date(first), date(last), p).map((s) => s.date)
        expect(listed).toEqual(walked)
      }),
      { numRuns: 60 },
    )
  })
})
