import { isSupportedCountry } from 'libphonenumber-js/mobile'
import type { Field, FieldHook, Validate } from 'payload'
import { z } from 'zod'
import { smsCapDefaults } from '../../../shared/contract/tenant'
import { bilingual, label } from '../i18n'
import { hasRole } from '../roles'

/**
 * The most an administrator may set (the contract allows more). A town registers some dozens of
 * families a day; texts beyond these would be an attack, not a busy clinic.
 */
export const smsCapMaxima = { perHour: 1000, perDay: 5000 } as const

/** The most countries a town may list, as the contract takes them. */
const maxCountries = 20

type Options = Parameters<Validate>[1]

/**
 * Whoever may raise what costs money: an administrator, or the system itself (seeding, scripts
 * with `overrideAccess`). Town staff may lower what they pay for, never open it further: a phished
 * staff account must not be able to turn the town's SMS into a fraudster's.
 */
const mayRaise = (options: Options) => Boolean(options.overrideAccess) || hasRole(options.req?.user, 'admin')

// The admin form validates as one types (`onChange`), without the stored value; who may change
// what is decided on saving.
const saving = (options: Options) => options.event !== 'onChange'

const count = z.int().min(1)

function cap(unit: 'perHour' | 'perDay'): Validate {
  const fallback = smsCapDefaults[unit]
  const max = smsCapMaxima[unit]
  return (value, options) => {
    if (value === null || value === undefined) return true
    if (!count.safeParse(value).success)
      return bilingual('1以上の整数で入力してください', 'Enter a whole number, at least 1')
    const n = value as number
    if (n > max)
      return bilingual(
        `${max}以下にしてください（それ以上は運営にご相談ください）`,
        `Enter at most ${max} (ask the operators for more)`,
      )
    const before = (options.previousValue as number | null | undefined) ?? fallback
    const ceiling = Math.max(fallback, before)
    if (saving(options) && !mayRaise(options) && n > ceiling)
      return bilingual(
        `管理者だけが上限を${ceiling}より上げられます（不正なSMS送信で費用が膨らまないように）`,
        `Only an administrator can raise this cap above ${ceiling} (so that fraud cannot run up the town's SMS bill)`,
      )
    if (unit === 'perDay') {
      const hourly =
        (options.siblingData as { capPerHour?: number | null }).capPerHour ?? smsCapDefaults.perHour
      // A wrong hourly cap is reported on its own field.
      if (count.safeParse(hourly).success && hourly <= smsCapMaxima.perHour && n < hourly)
        return bilingual(
          `1日の上限は1時間の上限（${hourly}）以上にしてください`,
          `The daily cap must be at least the hourly cap (${hourly})`,
        )
    }
    return true
  }
}

/** Codes as typed: trimmed, upper case, each once (`gb ` is GB). */
const tidyCountries: FieldHook = ({ value }) =>
  Array.isArray(value)
    ? [...new Set(value.map((code) => String(code).trim().toUpperCase()).filter(Boolean))]
    : value

const sameList = (a: unknown, b: unknown) =>
  JSON.stringify([...((a as string[] | null) ?? [])].sort()) ===
  JSON.stringify([...((b as string[] | null) ?? [])].sort())

const countries: Validate = (value, options) => {
  const codes = (value as string[] | null | undefined) ?? []
  if (saving(options) && !mayRaise(options) && !sameList(codes, options.previousValue))
    return bilingual(
      '受け付ける国を変えられるのは管理者だけです（海外へのSMSは高額で、不正の主な狙いです）',
      'Only an administrator can change the countries (texts abroad cost more and are what SMS fraud buys)',
    )
  if (codes.length === 0) return true
  const wrong = codes.find((code) => !/^[A-Z]{2}$/.test(code) || !isSupportedCountry(code))
  if (wrong)
    return bilingual(
      `${wrong} は国コードではありません（電話の国番号ではなく ISO 3166-1 の2文字。例: イギリスは GB）`,
      `${wrong} is not a country code (two letters of ISO 3166-1, not a calling code; e.g. GB for the United Kingdom)`,
    )
  if (!codes.includes('JP'))
    return bilingual(
      '日本（JP）を含めてください（含めないと町の住民がSMSで登録できません）',
      "Include Japan (JP) (without it the town's own residents cannot register by SMS)",
    )
  if (codes.length > maxCountries)
    return bilingual(`国は${maxCountries}か国までです`, `At most ${maxCountries} countries`)
  return true
}

/**
 * A town's SMS limits against SMS pumping, published as `channels.sms.countries`, `capPerHour`
 * and `capPerDay` of its tenant part; the edge enforces them (`edge/verification/sms-cap.ts`).
 */
export const smsLimitsField: Field = {
  name: 'smsLimits',
  type: 'group',
  label: label('SMSの送信制限', 'SMS limits'),
  admin: {
    description: label(
      `SMSは1通ごとに町が費用を払います。他人や海外の番号へ大量に送らせる不正（SMSポンピング）に備え、確認コードなどの送信数に上限を設けます。上限に達するとSMSでの受付だけが止まり（メールとLINEは続きます）、相談窓口にメールで知らせます。空欄なら既定値（日本の番号だけ、1時間${smsCapDefaults.perHour}通、1日${smsCapDefaults.perDay}通）。上限を下げるのは自治体職員もできます。既定値より上げることと国を変えることは管理者だけができます（職員のアカウントが乗っ取られても請求が膨らまないように）。`,
      `The town pays for every text. Against SMS pumping (strangers making it text numbers they own, often abroad), the texts it pays for (codes, notices) are capped. At the cap only SMS sign-up pauses (email and LINE go on) and the desk is emailed. Empty: the defaults (Japanese numbers only, ${smsCapDefaults.perHour} an hour, ${smsCapDefaults.perDay} a day). Town staff may lower the caps; raising them above the defaults or changing the countries is an administrator's, so that a stolen staff account cannot run up the bill.`,
    ),
  },
  fields: [
    {
      name: 'countries',
      type: 'text',
      hasMany: true,
      label: label('SMSで受け付ける国', 'Countries accepted by SMS'),
      hooks: { beforeValidate: [tidyCountries] },
      validate: countries,
      admin: {
        description: label(
          '空欄なら日本の携帯電話番号だけ。ほかの国も受け付けるときは JP と、その国の2文字の国コード（ISO 3166-1、例: GB, US）を入力します',
          'Empty: Japanese mobile numbers only. To accept others, list JP and each country’s two-letter ISO 3166-1 code (e.g. GB, US)',
        ),
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'capPerHour',
          type: 'number',
          label: label('1時間あたりのSMS上限', 'SMS cap per hour'),
          validate: cap('perHour'),
          admin: {
            step: 1,
            description: label(
              `毎時0分からの1時間に町が費用を払うSMSの数。空欄なら${smsCapDefaults.perHour}通（管理者は${smsCapMaxima.perHour}通まで）`,
              `Texts the town pays for in a clock hour. Empty: ${smsCapDefaults.perHour} (an administrator may set up to ${smsCapMaxima.perHour})`,
            ),
          },
        },
        {
          name: 'capPerDay',
          type: 'number',
          label: label('1日あたりのSMS上限', 'SMS cap per day'),
          validate: cap('perDay'),
          admin: {
            step: 1,
            description: label(
              `町の1日（0時から）に費用を払うSMSの数。空欄なら${smsCapDefaults.perDay}通（管理者は${smsCapMaxima.perDay}通まで）`,
              `Texts the town pays for in its day. Empty: ${smsCapDefaults.perDay} (an administrator may set up to ${smsCapMaxima.perDay})`,
            ),
          },
        },
      ],
    },
  ],
}
