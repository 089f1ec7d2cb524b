import { z } from 'zod'
import { type CivilDate, checkCivilDate } from '../../shared/calendar'
import { audiences, type Channel, type TenantSettings } from '../../shared/contract'
import { checkAddress, enabledChannels } from '../resident/address-field'
import { birthDateProblem, dueDateProblem } from '../resident/dates'
import { enrolmentEndingFields, enrolmentFields, nicknameField } from '../resident/fields'
import { biText } from '../web/bilingual'

/** What a resident typed, exactly as typed, to show back in the form. */
export type RegistrationInput = Record<(typeof registrationFields)[number], string>

export const registrationFields = ['nickname', 'audience', 'stage', 'date', ...enrolmentEndingFields] as const

export interface Registration {
  nickname: string
  audience: (typeof audiences)[number]
  stage: 'due' | 'birth'
  date: CivilDate
  language: string
  channel: Channel
  /** Email, E.164 phone number, or '' for LINE until the resident's account is linked. */
  address: string
  noticeVersion: string
}

export type RegistrationCheck =
  | { ok: true; value: Registration }
  | { ok: false; errors: Partial<Record<keyof RegistrationInput, string>> }

/** Channels a resident can register with: email (link), SMS (code) and LINE (linking), as enabled. */
export const registrableChannels = enabledChannels

export function readRegistrationInput(form: Record<string, unknown>): RegistrationInput {
  const text = (name: string) => {
    const value = form[name]
    return typeof value === 'string' ? value : ''
  }
  return Object.fromEntries(registrationFields.map((f) => [f, text(f)])) as RegistrationInput
}

export function checkRegistration(
  input: RegistrationInput,
  tenant: TenantSettings,
  today: CivilDate,
): RegistrationCheck {
  const schema = z.object({
    nickname: nicknameField,
    audience: z.enum(audiences, {
      error: () => biText('あなたの立場を選んでください', 'Choose who you are'),
    }),
    stage: z.enum(['due', 'birth'], {
      error: () => biText('妊娠中か、お子さんが生まれているかを選んでください', 'Choose pregnant or born'),
    }),
    date: z.string().refine((d) => checkCivilDate(d).ok, {
      error: () => biText('日付を選んでください（例: 2027-03-15）', 'Choose a date (e.g. 2027-03-15)'),
    }),
    ...enrolmentFields(tenant),
  })
  const parsed = schema.safeParse(input)
  const errors: Partial<Record<keyof RegistrationInput, string>> = {}
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof RegistrationInput
      errors[field] ??= issue.message
    }
  }
  const dateProblem = datePlausibility(input.stage, input.date, today)
  if (!errors.date && dateProblem) errors.date = dateProblem
  // The address is read as the chosen channel stores it; without a channel, as the first offered.
  const channel = parsed.success ? parsed.data.channel : (registrableChannels(tenant)[0] ?? 'email')
  const address = checkAddress(channel, input.address, tenant)
  if (!address.ok) errors.address = address.message
  if (!parsed.success || dateProblem || !address.ok) return { ok: false, errors }
  return { ok: true, value: { ...parsed.data, address: address.address } }
}

/** A due date within the pregnancy ahead (or two weeks past), a birth date within three years. */
function datePlausibility(stage: string, date: string, today: CivilDate): string | null {
  if (!checkCivilDate(date).ok) return null
  const problem =
    stage === 'due' ? dueDateProblem(date, today) : stage === 'birth' ? birthDateProblem(date, today) : null
  return problem && biText(problem.ja, problem.en)
}
