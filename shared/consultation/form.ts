import { parsePhoneNumberFromString } from 'libphonenumber-js/min'
import { z } from 'zod'
import { bilingual } from '../contract/messages'
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

export type ConsultationCheck =
  | { ok: true; value: ConsultationRequest }
  | { ok: false; errors: Partial<Record<ConsultationField, string>> }

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
      error: bilingual('相談の種類を選んでください', 'Choose what it is about'),
    }),
    text: z
      .string()
      .transform((s) => s.replace(/\r\n?/g, '\n').trim())
      .pipe(
        z
          .string()
          .min(1, bilingual('ご相談の内容を書いてください', 'Please write what you would like to ask'))
          .refine((s) => codePoints(s) <= CONSULTATION_MAX_CHARS, {
            error: bilingual(
              `${CONSULTATION_MAX_CHARS}文字以内にしてください（いま書いた文章は残っています）`,
              `Please keep it within ${CONSULTATION_MAX_CHARS} characters (what you wrote is kept)`,
            ),
          })
          .refine((s) => !controlCharacters.test(s), {
            error: bilingual('使えない文字が含まれています', 'It contains characters that cannot be used'),
          }),
      ),
    contact: z.enum(offered as [ContactMethod, ...ContactMethod[]], {
      error: bilingual('連絡の方法を選んでください', 'Choose how we may contact you'),
    }),
  })
  const parsed = schema.safeParse(input)
  const errors: Partial<Record<ConsultationField, string>> = {}
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[issue.path[0] as ConsultationField] ??= issue.message
  }
  let phone: string | null = null
  const hours = input.hours.trim()
  if (input.contact === 'phone') {
    phone = contactPhone(input.phone.trim())
    if (!phone)
      errors.phone = bilingual(
        '電話番号を確かめてください（例: 090-1234-5678）',
        'Please check the phone number (e.g. 090-1234-5678)',
      )
    if (codePoints(hours) > HOURS_MAX_CHARS || controlCharacters.test(hours))
      errors.hours = bilingual(
        `つながりやすい時間は${HOURS_MAX_CHARS}文字以内で書いてください`,
        `Please keep the hours within ${HOURS_MAX_CHARS} characters`,
      )
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors }
  const { category, text, contact } = parsed.data
  if (contact === 'phone') return { ok: true, value: { category, text, contact, phone: phone!, hours } }
  return { ok: true, value: { category, text, contact } }
}
