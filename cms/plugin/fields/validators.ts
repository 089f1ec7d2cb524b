import type { Validate } from 'payload'
import { bilingual } from '../i18n'

const empty = (value: unknown) => value === null || value === undefined || String(value).trim() === ''

export const requiredText: Validate = (value) =>
  empty(value) ? bilingual('入力してください', 'This field is required') : true

/** An absolute https URL (http only for localhost), or nothing. */
export const optionalUrl: Validate = (value) => {
  if (empty(value)) return true
  let url: URL
  try {
    url = new URL(String(value))
  } catch {
    return bilingual(
      `URLの形式が正しくありません: ${value}（例: https://example.jp/page）`,
      `Malformed URL: ${value} (e.g. https://example.jp/page)`,
    )
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1'
  if (url.protocol === 'https:' || (url.protocol === 'http:' && local)) return true
  return bilingual('URLは https:// で始めてください', 'The URL must start with https://')
}

export const optionalEmail: Validate = (value) => {
  if (empty(value)) return true
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(value))
    ? true
    : bilingual('メールアドレスの形式が正しくありません', 'Malformed email address')
}

/** Japanese phone numbers as people write them: digits with optional hyphens, or +81. */
export const optionalPhone: Validate = (value) => {
  if (empty(value)) return true
  const digits = String(value).replace(/[-\s()]/g, '')
  return /^(\+81|0)\d{8,10}$/.test(digits) || /^#?\d{4}$/.test(digits) || /^\d{3}$/.test(digits)
    ? true
    : bilingual(
        '電話番号の形式が正しくありません（例: 03-1234-5678）',
        'Malformed phone number (e.g. 03-1234-5678)',
      )
}

export const timeOfDay: Validate = (value) =>
  /^([01]\d|2[0-3]):[0-5]\d$/.test(String(value ?? ''))
    ? true
    : bilingual('時刻は HH:MM で入力してください（例: 09:00）', 'Enter the time as HH:MM (e.g. 09:00)')

export const timeZone: Validate = (value) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: String(value ?? '') })
    return true
  } catch {
    return bilingual(`タイムゾーンが不明です: ${value}`, `Unknown time zone: ${value}`)
  }
}

export const untilAfterFrom: Validate = (value, { siblingData }) => {
  const from = (siblingData as { validFrom?: string } | undefined)?.validFrom
  if (!value || !from) return true
  return new Date(String(value)) >= new Date(from)
    ? true
    : bilingual('掲載終了日は開始日以降にしてください', 'Valid until must not be before valid from')
}
