import { describe, expect, it } from 'vitest'
import {
  allSendSlots,
  audiences,
  decideDay,
  describeSlot,
  formatSlot,
  isProgramSlot,
  nextSendOn,
  parseSlot,
  planDay,
  programSchema,
  slotOn,
  standardProgram,
  type TimelineFacts,
  timelineEndsOn,
  timelineFactsSchema,
  timelineProblem,
  withOverrides,
} from '../../shared/program'

describe('slots', () => {
  it('parses and formats phase/number keys', () => {
    expect(parseSlot('pregnancy/196')).toEqual({ phase: 'pregnancy', n: 196 })
    expect(parseSlot('age3/0')).toEqual({ phase: 'age3', n: 0 })
    expect(formatSlot('age1', 4)).toBe('age1/4')
    for (const bad of [
      'pregnancy',
      'pregnancy/',
      'pregnancy/-1',
      'pregnancy/01',
      'Pregnancy/1',
      '/3',
      'loss/7/1',
    ]) {
      expect(parseSlot(bad)).toBeNull()
    }
  })

  it('the standard program can send 542 slots (266 + 101 + 88 + 53 + 27 + 1 + 6)', () => {
    const slots = allSendSlots(standardProgram)
    const count = (phase: string) => slots.filter((s) => s.startsWith(`${phase}/`)).length
    expect(slots).toHaveLength(542)
    expect(new Set(slots).size).toBe(542)
    expect([count('pregnancy'), count('newborn'), count('infant'), count('age1'), count('age2')]).toEqual([
      266, 101, 88, 53, 27,
    ])
    expect(slots.filter((s) => s.startsWith('loss/'))).toEqual([
      'loss/1',
      'loss/3',
      'loss/7',
      'loss/14',
      'loss/30',
      'loss/60',
    ])
    expect(slots.at(0)).toBe('pregnancy/28')
    expect(slots).toContain('infant/364')
    expect(slots).not.toContain('infant/365')
    expect(slots).toContain('age1/52')
    expect(slots).toContain('age2/26')
  })

  it('knows which slots belong to the program', () => {
    expect(isProgramSlot(standardProgram, 'pregnancy/196')).toBe(true)
    expect(isProgramSlot(standardProgram, 'pregnancy/27')).toBe(false)
    expect(isProgramSlot(standardProgram, 'pregnancy/294')).toBe(false)
    expect(isProgramSlot(standardProgram, 'infant/104')).toBe(false)
    expect(isProgramSlot(standardProgram, 'age3/0')).toBe(true)
    expect(isProgramSlot(standardProgram, 'age3/1')).toBe(false)
    expect(isProgramSlot(standardProgram, 'loss/2')).toBe(false)
  })

  it('describes slots for editors in Japanese and English', () => {
    expect(describeSlot('pregnancy/196', 'ja')).toBe('妊娠28週0日')
    expect(describeSlot('pregnancy/197', 'en')).toBe('28 weeks 1 day pregnant')
    expect(describeSlot('newborn/30', 'ja')).toBe('生後30日')
    expect(describeSlot('infant/103', 'en')).toBe('day 103 after birth')
    expect(describeSlot('age1/4', 'ja')).toBe('1歳の誕生日から4週')
    expect(describeSlot('age2/10', 'en')).toBe('2nd birthday + 20 weeks')
    expect(describeSlot('age3/0', 'ja')).toBe('3歳の誕生日')
    expect(describeSlot('loss/7', 'ja')).toBe('ご報告から7日')
  })

  it('has three audiences', () => expect(audiences).toEqual(['primary', 'partner', 'family']))
})

describe('timeline ends', () => {
  it('ends on the 3rd birthday, or on the 3rd anniversary of the due date when no birth is known', () => {
    expect(timelineEndsOn({ from: '2026-11-23', due: '2027-03-01', birth: { date: '2027-02-20' } })).toBe(
      '2030-02-20',
    )
    expect(timelineEndsOn({ from: '2026-11-23', due: '2027-03-01' })).toBe('2030-03-01')
  })

  it('ends 60 days after a loss is reported', () => {
    expect(
      timelineEndsOn({
        from: '2026-11-23',
        due: '2027-03-01',
        loss: { date: '2026-12-01', reportedOn: '2026-12-03' },
      }),
    ).toBe('2027-02-01')
  })

  it('is null for a registration after the end', () => {
    const late: TimelineFacts = { from: '2030-03-01', birth: { date: '2027-02-20' } }
    expect(timelineEndsOn(late)).toBeNull()
    expect(nextSendOn([late], '2030-03-01')).toBeNull()
  })
})

describe('next send date', () => {
  const pregnant: TimelineFacts = { due: '2027-03-01', from: '2026-11-23' }

  it('is the registration day when asked the day before, then the next day while daily', () => {
    expect(nextSendOn([pregnant], '2026-11-22')).toBe('2026-11-23')
    expect(nextSendOn([pregnant], '2026-11-23')).toBe('2026-11-24')
  })

  it('waits for 4w0d when registered earlier in pregnancy', () => {
    // due 2027-09-01 − 280 = 2026-11-25 (g 0); g 28 = 2026-12-23
    expect(nextSendOn([{ due: '2027-09-01', from: '2026-11-25' }], '2026-11-25')).toBe('2026-12-23')
  })

  it('jumps the infant cadence and the gap after newborn day 100', () => {
    const born: TimelineFacts = { from: '2027-02-20', birth: { date: '2027-02-20' } }
    expect(nextSendOn([born], '2027-05-31')).toBe('2027-06-03')
    expect(nextSendOn([born], '2027-06-03')).toBe('2027-06-06')
    expect(nextSendOn([born], '2028-02-19')).toBe('2028-02-20')
    expect(nextSendOn([born], '2030-02-19')).toBe('2030-02-20')
    expect(nextSendOn([born], '2030-02-20')).toBeNull()
  })

  it('is the earliest of several timelines', () => {
    const sibling: TimelineFacts = { from: '2026-12-01', birth: { date: '2024-05-15' } }
    const pregnancy: TimelineFacts = { from: '2026-12-01', due: '2027-09-01' }
    // sibling: 2nd birthday 2026-05-15, fortnights on 2026-12-11 (+210); pregnancy g 28 on 2026-12-23
    expect(nextSendOn([sibling, pregnancy], '2026-12-01')).toBe('2026-12-11')
    expect(nextSendOn([sibling, pregnancy], '2026-12-11')).toBe('2026-12-23')
  })
})

describe('several timelines: one delivery a day', () => {
  const sibling: TimelineFacts = { from: '2026-12-01', birth: { date: '2026-01-10' } }
  const pregnancy: TimelineFacts = { from: '2026-12-01', due: '2027-06-01' }

  it('bundles every timeline slot of the day into one delivery', () => {
    // sibling: day 328 = 103 + 75·3; pregnancy: 179 days before due → g 101
    const plan = planDay([sibling, pregnancy], '2026-12-04')
    expect(plan?.slots.map((s) => [s.timeline, s.slot])).toEqual([
      [0, 'infant/328'],
      [1, 'pregnancy/101'],
    ])
  })

  it('is null when nobody has a slot that day', () => {
    expect(planDay([sibling], '2026-12-02')).toBeNull()
  })

  describe('a loss in one timeline quiets the others for 15 days (R … R + 14)', () => {
    const lost: TimelineFacts = { ...pregnancy, loss: { date: '2026-12-09', reportedOn: '2026-12-10' } }

    it('sends no cheerful sibling slot on a day of the quiet period without a loss message', () => {
      expect(slotOn(sibling, '2026-12-16')?.slot).toBe('infant/340')
      expect(planDay([sibling, lost], '2026-12-16')).toBeNull()
      expect(planDay([sibling, lost], '2026-12-22')).toBeNull()
    })

    it('sends the loss message alone', () => {
      expect(slotOn(sibling, '2026-12-13')?.slot).toBe('infant/337')
      expect(planDay([sibling, lost], '2026-12-13')?.slots.map((s) => s.slot)).toEqual(['loss/3'])
      expect(planDay([sibling, lost], '2026-12-24')?.slots.map((s) => s.slot)).toEqual(['loss/14'])
    })

    it('resumes the sibling the day after the quiet period', () => {
      expect(planDay([sibling, lost], '2026-12-25')?.slots.map((s) => s.slot)).toEqual(['infant/349'])
    })

    it('next send skips the quieted sibling days', () => {
      expect(nextSendOn([sibling, lost], '2026-12-17')).toBe('2026-12-24')
      expect(nextSendOn([sibling, lost], '2026-12-24')).toBe('2026-12-25')
    })

    it('sends a second loss, reported inside the quiet period, from its own report on', () => {
      // the sibling's infant/343 on 2026-12-19 is quieted; its own loss/1 follows on 12-21
      const siblingLost: TimelineFacts = {
        ...sibling,
        loss: { date: '2026-12-19', reportedOn: '2026-12-20' },
      }
      expect(nextSendOn([siblingLost, lost], '2026-12-17')).toBe('2026-12-21')
      expect(planDay([siblingLost, lost], '2026-12-21')?.slots.map((s) => s.slot)).toEqual(['loss/1'])
      expect(decideDay([siblingLost, lost], '2026-12-17').nextSendOn).toBe('2026-12-21')
    })

    it('does not quiet anything before the loss is reported', () => {
      expect(planDay([sibling, lost], '2026-12-07')?.slots.map((s) => s.slot)).toEqual([
        'infant/331',
        'pregnancy/104',
      ])
    })
  })
})

describe('a tenant program that differs from the standard one', () => {
  const weekly = withOverrides(standardProgram, {
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
    ],
    loss: { days: [1, 7, 30] },
  })
  const facts: TimelineFacts = { due: '2027-03-01', from: '2026-11-23', birth: { date: '2027-02-20' } }

  it('sends weekly in pregnancy from 12w0d', () => {
    expect(slotOn(facts, '2026-11-23', weekly)?.slot).toBe('pregnancy/182') // 84 + 14·7
    expect(slotOn(facts, '2026-11-24', weekly)).toBeNull()
    expect(slotOn(facts, '2026-11-24')?.slot).toBe('pregnancy/183')
    expect(nextSendOn([facts], '2026-11-23', weekly)).toBe('2026-11-30')
  })

  it('sends fortnightly from day 28 and ends before the 1st birthday', () => {
    expect(slotOn(facts, '2027-03-20', weekly)?.slot).toBe('infant/28')
    expect(slotOn(facts, '2027-03-21', weekly)).toBeNull()
    expect(timelineEndsOn(facts, weekly)).toBe('2028-02-19') // day 364 = 28 + 24·14
    expect(allSendSlots(weekly)).toHaveLength(30 + 28 + 25 + 3)
  })

  it('uses its own loss days', () => {
    const lost: TimelineFacts = { ...facts, birth: undefined, loss: { date: '2026-12-03' } }
    expect(slotOn(lost, '2026-12-06', weekly)).toBeNull()
    expect(slotOn(lost, '2026-12-10', weekly)?.slot).toBe('loss/7')
    expect(slotOn(lost, '2026-12-06')?.slot).toBe('loss/3')
  })

  it('is rejected when its phases overlap or names repeat', () => {
    const [newborn, infant] = standardProgram.child
    expect(() => withOverrides(standardProgram, { child: [infant!, newborn!] })).toThrow(/overlapping/)
    const renamed = { ...standardProgram, loss: { ...standardProgram.loss, name: 'newborn' } }
    expect(programSchema.safeParse(renamed).success).toBe(false)
    expect(programSchema.safeParse(standardProgram).success).toBe(true)
  })
})

describe('timeline facts', () => {
  it.each([
    [{ from: '2026-11-23' }, /give a due date or a birth date/],
    [
      { from: '2026-11-23', birth: { date: '2027-02-20', reportedOn: '2027-02-19' } },
      /reported .* before it happened/,
    ],
    [
      { from: '2026-11-23', due: '2027-03-01', loss: { date: '2026-12-20', reportedOn: '2026-12-19' } },
      /loss is reported/,
    ],
    [{ from: '2026-11-23', birth: { date: '2027-02-20' }, loss: { date: '2027-02-19' } }, /before the birth/],
    [{ from: '2026-07-01', due: '2027-03-01', birth: { date: '2026-10-01' } }, /before 22w0d/],
    [{ from: '2026-05-01', due: '2027-03-01' }, /more than 280 days/],
  ] as [TimelineFacts, RegExp][])('rejects %j', (facts, message) => {
    expect(timelineProblem(facts)?.en).toMatch(message)
    expect(timelineProblem(facts)?.ja).toMatch(/[ぁ-んァ-ン一-龥]/)
    expect(timelineFactsSchema.safeParse(facts).success).toBe(false)
  })

  it('accepts a birth at exactly 22w0d and a due date exactly 280 days away', () => {
    // due 2027-03-01 − 126 days = 2026-10-26 (22w0d)
    expect(
      timelineProblem({ from: '2026-05-25', due: '2027-03-01', birth: { date: '2026-10-26' } }),
    ).toBeNull()
    expect(timelineFactsSchema.safeParse({ from: '2026-05-25', due: '2027-03-01' }).success).toBe(true)
  })
})
