import { z } from 'zod'
import { type Bilingual, type CivilDate, civilDateSchema, daysBetween } from '../calendar'

/** One pregnancy or child, as plain JSON: what the resident told us and when they told us. */
export interface TimelineFacts {
  /** Registration date: nothing is sent before it. */
  from: CivilDate
  due?: CivilDate
  /** reportedOn defaults to the birth date: the plan knows of the birth from that day on. */
  birth?: { date: CivilDate; reportedOn?: CivilDate }
  /** reportedOn defaults to the loss date. */
  loss?: { date: CivilDate; reportedOn?: CivilDate }
}

/** Gestational day of the earliest birth that is a birth and not a loss (22w0d). */
export const EARLIEST_BIRTH_DAY = 154

const event = z.object({ date: civilDateSchema, reportedOn: civilDateSchema.optional() })

export const timelineFactsSchema = z
  .object({
    from: civilDateSchema,
    due: civilDateSchema.optional(),
    birth: event.optional(),
    loss: event.optional(),
  })
  .superRefine((facts, ctx) => {
    const problem = timelineProblem(facts)
    if (problem) ctx.addIssue({ code: 'custom', message: `${problem.ja} / ${problem.en}` })
  })

/** What is wrong with a timeline, as a message for the person who entered it; null when it is sound. */
export function timelineProblem(facts: TimelineFacts): Bilingual | null {
  const { due, birth, loss, from } = facts
  if (!due && !birth) {
    return {
      ja: '出産予定日か誕生日のどちらかを指定してください',
      en: 'give a due date or a birth date',
    }
  }
  if (birth?.reportedOn && birth.reportedOn < birth.date) {
    return {
      ja: `誕生のお知らせ日 ${birth.reportedOn} が誕生日 ${birth.date} より前です`,
      en: `the birth is reported (${birth.reportedOn}) before it happened (${birth.date})`,
    }
  }
  if (loss?.reportedOn && loss.reportedOn < loss.date) {
    return {
      ja: `お別れのお知らせ日 ${loss.reportedOn} がお別れの日 ${loss.date} より前です`,
      en: `the loss is reported (${loss.reportedOn}) before it happened (${loss.date})`,
    }
  }
  if (birth && loss && loss.date < birth.date) {
    return {
      ja: `お別れの日 ${loss.date} が誕生日 ${birth.date} より前です`,
      en: `the loss (${loss.date}) is before the birth (${birth.date})`,
    }
  }
  if (due && birth && 280 - daysBetween(birth.date, due) < EARLIEST_BIRTH_DAY) {
    return {
      ja: `誕生日 ${birth.date} は妊娠22週0日より前です（22週未満はお別れ（流産）として登録してください）`,
      en: `the birth ${birth.date} is before 22w0d; before 22 weeks it is recorded as a loss`,
    }
  }
  if (due && daysBetween(from, due) > 280) {
    return {
      ja: `出産予定日 ${due} が登録日 ${from} から280日より後です`,
      en: `the due date ${due} is more than 280 days after registration (${from})`,
    }
  }
  return null
}
