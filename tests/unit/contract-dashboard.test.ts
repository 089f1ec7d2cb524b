import { describe, expect, it } from 'vitest'
import { aggregatesReport, residentStages, stopReasons } from '../../shared/contract'

const older = {
  contractVersion: 1,
  generatedAt: '2026-11-24T00:00:00Z',
  from: '2026-11-17',
  to: '2026-11-24',
  deliveries: [],
  surveys: [],
}
const date = '2026-11-23'
const tenant = 'sakura-city'

describe('the dashboard’s counts in the daily report (added within version 1)', () => {
  it('an older edge’s report without them reads as none', () => {
    const report = aggregatesReport.parse(older)
    for (const list of ['residents', 'registrations', 'stops', 'reading', 'costs', 'consultations'] as const)
      expect(report[list]).toEqual([])
  })

  it('the stages and stop reasons are the dashboard’s', () => {
    expect(residentStages).toEqual([
      'pregnancy-early',
      'pregnancy-mid',
      'pregnancy-late',
      'day-0-100',
      'to-1',
      'to-2',
      'to-3',
    ])
    expect(stopReasons).toEqual(['moved', 'enough', 'too-many', 'not-useful', 'other', 'not-given'])
  })

  it('keeps counts and drops anything else a row carries; refuses what is not a count or not the contract’s', () => {
    const resident = {
      date,
      tenant,
      stage: 'to-1',
      audience: 'partner',
      channel: 'line',
      language: 'vi',
      state: 'paused',
      count: 2,
    }
    expect(
      aggregatesReport.parse({ ...older, residents: [{ ...resident, subscriberId: 'x', nickname: 'はな' }] })
        .residents,
    ).toEqual([resident])
    const consultation = { date, tenant, received: 3, urgent: 1, answeredWithinOneWorkingDay: 2 }
    expect(
      aggregatesReport.parse({ ...older, consultations: [{ ...consultation, text: '眠れません' }] })
        .consultations,
    ).toEqual([consultation])
    for (const bad of [
      { residents: [{ ...resident, stage: 'newborn' }] },
      { residents: [{ ...resident, state: 'stopped' }] },
      { residents: [{ ...resident, language: 'xx' }] },
      { stops: [{ date, tenant, reason: 'angry', count: 1 }] },
      { reading: [{ date, tenant, channel: 'sms', stage: 'to-2', sent: 1, opened: -1, clicked: 0 }] },
      { costs: [{ date, tenant, channel: 'sms', messages: 1, smsSegments: 1.5 }] },
      {
        registrations: [
          { date, tenant, channel: 'fax', language: 'ja', audience: 'primary', confirmed: 1, unconfirmed: 0 },
        ],
      },
      // A report that names its tenants names every row's.
      { tenants: ['minato-town'], stops: [{ date, tenant, reason: 'moved', count: 1 }] },
    ])
      expect(aggregatesReport.safeParse({ ...older, ...bad }).success, JSON.stringify(bad)).toBe(false)
  })
})
