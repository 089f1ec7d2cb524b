import { parsePhoneNumberFromString } from 'libphonenumber-js/mobile'
import { bilingual, type Channel, email, type TenantSettings } from '../../shared/contract'

/** The channels a tenant enables, in the order the form offers them. */
export function enabledChannels(tenant: TenantSettings): Channel[] {
  return (['email', 'sms', 'line'] as const).filter((c) => tenant.channels[c])
}

/**
 * A mobile number as E.164, or null. Japanese forms (090-1234-5678, full-width digits, +81 …) are
 * read with Japan as the default country; landlines cannot take an SMS and are refused.
 */
export function normalisePhone(text: string): string | null {
  if (text.length > 40) return null
  const parsed = parsePhoneNumberFromString(text.normalize('NFKC'), 'JP')
  return parsed?.isValid() ? parsed.number : null
}

export type AddressCheck = { ok: true; address: string } | { ok: false; message: string }

/** What was typed in the address field, as the channel stores it: an email, E.164, or nothing for LINE. */
export function checkAddress(channel: Channel, typed: string): AddressCheck {
  if (channel === 'line') return { ok: true, address: '' }
  const text = typed.trim()
  if (channel === 'sms') {
    const phone = normalisePhone(text)
    return phone
      ? { ok: true, address: phone }
      : {
          ok: false,
          message: bilingual(
            '携帯電話の番号を確かめてください（例: 090-1234-5678）',
            'Please check the mobile number (e.g. 090-1234-5678)',
          ),
        }
  }
  if (text.length > 254)
    return { ok: false, message: bilingual('メールアドレスが長すぎます', 'That email address is too long') }
  const parsed = email.safeParse(text)
  // The domain is case-blind; the local part is left as typed (RFC 5321 lets it matter).
  const at = parsed.success ? parsed.data.lastIndexOf('@') : -1
  return parsed.success
    ? { ok: true, address: `${parsed.data.slice(0, at)}${parsed.data.slice(at).toLowerCase()}` }
    : { ok: false, message: parsed.error.issues[0]?.message ?? '' }
}
