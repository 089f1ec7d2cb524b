import { describe, expect, it } from 'vitest'
import { type AnnouncementRecipient, reaches } from '../../shared/announcements/target'
import { announcementTarget } from '../../shared/contract'
import { slotContext } from '../../shared/program'

const today = '2026-12-06'
// 妊娠8か月: gestational day 196 (28w0d) → due date 84 days on.
const eightMonths = slotContext({ from: '2026-06-01', due: '2027-02-28' }, today)
const newborn = slotContext({ from: '2026-06-01', due: '2026-11-20', birth: { date: '2026-11-20' } }, today)
const bereaved = slotContext(
  { from: '2026-06-01', due: '2027-03-01', loss: { date: '2026-12-01', reportedOn: '2026-12-02' } },
  today,
)
const resident = (over: Partial<AnnouncementRecipient> = {}): AnnouncementRecipient => ({
  audience: 'primary',
  language: 'ja',
  channel: 'email',
  state: 'active',
  townNotices: true,
  contexts: [eightMonths],
  ...over,
})
const notice = (target: object = {}, urgent = false) => ({ urgent, target: announcementTarget.parse(target) })
const atEightMonths = { window: { unit: 'pregnancy-month', from: 8, to: 8 } }

describe('who an announcement reaches', () => {
  it('reaches a resident at 妊娠8か月 when targeted there, and counts her at that month', () => {
    expect(eightMonths).toMatchObject({ track: 'pregnancy' })
    expect(reaches(notice(atEightMonths), resident())).toEqual({
      receives: true,
      stage: { stage: 'pregnancy', month: 8 },
    })
    expect(reaches(notice(atEightMonths), resident({ contexts: [newborn] }))).toEqual({ receives: false })
  })

  it('never reaches a stopped, paused or unconfirmed resident, urgent or not', () => {
    for (const state of ['stopped', 'paused', 'pending'] as const)
      for (const urgent of [false, true])
        expect(reaches(notice({}, urgent), resident({ state })).receives).toBe(false)
  })

  it('reaches one who turned the town notices off only when urgent', () => {
    expect(reaches(notice(), resident({ townNotices: false })).receives).toBe(false)
    expect(reaches(notice({}, true), resident({ townNotices: false })).receives).toBe(true)
  })

  it('after a loss: only an urgent notice or one targeted at the loss program', () => {
    const r = resident({ contexts: [bereaved, newborn] })
    expect(reaches(notice(), r).receives).toBe(false)
    expect(reaches(notice({ window: { unit: 'every' } }), r).receives).toBe(false)
    expect(reaches(notice({}, true), r).receives).toBe(true)
    expect(reaches(notice({ window: { unit: 'loss-day', from: 0, to: 30 } }), r)).toEqual({
      receives: true,
      stage: { stage: 'loss' },
    })
  })

  it('keeps to the audiences, languages and channels chosen', () => {
    expect(reaches(notice({ audiences: ['partner'] }), resident()).receives).toBe(false)
    expect(reaches(notice({ channels: ['sms', 'line'] }), resident()).receives).toBe(false)
    expect(reaches(notice({ languages: ['vi'] }), resident()).receives).toBe(false)
    expect(reaches(notice({ languages: ['vi'] }), resident({ language: 'vi' })).receives).toBe(true)
  })
})
