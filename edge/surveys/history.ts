import type { SurveyHistory } from '../../shared/surveys'

/** By subscriber, by survey id. */
export type HistoryBySubscriber = Map<string, Map<string, SurveyHistory>>

/**
 * What a subscriber has had of each survey before `date` — the survey lines that went out (a delivery
 * that failed never reached them) and whether it is answered — as two columns of a query over
 * subscribers (`subscriber`: the column naming the subscriber, `date`: the parameter holding the
 * day), so a batch reads it with the subscribers' own rows: a subscriber with none costs no row
 * read. Today's own offer is left out, so a retried delivery decides again exactly as it first did.
 */
export function surveyHistoryColumns(subscriber: string, date: string): string {
  // Through the survey index, named: by subscriber and date SQLite would rather read every
  // delivery of theirs (deliveries_subscriber_day), a row read each a day of the program. `<> ''`
  // (a survey id is never empty) tells SQLite the partial index holds every row asked for without
  // becoming a range on survey_id, which costs a row read even when the subscriber has none.
  return `(SELECT json_group_array(json_array(survey_id, offers, last_offered_on))
           FROM (SELECT d.survey_id, count(*) AS offers, max(d.local_date) AS last_offered_on
                 FROM deliveries d INDEXED BY deliveries_survey
                 WHERE d.subscriber_id = ${subscriber} AND d.survey_id <> '' AND d.local_date < ${date}
                   AND d.state NOT IN ('failed-permanent', 'failed-transient')
                 GROUP BY d.survey_id)) AS surveyOffers,
          (SELECT json_group_array(r.survey_id) FROM survey_responses r WHERE r.subscriber_id = ${subscriber}) AS surveysAnswered`
}

/** One subscriber's history from the columns of surveyHistoryColumns. */
export function surveyHistoryOf(
  columns: { surveyOffers: string; surveysAnswered: string },
  date: string,
): Map<string, SurveyHistory> {
  const bySurvey = new Map<string, SurveyHistory>()
  const offers = JSON.parse(columns.surveyOffers) as [string, number, string][]
  for (const [surveyId, count, lastOfferedOn] of offers)
    bySurvey.set(surveyId, { offers: count, lastOfferedOn, answered: false })
  for (const surveyId of JSON.parse(columns.surveysAnswered) as string[]) {
    const seen = bySurvey.get(surveyId) ?? { offers: 0, lastOfferedOn: date, answered: false }
    seen.answered = true
    bySurvey.set(surveyId, seen)
  }
  return bySurvey
}
