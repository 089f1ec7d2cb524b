// Surveys as the resident meets them: which survey a day's message offers, and reading answers.
export {
  type Answer,
  type ContactWay,
  type CountKey,
  contactFields,
  contactNoteLimit,
  contactWays,
  countKeys,
  type FormFields,
  fieldOf,
  type InterviewContact,
  offersInterview,
  readSubmission,
  type Submission,
  type SubmissionErrors,
  type SubmissionResult,
  wantsInterview,
} from './answers'
export { type SurveyDayQuery, type SurveyHistory, type SurveyLine, surveyForDay } from './choose'
