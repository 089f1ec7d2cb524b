import { describe, expect, it } from 'vitest'
import { addDays, type CivilDate } from '../../shared/calendar'
import { stageLabel } from '../../shared/staff/stage'
import { parseStageWindow, type StageWindow, stageWindowDates } from '../../shared/staff/stage-window'

const none = { dueDate: null, birthDate: null, lossDate: null, endedOn: null }
const today = '2026-12-06' as CivilDate

describe('stage labels in the units staff count in', () => {
  it('counts pregnancy in weeks and days (280 days to the due date) and in months of four weeks', () => {
    expect(stageLabel({ ...none, dueDate: addDays(today, 70) }, today).label).toBe(
      '妊娠30週0日（8か月） / 30w0d pregnant (month 8)',
    )
    expect(stageLabel({ ...none, dueDate: addDays(today, 280 - 27) }, today).label).toMatch(
      /^妊娠3週6日（1か月）/,
    )
    expect(stageLabel({ ...none, dueDate: addDays(today, 280 - 28) }, today).label).toMatch(
      /^妊娠4週0日（2か月）/,
    )
    expect(stageLabel({ ...none, dueDate: today }, today).label).toMatch(/^妊娠40週0日（11か月）/)
    expect(stageLabel(none, today).label).toBe('妊娠中 / Pregnant')
  })

  it('counts a child in days since birth and in whole months (月齢) once the day of the month is reached', () => {
    const child = (birthDate: string, on: string) => stageLabel({ ...none, birthDate }, on as CivilDate).label
    expect(child('2026-12-06', '2026-12-06')).toBe('生後0日（月齢0か月） / Day 0 (0 months old)')
    expect(child('2026-10-15', '2026-12-14')).toMatch(/^生後60日（月齢1か月）/)
    expect(child('2026-10-15', '2026-12-15')).toMatch(/^生後61日（月齢2か月）/)
    expect(child('2026-01-31', '2026-02-28')).toMatch(/^生後28日（月齢0か月）/)
    expect(child('2024-02-29', '2025-02-28')).toMatch(/^生後365日（月齢11か月）/)
  })

  it('puts a loss first, then an end, whatever the dates say', () => {
    const dates = { dueDate: '2027-01-01', birthDate: '2026-12-01', endedOn: '2026-12-02' }
    expect(stageLabel({ ...dates, lossDate: '2026-12-03' }, today)).toEqual({
      stage: 'loss',
      label: '喪失のご報告あり / Loss reported',
    })
    expect(stageLabel({ ...dates, lossDate: null }, today).stage).toBe('ended')
  })
})

describe('stage windows', () => {
  it('reads the compact form and refuses reversed, unknown or too wide ones', () => {
    expect(parseStageWindow('w28-32')).toEqual({ unit: 'w', from: 28, to: 32 })
    expect(parseStageWindow('d0-100')).toEqual({ unit: 'd', from: 0, to: 100 })
    expect(parseStageWindow('m6-12')).toEqual({ unit: 'm', from: 6, to: 12 })
    for (const bad of ['w32-28', 'w28', 'x1-2', 'w0-46', 'm0-41', 'd-1-3', ' w1-2', 'W1-2']) {
      expect(parseStageWindow(bad)).toBeNull()
    }
  })

  // The numbers the label shows, read back from it.
  const shown = (label: string) => {
    const week = label.match(/^妊娠(\d+)週/)
    if (week) return { w: Number(week[1]) }
    const child = label.match(/^生後(\d+)日（月齢(\d+)か月）/)
    return child ? { d: Number(child[1]), m: Number(child[2]) } : {}
  }

  const inside = (date: string, range: { earliest: string; latest: string }) =>
    date >= range.earliest && date <= range.latest

  it('selects exactly the households whose label is inside the window, on every day across leap years', () => {
    const windows: StageWindow[] = [
      { unit: 'w', from: 28, to: 32 },
      { unit: 'w', from: 0, to: 3 },
      { unit: 'd', from: 0, to: 100 },
      { unit: 'd', from: 30, to: 30 },
      { unit: 'm', from: 0, to: 0 },
      { unit: 'm', from: 1, to: 1 },
      { unit: 'm', from: 6, to: 12 },
      { unit: 'm', from: 11, to: 13 },
    ]
    const wrong: unknown[] = []
    for (let t = 0; t < 800; t += 7) {
      const on = addDays('2027-12-20' as CivilDate, t)
      for (let offset = -5; offset < 500; offset++) {
        const date = addDays(on, offset - 450)
        for (const window of windows) {
          const range = stageWindowDates(window, on)
          const label =
            range.column === 'due'
              ? stageLabel({ ...none, dueDate: addDays(on, offset - 200) }, on).label
              : stageLabel({ ...none, birthDate: date }, on).label
          const value = shown(label)[window.unit]
          const expected = value !== undefined && value >= window.from && value <= window.to
          const probe = range.column === 'due' ? addDays(on, offset - 200) : date
          if (inside(probe, range) !== expected) wrong.push({ window, on, probe, expected })
        }
      }
    }
    expect(wrong).toEqual([])
  })
})
