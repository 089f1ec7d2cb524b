import { post } from '../../../edge/support/resident-http'
import { freshMobile, latestCode, registerBySms } from '../../../edge/support/verification'

/** A resident registered by SMS the way a real one is: the form, then the code from their phone. */
export async function smsResident(mobile = freshMobile(), tenant = 'sakura-city') {
  const { response, codePage } = await registerBySms({ mobile, tenant })
  if (response.status !== 303) throw new Error(`SMS registration answered ${response.status}`)
  const confirmed = await post(codePage, { code: await latestCode(mobile.e164) })
  const manage = confirmed.headers.get('location')?.split('?')[0]
  if (!manage?.startsWith('/r/')) throw new Error(`the code answered ${confirmed.status}`)
  return { mobile, manage }
}
