import { describe, expect, it } from 'vitest'
import { aggregatesReport } from '../../shared/contract'

const older = {
  contractVersion: 1,
  generatedAt: '2026-11-24T00:00:00Z',
  from: '2026-11-17',
  to: '2026-11-24',
  deliveries: [],
  surveys: [],
}

describe('the age of the oldest undecided ones in the daily report (added within version 1)', () => {
  it('absent reads as none (an older edge); days or null per kind; negative, fractional or unnamed refused; extra keys dropped', () => {
    expect(aggregatesReport.parse(older).undecided).toEqual([])
    const row = { tenant: 'sakura-city', flaggedDeliveryDays: 35, deskForwardDays: null }
    expect(
      aggregatesReport.parse({ ...older, undecided: [{ ...row, subscriberId: 'x' }] }).undecided,
    ).toEqual([row])
    for (const bad of [
      { ...row, flaggedDeliveryDays: -1 },
      { ...row, deskForwardDays: 1.5 },
      { flaggedDeliveryDays: 1, deskForwardDays: null },
    ])
      expect(aggregatesReport.safeParse({ ...older, undecided: [bad] }).success).toBe(false)
  })
})
