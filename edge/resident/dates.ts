import { addDays, addYears, type Bilingual, type CivilDate } from '../../shared/calendar'

/**
 * A due date the program can follow: from two weeks ago (a birth not yet reported) to 280 days
 * ahead. One long past says what to do instead, not a range that reads as wrong.
 */
export function dueDateProblem(date: CivilDate, today: CivilDate): Bilingual | null {
  if (date < addDays(today, -14))
    return {
      ja: '出産予定日が2週間以上前の日付です。お子さんが生まれていたら、お誕生日でお知らせください',
      en: 'That due date is more than two weeks ago. If your child is born, give the birth date instead',
    }
  if (date > addDays(today, 280))
    return {
      ja: '出産予定日は、今日から280日以内の日付にしてください',
      en: 'A due date is within 280 days from today',
    }
  return null
}

/** A birth date within the three years the program covers, and not in the future. */
export function birthDateProblem(date: CivilDate, today: CivilDate): Bilingual | null {
  if (date > today || date <= addYears(today, -3))
    return {
      ja: 'お誕生日は、今日までの3年以内の日付にしてください',
      en: 'A birth date is today or within the last three years',
    }
  return null
}
