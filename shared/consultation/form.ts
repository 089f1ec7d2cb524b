import { parsePhoneNumberFromString } from 'libphonenumber-js/min'
import { z } from 'zod'
import { type Wording, wording } from '../languages/wording'
import { type ConsultationCategory, consultationCategoryIds } from './categories'

/** Characters a consultation may hold: enough for a long worry, short enough to read at a desk. */
export const CONSULTATION_MAX_CHARS = 2000
export const HOURS_MAX_CHARS = 60

export const consultationFields = ['category', 'text', 'contact', 'phone', 'hours'] as const
export type ConsultationField = (typeof consultationFields)[number]
/** What a resident typed, exactly as typed, to show back in the form. */
export type ConsultationInput = Record<ConsultationField, string>

/**
 * registered: reply to the address the resident registered with (email or SMS number);
 * phone: a number given here, with preferred hours; none: the desk reads it and need not answer.
 */
export const contactMethods = ['registered', 'phone', 'none'] as const
export type ContactMethod = (typeof contactMethods)[number]

export type ConsultationRequest = {
  category: ConsultationCategory
  text: string
} & ({ contact: 'registered' | 'none' } | { contact: 'phone'; phone: string; hours: string })

export type ConsultationErrors = Partial<Record<ConsultationField, Wording>>

export type ConsultationCheck =
  | { ok: true; value: ConsultationRequest }
  | { ok: false; errors: ConsultationErrors }

/** What the form says of each problem; the resident's page words it in their language. */
const problems = {
  category: wording('相談の種類を選んでください', 'Choose what it is about'),
  textMissing: wording('ご相談の内容を書いてください', 'Please write what you would like to ask'),
  textLong: wording(
    '{max}文字以内にしてください（いま書いた文章は残っています）',
    'Please keep it within {max} characters (what you wrote is kept)',
    { max: CONSULTATION_MAX_CHARS },
  ),
  control: wording('使えない文字が含まれています', 'It contains characters that cannot be used'),
  contact: wording('連絡の方法を選んでください', 'Choose how we may contact you'),
  phone: wording(
    '電話番号を確かめてください（例: 090-1234-5678）',
    'Please check the phone number (e.g. 090-1234-5678)',
  ),
  hours: wording(
    'つながりやすい時間は{max}文字以内で書いてください',
    'Please keep the hours within {max} characters',
    { max: HOURS_MAX_CHARS },
  ),
  other: wording('入力を確認してください', 'Please check the form'),
}
type Problem = keyof typeof problems

// The schema's messages are the problems' names, worded when the issues are read.
const problemOf = (message: string): Wording =>
  Object.hasOwn(problems, message) ? problems[message as Problem] : problems.other

export function readConsultationInput(form: Record<string, unknown>): ConsultationInput {
  const text = (name: string) => {
    const value = form[name]
    return typeof value === 'string' ? value : ''
  }
  return Object.fromEntries(consultationFields.map((f) => [f, text(f)])) as ConsultationInput
}

const codePoints = (s: string) => [...s].length
// Tabs and line breaks are how people write; other control characters are not.
const controlCharacters = /[^\P{Cc}\t\n]/u

/** A Japanese phone number (mobile or landline, full-width digits too) in national form, or null. */
export function contactPhone(text: string): string | null {
  if (text.length > 40) return null
  const parsed = parsePhoneNumberFromString(text.normalize('NFKC'), 'JP')
  return parsed?.isValid() ? parsed.formatNational() : null
}

/** Checks a submitted form; `registeredOffered` is false where the registered address cannot be answered (LINE). */
export function checkConsultation(input: ConsultationInput, registeredOffered: boolean): ConsultationCheck {
  const offered = contactMethods.filter((m) => m !== 'registered' || registeredOffered)
  const schema = z.object({
    category: z.enum(consultationCategoryIds, {
      error: 'category' satisfies Problem,
    }),
    text: z
      .string()
      .transform((s) => s.replace(/\r\n?/g, '\n').trim())
      .pipe(
        z
          .string()
          .min(1, 'textMissing' satisfies Problem)
          .refine((s) => codePoints(s) <= CONSULTATION_MAX_CHARS, { error: 'textLong' satisfies Problem })
          .refine((s) => !controlCharacters.test(s), { error: 'control' satisfies Problem }),
      ),
    contact: z.enum(offered as [ContactMethod, ...ContactMethod[]], {
      error: 'contact' satisfies Problem,
    }),
  })
  const parsed = schema.safeParse(input)
  const errors: ConsultationErrors = {}
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      errors[issue.path[0] as ConsultationField] ??= problemOf(issue.message)
  }
  let phone: string | null = null
  const hours = input.hours.trim()
  if (input.contact === 'phone') {
    phone = contactPhone(input.phone.trim())
    if (!phone) errors.phone = problems.phone
    if (codePoints(hours) > HOURS_MAX_CHARS || controlCharacters.test(hours)) errors.hours = problems.hours
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors }
  const { category, text, contact } = parsed.data
  if (contact === 'phone') return { ok: true, value: { category, text, contact, phone: phone!, hours } }
  return { ok: true, value: { category, text, contact } }
}
