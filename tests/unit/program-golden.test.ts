import { describe, expect, it } from 'vitest'
import { slotOn, type TimelineFacts } from '../../shared/program'

// Every expected slot below was computed by hand (days counted on a calendar, written in the
// comment), never by calling the engine. `provisional` marks the child track anchored on the due date.

const A: TimelineFacts = { due: '2027-03-01', from: '2026-11-23' }
const B: TimelineFacts = { ...A, birth: { date: '2027-02-20' } }
const leap: TimelineFacts = { due: '2028-03-05', from: '2027-09-01', birth: { date: '2028-02-29' } }
const leapYearFirst: TimelineFacts = { from: '2027-03-01', birth: { date: '2027-03-01' } }
const lateBirthAfter42w: TimelineFacts = { ...A, birth: { date: '2027-03-17', reportedOn: '2027-03-18' } }
const lateReport: TimelineFacts = { ...A, birth: { date: '2027-02-10', reportedOn: '2027-02-15' } }
const pregnancyLoss: TimelineFacts = { ...A, loss: { date: '2026-12-01', reportedOn: '2026-12-03' } }
const infantLoss: TimelineFacts = {
  from: '2027-03-01',
  birth: { date: '2027-02-20' },
  loss: { date: '2027-04-10' },
}
const midInfant: TimelineFacts = { from: '2026-12-01', birth: { date: '2026-01-10' } }
const midAge1: TimelineFacts = { from: '2026-12-01', birth: { date: '2025-06-10' } }
const midAge2: TimelineFacts = { from: '2026-06-01', birth: { date: '2024-05-15' } }

type Row = [name: string, facts: TimelineFacts, date: string, slot: string | null, provisional?: boolean]

const rows: Row[] = [
  ['before registration', A, '2026-11-22', null],
  ['registration day: due − date = 98 (8+31+31+28) → g 182', A, '2026-11-23', 'pregnancy/182'],
  ['year end: due − date = 60 (31+28+1) → g 220', A, '2026-12-31', 'pregnancy/220'],
  ['new year: 59 days before due → g 221', A, '2027-01-01', 'pregnancy/221'],
  ['due date is 40w0d', A, '2027-03-01', 'pregnancy/280'],
  ['41w6d is the last pregnancy day', A, '2027-03-14', 'pregnancy/293'],
  ['42w0d, no birth known: child day 14 from the due date', A, '2027-03-15', 'newborn/14', true],
  ['provisional day 99 (31+30+31+7)', A, '2027-06-08', 'newborn/99', true],
  ['day before the birth: 10 days before due (9 to 28 Feb, +1) → g 270', B, '2027-02-19', 'pregnancy/270'],
  ['birth day is 生後0日', B, '2027-02-20', 'newborn/0'],
  ['on the due date the real child is 9 days old', B, '2027-03-01', 'newborn/9'],
  ['child day 100 (9+31+30+30)', B, '2027-05-31', 'newborn/100'],
  ['day 101: no send', B, '2027-06-01', null],
  ['day 103: first infant send', B, '2027-06-03', 'infant/103'],
  ['day 104: between infant sends', B, '2027-06-04', null],
  ['day 106', B, '2027-06-06', 'infant/106'],
  ['day 364 (first year 365 days long) = 103 + 87·3', B, '2028-02-19', 'infant/364'],
  ['1st birthday', B, '2028-02-20', 'age1/0'],
  ['1st birthday + 7', B, '2028-02-27', 'age1/1'],
  ['1st birthday + 364 (the year to the 2nd holds 29 Feb 2028: 366 days)', B, '2029-02-18', 'age1/52'],
  ['1st birthday + 365: not a weekly day', B, '2029-02-19', null],
  ['2nd birthday', B, '2029-02-20', 'age2/0'],
  ['2nd birthday + 14', B, '2029-03-06', 'age2/1'],
  ['2nd birthday + 364', B, '2030-02-19', 'age2/26'],
  ['3rd birthday closes the timeline', B, '2030-02-20', 'age3/0'],
  ['after the 3rd birthday: ended', B, '2030-03-06', null],
  ['leap-day birth', leap, '2028-02-29', 'newborn/0'],
  ['leap-day birth: day 364 is 2029-02-27', leap, '2029-02-27', 'infant/364'],
  ['leap-day birth: 1st birthday on 28 Feb', leap, '2029-02-28', 'age1/0'],
  ['leap-day birth: 1 March 2029 is birthday + 1', leap, '2029-03-01', null],
  ['leap-day birth: 2nd birthday on 28 Feb', leap, '2030-02-28', 'age2/0'],
  ['leap-day birth: 3rd birthday on 28 Feb', leap, '2031-02-28', 'age3/0'],
  ['first year holding 29 Feb: day 364 on 2028-02-28', leapYearFirst, '2028-02-28', 'infant/364'],
  ['first year holding 29 Feb: day 365 is not 103 + 3k', leapYearFirst, '2028-02-29', null],
  ['first year holding 29 Feb: 1st birthday on 1 March', leapYearFirst, '2028-03-01', 'age1/0'],
  [
    'birth after 42w0d, not yet known: provisional day 16',
    lateBirthAfter42w,
    '2027-03-17',
    'newborn/16',
    true,
  ],
  ['birth after 42w0d, known next day: re-anchored, day 1', lateBirthAfter42w, '2027-03-18', 'newborn/1'],
  [
    'birth reported late: still pregnancy the day before (15 days before due)',
    lateReport,
    '2027-02-14',
    'pregnancy/265',
  ],
  ['birth reported late: day 5 on the report day', lateReport, '2027-02-15', 'newborn/5'],
  [
    'loss in pregnancy not yet reported: 89 days before due → g 191',
    pregnancyLoss,
    '2026-12-02',
    'pregnancy/191',
  ],
  ['loss reported: nothing on the report day', pregnancyLoss, '2026-12-03', null],
  ['loss/1', pregnancyLoss, '2026-12-04', 'loss/1'],
  ['R + 2: nothing', pregnancyLoss, '2026-12-05', null],
  ['loss/3', pregnancyLoss, '2026-12-06', 'loss/3'],
  ['loss/7', pregnancyLoss, '2026-12-10', 'loss/7'],
  ['loss/14', pregnancyLoss, '2026-12-17', 'loss/14'],
  ['loss/30 (3 Dec + 30 = 2 Jan)', pregnancyLoss, '2027-01-02', 'loss/30'],
  ['loss/60 (2 Jan + 30 = 1 Feb)', pregnancyLoss, '2027-02-01', 'loss/60'],
  ['no pregnancy slot after a loss, even on the due date', pregnancyLoss, '2027-03-01', null],
  ['registered 9 days after birth', infantLoss, '2027-03-01', 'newborn/9'],
  ['child day 48 (8+31+9), the day before the loss', infantLoss, '2027-04-09', 'newborn/48'],
  ['loss after birth: nothing on the day', infantLoss, '2027-04-10', null],
  ['loss after birth: loss/1', infantLoss, '2027-04-11', 'loss/1'],
  ['registered mid-infant phase: day 325 (335 − 10) = 103 + 74·3', midInfant, '2026-12-01', 'infant/325'],
  ['mid-infant + 1: nothing', midInfant, '2026-12-02', null],
  ['year end: day 355', midInfant, '2026-12-31', 'infant/355'],
  ['new year: day 358', midInfant, '2027-01-03', 'infant/358'],
  ['registered mid-age1: 1st birthday + 174 (30+31+31+30+31+21) is no week', midAge1, '2026-12-01', null],
  ['mid-age1: 1st birthday + 175 = 25 weeks', midAge1, '2026-12-02', 'age1/25'],
  ['mid-age1 across the year end: + 210 = 30 weeks', midAge1, '2027-01-06', 'age1/30'],
  ['registered mid-age2: the day itself is no fortnight', midAge2, '2026-06-01', null],
  ['mid-age2: 2nd birthday (15 May 2026) + 28', midAge2, '2026-06-12', 'age2/2'],
]

describe('golden rows, computed by hand', () => {
  it('has at least 30 rows', () => expect(rows.length).toBeGreaterThanOrEqual(30))
  it.each(rows)('%s', (_name, facts, date, slot, provisional) => {
    const found = slotOn(facts, date)
    expect(found?.slot ?? null).toBe(slot)
    if (found) expect(found.provisional).toBe(provisional ?? false)
  })
})
