import { parsePhoneNumberFromString } from 'libphonenumber-js/mobile'
import { type Channel, email, type TenantSettings } from '../../shared/contract'
import { biText } from '../web/bilingual'

/** The channels a tenant enables, in the order the form offers them. */
export function enabledChannels(tenant: TenantSettings): Channel[] {
  return (['email', 'sms', 'line'] as const).filter((c) => tenant.channels[c])
}

/** The countries whose mobile numbers a tenant takes by SMS: Japan unless its settings say more. */
export const smsCountries = (tenant: TenantSettings | undefined): readonly string[] =>
  tenant?.channels.sms?.countries ?? ['JP']

export type PhoneCheck = { ok: true; e164: string } | { ok: false; problem: 'invalid' | 'country' }

/**
 * A mobile number as E.164, or why not. Japanese forms (090-1234-5678, full-width digits, +81 …)
 * are read with Japan as the default country; landlines cannot take an SMS and are refused, and so
 * is a mobile of a country not in `countries` (texts abroad are what SMS pumping buys).
 */
export function checkPhone(text: string, countries: readonly string[] = ['JP']): PhoneCheck {
  if (text.length > 40) return { ok: false, problem: 'invalid' }
  const parsed = parsePhoneNumberFromString(text.normalize('NFKC'), 'JP')
  if (!parsed?.isValid()) return { ok: false, problem: 'invalid' }
  if (!parsed.country || !countries.includes(parsed.country)) return { ok: false, problem: 'country' }
  return { ok: true, e164: parsed.number }
}

/** A mobile number of one of `countries` (Japan by default) as E.164, or null. */
export function normalisePhone(text: string, countries: readonly string[] = ['JP']): string | null {
  const checked = checkPhone(text, countries)
  return checked.ok ? checked.e164 : null
}

function phoneProblem(problem: 'invalid' | 'country', countries: readonly string[]): string {
  if (problem === 'invalid')
    return biText(
      '携帯電話の番号を確かめてください（例: 090-1234-5678）',
      'Please check the mobile number (e.g. 090-1234-5678)',
    )
  if (countries.length === 1 && countries[0] === 'JP')
    return biText(
      '日本の携帯電話の番号を入力してください（海外の番号には送れません）',
      'Please enter a Japanese mobile number (we cannot text numbers abroad)',
    )
  return biText(
    'この番号の国の携帯電話には送れません（受け付ける国: {countries}）',
    'We cannot text mobile numbers of that country (accepted: {countries})',
    { countries: countries.join(', ') },
  )
}

export type AddressCheck = { ok: true; address: string } | { ok: false; message: string }

/**
 * What was typed in the address field, as the channel stores it: an email, E.164, or nothing for
 * LINE. A phone number must be of a country the tenant takes (Japan without a tenant).
 */
export function checkAddress(channel: Channel, typed: string, tenant?: TenantSettings): AddressCheck {
  if (channel === 'line') return { ok: true, address: '' }
  const text = typed.trim()
  if (channel === 'sms') {
    const countries = smsCountries(tenant)
    const phone = checkPhone(text, countries)
    return phone.ok
      ? { ok: true, address: phone.e164 }
      : { ok: false, message: phoneProblem(phone.problem, countries) }
  }
  if (text.length > 254)
    return { ok: false, message: biText('メールアドレスが長すぎます', 'That email address is too long') }
  const parsed = email.safeParse(text)
  // The domain is case-blind; the local part is left as typed (RFC 5321 lets it matter).
  const at = parsed.success ? parsed.data.lastIndexOf('@') : -1
  return parsed.success
    ? { ok: true, address: `${parsed.data.slice(0, at)}${parsed.data.slice(at).toLowerCase()}` }
    : { ok: false, message: biText('メールアドレスの形が正しくありません', 'Not a valid email address') }
}
