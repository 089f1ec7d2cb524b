import { z } from 'zod'
import { isLanguageTag, languageTags } from '../languages'
import { type Audience, audiences } from '../program'
import { bilingual } from './messages'

/** URL-safe tenant identifier, e.g. `setagaya`. */
export const tenantSlug = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/,
    bilingual(
      'スラッグは英小文字・数字・ハイフンで48文字以内にしてください',
      'A slug is lowercase letters, digits and hyphens, at most 48 characters',
    ),
  )

/** A civil date, YYYY-MM-DD, with no time zone. */
export const civilDate = z.iso.date({
  error: bilingual(
    '日付は YYYY-MM-DD の形で実在する日にしてください',
    'A date must be a real YYYY-MM-DD date',
  ),
})

/** An instant with an explicit offset, e.g. 2026-11-23T00:00:00Z. */
export const instant = z.iso.datetime({
  offset: true,
  error: bilingual('日時は ISO 8601（時差つき）で書いてください', 'A time must be ISO 8601 with an offset'),
})

/** Local wall-clock time, HH:MM (24 h). */
export const localTime = z
  .string()
  .regex(
    /^([01]\d|2[0-3]):[0-5]\d$/,
    bilingual('時刻は HH:MM（24時間制）で書いてください', 'A time of day must be HH:MM (24 h)'),
  )

export const hashHex = z
  .string()
  .regex(
    /^[0-9a-f]{64}$/,
    bilingual('ハッシュは SHA-256 の16進64文字です', 'A hash is 64 lowercase hex digits of SHA-256'),
  )

/** IANA time zone name, checked against the runtime's own time zone data. */
export const timeZone = z.string().refine(
  (name) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name })
      return true
    } catch {
      return false
    }
  },
  { error: bilingual('不明なタイムゾーンです（例: Asia/Tokyo）', 'Unknown time zone (e.g. Asia/Tokyo)') },
)

/** A language yorisoi writes in: one of the registry's BCP 47 tags (shared/languages). */
export const language = z.string().refine(isLanguageTag, {
  error: (issue) =>
    bilingual(
      `言語「${String(issue.input)}」は登録されていません（使える言語: ${languageTags.join(', ')}）`,
      `Unknown language "${String(issue.input)}" (known: ${languageTags.join(', ')})`,
    ),
})

export { type Audience, audiences }
export const audience = z.enum(audiences, {
  error: bilingual(
    '対象は primary, partner, family のいずれかです',
    'Audience must be primary, partner or family',
  ),
})

export const channels = ['email', 'sms', 'line'] as const
export const channel = z.enum(channels, {
  error: bilingual('チャネルは email, sms, line のいずれかです', 'Channel must be email, sms or line'),
})
export type Channel = z.infer<typeof channel>

/** The key a message is written for: phase/number, e.g. `pregnancy/196`, `age1/4`, `loss/7`. */
export const slotKey = z
  .string()
  .regex(
    /^[a-z][a-z0-9]*\/\d{1,4}$/,
    bilingual(
      'スロットは「フェーズ/数」の形です（例: pregnancy/196）',
      'A slot is phase/number (e.g. pregnancy/196)',
    ),
  )

export const httpsUrl = z
  .string()
  .regex(
    /^https:\/\/[^\s/$.?#][^\s]*$/,
    bilingual('https:// で始まる URL にしてください', 'Use an https:// URL'),
  )

export const email = z.email({
  error: bilingual('メールアドレスの形が正しくありません', 'Not a valid email address'),
})

/** A phone number as people dial it in Japan: digits and hyphens, or # short codes. */
export const phone = z
  .string()
  .regex(
    /^(?:\+?\d[\d-]{5,18}\d|#\d{4})$/,
    bilingual('電話番号は数字とハイフンで書いてください', 'A phone number is digits and hyphens'),
  )

export const nonEmpty = (max: number) =>
  z
    .string()
    .regex(/\S/, bilingual('空にできません', 'Must not be empty'))
    .max(max, bilingual(`${max}文字以内にしてください`, `At most ${max} characters`))
