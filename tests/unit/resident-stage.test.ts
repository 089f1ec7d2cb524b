import { describe, expect, it } from 'vitest'
import { stageOn, youngestStage } from '../../edge/reports/stage'
import { addDays } from '../../shared/calendar'

const due = '2027-02-15'
const pregnancy = { due, birth: null, loss: null, ended: null }
/** The date a pregnancy due on `due` reaches gestational day `day` (280 = the due date). */
const onDay = (day: number) => addDays(due, day - 280)

describe('a resident’s stage on a date', () => {
  it('妊娠前期 to 13w6d, 中期 14w0d–27w6d, 後期 from 28w0d', () => {
    expect(stageOn(pregnancy, onDay(97))).toBe('pregnancy-early')
    expect(stageOn(pregnancy, onDay(98))).toBe('pregnancy-mid')
    expect(stageOn(pregnancy, onDay(195))).toBe('pregnancy-mid')
    expect(stageOn(pregnancy, onDay(196))).toBe('pregnancy-late')
    expect(stageOn(pregnancy, onDay(290))).toBe('pregnancy-late')
  })

  it('from the birth: 0–100 days, then up to the 1st, 2nd and 3rd birthdays; none after', () => {
    const child = { ...pregnancy, due: '2026-02-20', birth: '2026-02-10' }
    expect(stageOn(child, '2026-02-10')).toBe('day-0-100')
    expect(stageOn(child, addDays('2026-02-10', 100))).toBe('day-0-100')
    expect(stageOn(child, addDays('2026-02-10', 101))).toBe('to-1')
    expect(stageOn(child, '2027-02-09')).toBe('to-1')
    expect(stageOn(child, '2027-02-10')).toBe('to-2')
    expect(stageOn(child, '2029-02-09')).toBe('to-3')
    expect(stageOn(child, '2029-02-10')).toBeNull()
    // Before the birth, still a pregnancy.
    expect(stageOn(child, '2026-02-09')).toBe('pregnancy-late')
  })

  it('none after a loss or the end; a household’s youngest running timeline counts', () => {
    expect(stageOn({ ...pregnancy, loss: onDay(100) }, onDay(100))).toBeNull()
    expect(stageOn({ ...pregnancy, loss: onDay(100) }, onDay(99))).toBe('pregnancy-mid')
    expect(stageOn({ ...pregnancy, ended: onDay(120) }, onDay(130))).toBeNull()
    const toddler = { due: null, birth: '2025-01-01', loss: null, ended: null }
    expect(youngestStage([toddler, pregnancy], onDay(200))).toBe('pregnancy-late')
    expect(youngestStage([toddler], '2026-06-01')).toBe('to-2')
    expect(youngestStage([], '2026-06-01')).toBeNull()
  })
})
