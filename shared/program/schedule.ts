import { addDays, type CivilDate } from '../calendar'
import { slotContext } from './context'
import { describeSlot } from './describe'
import { nextSendOn } from './next-send'
import { planDay } from './plan-day'
import { type Program, standardProgram } from './program'
import type { Slot } from './slot'
import type { TimelineFacts } from './timeline'
import {
  childDayLabel,
  childMonthsLabel,
  pregnancyMonth,
  pregnancyMonthLabel,
  pregnancyWeekLabel,
} from './units'

/** One send of a timeline's schedule, with the labels people read it by. */
export interface ScheduledSend {
  date: CivilDate
  slot: Slot
  phase: string
  track: 'pregnancy' | 'child' | 'loss'
  provisional: boolean
  /** The slot in words: 妊娠28週0日, 1歳の誕生日から4週, … */
  label: string
  labelEn: string
  pregnancyWeek?: string
  pregnancyMonth?: string
  childDay?: string
  childAge?: string
}

/** Every send of one timeline on dates from … to (inclusive), in date order. */
export function scheduleBetween(
  timeline: TimelineFacts,
  from: CivilDate,
  to: CivilDate,
  program: Program = standardProgram,
): ScheduledSend[] {
  const sends: ScheduledSend[] = []
  for (let date = nextSendOn([timeline], addDays(from, -1), program); date !== null && date <= to; ) {
    const send = planDay([timeline], date, program)?.slots[0]
    if (send) {
      sends.push({
        date,
        slot: send.slot,
        phase: send.phase,
        track: send.track,
        provisional: send.provisional,
        label: describeSlot(send.slot, 'ja', program),
        labelEn: describeSlot(send.slot, 'en', program),
        ...unitLabels(timeline, date, program),
      })
    }
    date = nextSendOn([timeline], date, program)
  }
  return sends
}

function unitLabels(timeline: TimelineFacts, date: CivilDate, program: Program): Partial<ScheduledSend> {
  const context = slotContext(timeline, date, program)
  if (context.track === 'pregnancy') {
    return {
      pregnancyWeek: pregnancyWeekLabel(context.gestationalDay, 'ja'),
      pregnancyMonth: pregnancyMonthLabel(pregnancyMonth(context.gestationalDay), 'ja'),
    }
  }
  if (context.track === 'child') {
    return {
      childDay: childDayLabel(context.childDay, 'ja'),
      childAge: childMonthsLabel(context.childMonths, 'ja'),
    }
  }
  return {}
}
