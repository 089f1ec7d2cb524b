import { describe, expect, it } from 'vitest'
import {
  childMonthsLabel,
  describeWindow,
  gestationalDay,
  pregnancyMonth,
  pregnancyWeekLabel,
  programWindowSchema,
  slotContext,
  standardProgram,
  type TimelineFacts,
  validateWindow,
  windowContains,
} from '../../shared/program'

describe('units people use', () => {
  it('妊娠n週d日 and the Japanese 4-week months', () => {
    expect(gestationalDay('2027-03-01', '2026-11-23')).toBe(182)
    expect(pregnancyWeekLabel(182, 'ja')).toBe('妊娠26週0日')
    expect(pregnancyMonth(27)).toBe(1) // 3w6d
    expect(pregnancyMonth(28)).toBe(2) // 4w0d
    expect(pregnancyMonth(8 * 28 - 1)).toBe(8) // 31w6d: month 8 = weeks 28–31
    expect(pregnancyMonth(8 * 28)).toBe(9) // 32w0d
    expect(pregnancyMonth(293)).toBe(11) // 41w6d
  })

  it('月齢 labels', () => {
    expect(childMonthsLabel(5, 'ja')).toBe('5か月')
    expect(childMonthsLabel(18, 'ja')).toBe('1歳6か月')
    expect(childMonthsLabel(18, 'en')).toBe('1 year 6 months')
    expect(childMonthsLabel(25, 'en')).toBe('2 years 1 month')
  })
})

describe('day context and windows', () => {
  const facts: TimelineFacts = { from: '2026-11-23', due: '2027-03-01', birth: { date: '2027-02-20' } }

  it('gives the gestational day, child day and 月齢 of a date', () => {
    expect(slotContext(facts, '2026-11-23')).toEqual({ track: 'pregnancy', gestationalDay: 182 })
    expect(slotContext(facts, '2028-08-20')).toEqual({
      track: 'child',
      childDay: 547,
      childMonths: 18,
      provisional: false,
    })
    expect(slotContext({ from: '2026-11-23', due: '2027-03-01' }, '2027-03-15')).toMatchObject({
      track: 'child',
      childDay: 14,
      provisional: true,
    })
  })

  it('matches pregnancy months 6–8 (weeks 20–31)', () => {
    const window = { unit: 'pregnancy-month', from: 6, to: 8 } as const
    // g 140 (20w0d) is 2026-10-12 (140 days before due); g 223 (31w6d) is 2027-01-03; g 224 is 2027-01-04
    expect(windowContains(window, slotContext(facts, '2026-10-12'))).toBe(true)
    expect(windowContains(window, slotContext(facts, '2026-10-11'))).toBe(false)
    expect(windowContains(window, slotContext(facts, '2027-01-03'))).toBe(true)
    expect(windowContains(window, slotContext(facts, '2027-01-04'))).toBe(false)
  })

  it('matches 生後0〜30日 and 月齢1歳6か月', () => {
    const month1 = { unit: 'child-day', from: 0, to: 30 } as const
    expect(windowContains(month1, slotContext(facts, '2027-03-22'))).toBe(true) // day 30
    expect(windowContains(month1, slotContext(facts, '2027-03-23'))).toBe(false)
    const checkup = { unit: 'child-month', from: 18, to: 18 } as const
    expect(windowContains(checkup, slotContext(facts, '2028-08-19'))).toBe(false)
    expect(windowContains(checkup, slotContext(facts, '2028-08-20'))).toBe(true)
    expect(windowContains(checkup, slotContext(facts, '2028-09-19'))).toBe(true)
    expect(windowContains(checkup, slotContext(facts, '2028-09-20'))).toBe(false)
  })

  it("'every' never follows a loss; 'loss-day' does", () => {
    const lost: TimelineFacts = { ...facts, birth: undefined, loss: { date: '2026-12-01' } }
    expect(windowContains({ unit: 'every' }, slotContext(lost, '2026-11-30'))).toBe(true)
    expect(windowContains({ unit: 'every' }, slotContext(lost, '2026-12-08'))).toBe(false)
    expect(windowContains({ unit: 'loss-day', from: 1, to: 14 }, slotContext(lost, '2026-12-08'))).toBe(true)
  })

  it('rejects windows outside the program with ja/en messages', () => {
    expect(validateWindow(standardProgram, { unit: 'pregnancy-month', from: 12, to: 12 })).toEqual({
      ok: false,
      message: {
        ja: '妊娠12か月はプログラムの範囲（妊娠2〜11か月）の外です',
        en: 'month 12 of pregnancy is outside the program (months 2–11 of pregnancy)',
      },
    })
    const month40 = validateWindow(standardProgram, { unit: 'child-month', from: 40, to: 40 })
    expect(month40.ok === false && month40.message.ja).toBe(
      '月齢3歳4か月はプログラムの範囲（月齢0か月〜3歳0か月）の外です',
    )
    expect(validateWindow(standardProgram, { unit: 'child-month', from: 18, to: 18 })).toEqual({ ok: true })
    expect(validateWindow(standardProgram, { unit: 'child-day', from: 0, to: 1096 })).toEqual({ ok: true })
    expect(validateWindow(standardProgram, { unit: 'child-day', from: 0, to: 1097 }).ok).toBe(false)
    expect(validateWindow(standardProgram, { unit: 'pregnancy-week', from: 4, to: 41 })).toEqual({ ok: true })
    expect(validateWindow(standardProgram, { unit: 'loss-day', from: 1, to: 61 }).ok).toBe(false)
    expect(validateWindow(standardProgram, { unit: 'child-day', from: 30, to: 0 }).ok).toBe(false)
  })

  it('describes windows', () => {
    expect(describeWindow({ unit: 'pregnancy-month', from: 6, to: 8 }, 'ja')).toBe('妊娠6〜8か月')
    expect(describeWindow({ unit: 'child-day', from: 0, to: 30 }, 'en')).toBe('days 0–30 after birth')
    expect(describeWindow({ unit: 'child-month', from: 18, to: 18 }, 'ja')).toBe('月齢1歳6か月')
    expect(describeWindow({ unit: 'every' }, 'ja')).toBe('全期間')
  })

  it('the window schema refuses unknown units and reversed ranges', () => {
    expect(programWindowSchema.safeParse({ unit: 'pregnancy-month', from: 6, to: 8 }).success).toBe(true)
    expect(programWindowSchema.safeParse({ unit: 'year', from: 1, to: 2 }).success).toBe(false)
    expect(programWindowSchema.safeParse({ unit: 'child-day', from: 9, to: 3 }).success).toBe(false)
  })
})
