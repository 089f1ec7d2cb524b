import { describe, expect, it } from 'vitest'
import {
  aggregatesReport,
  contractVersion,
  emptyLists,
  reportRows,
  residentStages,
  stopReasons,
} from '../../shared/contract'

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
    for (const list of [
      'residents',
      'registrations',
      'stops',
      'reading',
      'costs',
      'consultations',
      'surveyResponses',
      'tasks',
      'providerPauses',
    ] as const)
      expect(report[list]).toEqual([])
  })

  it('the report’s empty lists are every list of the schema, so a builder starting from them forgets none', () => {
    const report = aggregatesReport.parse(older)
    const lists = Object.keys(report).filter(
      (key) => key !== 'tenants' && Array.isArray(report[key as 'deliveries']),
    )
    expect(lists).toHaveLength(14)
    expect(Object.keys(emptyLists())).toEqual(lists)
    expect(Object.keys(emptyLists('deskForwards', 'undecided'))).toEqual(
      lists.filter((list) => list !== 'deskForwards' && list !== 'undecided'),
    )
    const stop = { date, tenant, reason: 'moved', count: 1 } as const
    const undecided = { tenant: 'momo-town', flaggedDeliveryDays: 3, deskForwardDays: null }
    expect(reportRows({ ...emptyLists(), stops: [stop], undecided: [undecided] })).toEqual([undecided, stop])
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

describe('survey responses, tasks and provider pauses in the daily report (added within version 1)', () => {
  const survey = {
    date,
    tenant,
    surveyId: 'eight-months',
    surveyVersion: 2,
    stage: 'to-1',
    offered: 4,
    reminded: 2,
    answered: 3,
    interviewsRequested: 1,
    interviewsHeld: 1,
  }
  const task = {
    date,
    tenant,
    taskId: 'birth-report',
    offered: 5,
    reminded: 2,
    done: 3,
    doneAfterReminder: 1,
  }
  const pause = { date, tenant, channel: 'line', cause: 'refused', count: 1 }

  it('an addition with a default: the version stays, an older edge reads as none, a newer list parses', () => {
    expect(contractVersion).toBe(1)
    expect(aggregatesReport.safeParse({ ...older, contractVersion: 2 }).success).toBe(false)
    const parsed = aggregatesReport.parse({
      ...older,
      surveyResponses: [
        { ...survey, answerText: 'つらい' },
        { ...survey, stage: null },
      ],
      tasks: [{ ...task, subscriberId: 'sub-1' }],
      providerPauses: [pause],
    })
    expect(parsed.surveyResponses).toEqual([survey, { ...survey, stage: null }])
    expect(parsed.tasks).toEqual([task])
    expect(parsed.providerPauses).toEqual([pause])
  })

  it('refuses what is not a count, an unknown stage or cause, and a tenant the report does not name', () => {
    for (const bad of [
      { surveyResponses: [{ ...survey, answered: -1 }] },
      { surveyResponses: [{ ...survey, stage: 'month-8' }] },
      { surveyResponses: [{ ...survey, surveyVersion: 0 }] },
      { tasks: [{ ...task, done: 1.5 }] },
      { tasks: [{ ...task, taskId: '' }] },
      { providerPauses: [{ ...pause, cause: 'angry' }] },
      { providerPauses: [{ ...pause, channel: 'fax' }] },
      { tenants: ['minato-town'], tasks: [task] },
      { tenants: ['minato-town'], providerPauses: [pause] },
    ])
      expect(aggregatesReport.safeParse({ ...older, ...bad }).success, JSON.stringify(bad)).toBe(false)
  })
})
