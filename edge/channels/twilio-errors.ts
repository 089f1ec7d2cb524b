/**
 * Twilio error codes that say the number itself cannot take SMS, for good, whether in the answer
 * to the send (400) or in a status callback: the number is suppressed at once. Every other failure (30003 handset off or out of signal, 30008 unknown, carrier filtering…)
 * may pass and only counts a failed day. Sources: Twilio's error pages,
 * https://www.twilio.com/docs/api/errors/{code}.
 */
export const numberCannotTakeSms: Readonly<Record<string, string>> = {
  '21211': "Invalid 'To' Phone Number",
  '21614': "'To' number is not a valid mobile number (a landline or an invalid number)",
  '21635': "'To' number cannot be a landline",
  '30005': 'Unknown destination handset (unknown, or no longer in service)',
  '30006': 'Landline or unreachable carrier (the destination number cannot receive the message)',
}

/**
 * 21610 "Attempt to send to unsubscribed recipient": the resident replied STOP (or another opt-out
 * keyword) to the tenant's number, and Twilio refuses every SMS to them until they reply START.
 */
export const recipientOptedOut = '21610'

/** What a Twilio error code means for the address: suppressed for which reason, or nothing. */
export function suppressionFor(code: string | number | undefined): 'invalid-number' | 'opted-out' | false {
  if (code === undefined) return false
  if (String(code) === recipientOptedOut) return 'opted-out'
  return numberCannotTakeSms[String(code)] ? 'invalid-number' : false
}
