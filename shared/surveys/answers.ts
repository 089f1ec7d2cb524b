import { email, phone, type Survey, type SurveyQuestion } from '../contract'
import { type Wording, wording } from '../languages/wording'

/** A form as the edge reads it: every field's values, in order (checkboxes repeat a name). */
export type FormFields = Readonly<Record<string, readonly string[]>>

/** One question's answer: the chosen option values, the scale value as text, or the free text. */
export interface Answer {
  questionId: string
  kind: SurveyQuestion['kind']
  values: string[]
}

export const contactWays = ['registered', 'phone', 'email'] as const
export type ContactWay = (typeof contactWays)[number]

/** How the resident asked the desk to reach them about an interview. */
export type InterviewContact =
  | { how: 'registered' }
  | { how: 'phone'; phone: string }
  | { how: 'email'; email: string }

export interface Submission {
  answers: Answer[]
  /** Set when an option flagged as an interview request was chosen. */
  interview: { contact: InterviewContact; note: string } | null
}

/** Each refused field's problem, worded in the resident's language by their page; '' is the whole form's. */
export type SubmissionErrors = Record<string, Wording>

export type SubmissionResult = { ok: true; value: Submission } | { ok: false; errors: SubmissionErrors }

/** The field a question's answer is posted in. */
export const fieldOf = (question: Pick<SurveyQuestion, 'id'>) => `q_${question.id}`
export const contactFields = {
  how: 'contact',
  phone: 'contact_phone',
  email: 'contact_email',
  note: 'contact_note',
}
export const contactNoteLimit = 200

const requiredMessage = wording('この設問は回答が必要です', 'Please answer this question')
const withinMessage = (max: number) =>
  wording('{max}文字以内で書いてください', 'Please write at most {max} characters', { max })

const one = (form: FormFields, name: string): string => (form[name]?.[0] ?? '').trim()

function answerOf(question: SurveyQuestion, form: FormFields): { values: string[] } | { error: Wording } {
  const raw = form[fieldOf(question)] ?? []
  const given = raw.map((v) => v.trim()).filter((v) => v !== '')
  if (given.length === 0) return question.required ? { error: requiredMessage } : { values: [] }
  switch (question.kind) {
    case 'single': {
      const allowed = question.options.map((o) => o.value)
      if (given.length > 1 || !allowed.includes(given[0]!))
        return { error: wording('選択肢から1つ選んでください', 'Choose one of the options') }
      return { values: given }
    }
    case 'multiple': {
      const allowed = new Set(question.options.map((o) => o.value))
      const unique = [...new Set(given)]
      if (unique.some((v) => !allowed.has(v)))
        return { error: wording('選択肢の中から選んでください', 'Choose among the options') }
      return { values: question.options.map((o) => o.value).filter((v) => unique.includes(v)) }
    }
    case 'scale': {
      const value = given[0]!
      const n = /^-?\d{1,4}$/.test(value) ? Number(value) : Number.NaN
      if (given.length > 1 || !(n >= question.min && n <= question.max))
        return {
          error: wording('{min}から{max}までの数を選んでください', 'Choose a number from {min} to {max}', {
            min: question.min,
            max: question.max,
          }),
        }
      return { values: [String(n)] }
    }
    case 'text': {
      const text = (raw[0] ?? '').trim()
      if (raw.length > 1) return { error: wording('回答が多すぎます', 'Too many answers') }
      if ([...text].length > question.maxLength) return { error: withinMessage(question.maxLength) }
      return { values: [text] }
    }
  }
}

const contactPhone = phone
const contactEmail = email

type ContactRead =
  | { ok: true; value: NonNullable<Submission['interview']> }
  | { ok: false; errors: SubmissionErrors }

function contactOf(form: FormFields): ContactRead {
  const errors: SubmissionErrors = {}
  const how = one(form, contactFields.how)
  const note = one(form, contactFields.note)
  if ([...note].length > contactNoteLimit) errors[contactFields.note] = withinMessage(contactNoteLimit)
  let contact: InterviewContact | null = null
  if (how === 'registered') contact = { how }
  else if (how === 'phone') {
    const parsed = contactPhone.safeParse(one(form, contactFields.phone).replace(/[‐－ー−\s]/g, '-'))
    if (parsed.success) contact = { how, phone: parsed.data }
    else
      errors[contactFields.phone] = wording(
        '電話番号を数字とハイフンで入力してください（例: 090-1234-5678）',
        'Enter a phone number in digits and hyphens (e.g. 090-1234-5678)',
      )
  } else if (how === 'email') {
    const parsed = contactEmail.safeParse(one(form, contactFields.email))
    if (parsed.success) contact = { how, email: parsed.data }
    else
      errors[contactFields.email] = wording(
        'メールアドレスを入力してください（例: hana@example.jp）',
        'Enter an email address (e.g. hana@example.jp)',
      )
  } else
    errors[contactFields.how] = wording(
      '面談のご連絡先を選んでください',
      'Choose how the desk should contact you about the interview',
    )
  if (Object.keys(errors).length > 0 || !contact) return { ok: false, errors }
  return { ok: true, value: { contact, note } }
}

/**
 * A posted survey form read against the survey's own questions: every answer an allowed value,
 * required questions answered, the interview contact given when an interview was asked for.
 * Errors are keyed by field, worded for the resident's page; nothing is returned half-valid.
 */
export function readSubmission(survey: Survey, form: FormFields): SubmissionResult {
  const errors: SubmissionErrors = {}
  const answers: Answer[] = []
  for (const question of survey.questions) {
    const result = answerOf(question, form)
    if ('error' in result) errors[fieldOf(question)] = result.error
    else if (result.values.length > 0)
      answers.push({ questionId: question.id, kind: question.kind, values: result.values })
  }
  if (answers.length === 0 && Object.keys(errors).length === 0)
    errors[''] = wording('少なくとも1つの設問に答えてください', 'Please answer at least one question')
  const interview = wantsInterview(survey, answers)
  let contact: Submission['interview'] = null
  if (interview) {
    const read = contactOf(form)
    if (read.ok) contact = read.value
    else Object.assign(errors, read.errors)
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, value: { answers, interview: contact } }
}

/** Whether the answers choose an option flagged as a request for an interview. */
export function wantsInterview(survey: Survey, answers: readonly Answer[]): boolean {
  return answers.some((answer) => {
    const question = survey.questions.find((q) => q.id === answer.questionId)
    if (!question || (question.kind !== 'single' && question.kind !== 'multiple')) return false
    return question.options.some((o) => o.requestsInterview && answer.values.includes(o.value))
  })
}

/** Whether the survey can ask for an interview at all (the form then shows the contact fields). */
export function offersInterview(survey: Survey): boolean {
  return survey.questions.some(
    (q) => (q.kind === 'single' || q.kind === 'multiple') && q.options.some((o) => o.requestsInterview),
  )
}

export interface CountKey {
  questionId: string
  value: string | null
}

/** The anonymous count keys of one submission: option values, scale values, or null for free text. */
export function countKeys(answers: readonly Answer[]): CountKey[] {
  return answers.flatMap((answer): CountKey[] =>
    answer.kind === 'text'
      ? [{ questionId: answer.questionId, value: null }]
      : answer.values.map((value) => ({ questionId: answer.questionId, value })),
  )
}
