import { addDays } from '../../shared/calendar'
import type { SurveyResponseCount } from '../../shared/contract'

/** Of the interviews residents ask for, those staff hold, two to nine days later. */
const heldRate = 0.85

/**
 * The interviews of one town's month: each request of a day's survey responses is held (or not) a
 * few days later, counted on the day held under the same survey and stage; a request from the
 * month's last days is held after it, so the month holds fewer than were asked for.
 */
export function interviewDesk(random: () => number) {
  const due = new Map<string, { row: SurveyResponseCount; count: number }>()
  const keyOf = (date: string, row: SurveyResponseCount) => `${date}|${row.surveyId}|${row.stage}`
  return {
    /** Takes the day's responses' requests, and adds the interviews held that day (rows added as needed). */
    day(date: string, responses: SurveyResponseCount[]): SurveyResponseCount[] {
      for (const row of responses)
        for (let n = 0; n < row.interviewsRequested; n++) {
          if (random() >= heldRate) continue
          const key = keyOf(addDays(date, 2 + Math.floor(random() * 8)), row)
          const held = due.get(key)
          if (held) held.count++
          else due.set(key, { row, count: 1 })
        }
      const rows = [...responses]
      for (const [key, { row, count }] of due) {
        if (!key.startsWith(`${date}|`)) continue
        due.delete(key)
        const same = rows.find((r) => r.surveyId === row.surveyId && r.stage === row.stage)
        if (same) same.interviewsHeld += count
        else
          rows.push({
            ...row,
            date,
            offered: 0,
            reminded: 0,
            answered: 0,
            interviewsRequested: 0,
            interviewsHeld: count,
          })
      }
      return rows
    },
  }
}
