import type { TenantSettings } from '../../shared/contract'
import { hasEmergencyConsultationLine } from '../web/emergency-lines'

/** The numbers to call now, as plain chat lines, first in an urgent acknowledgement. */
function emergencyLines(tenant: TenantSettings): string[] {
  return [
    '急いでいるとき・具合が悪いときは、返事を待たずにすぐ電話してください / If it is urgent, do not wait: call now',
    '119 救急車・命にかかわるとき / ambulance',
    ...(hasEmergencyConsultationLine(tenant.prefecture)
      ? ['#7119 救急車を呼ぶか迷うとき / unsure whether to call an ambulance']
      : []),
    '#8000 夜間・休日のこどもの急な病気 / a child suddenly ill at night',
  ]
}

/**
 * The automatic answer to a resident's LINE text or SMS reply: it reached the desk, and when the
 * desk is open. An urgent one puts the emergency numbers first, as the form's acknowledgement does.
 */
export function chatAcknowledgement(tenant: TenantSettings, urgent: boolean): string {
  const { desk } = tenant
  return [
    ...(urgent ? [...emergencyLines(tenant), ''] : []),
    `${desk.name}にメッセージが届きました。受付時間（${desk.hours}）に担当者が読みます。`,
    `Your message reached ${desk.name}. Staff read it during opening hours (${desk.hours}).`,
    `電話 / Phone: ${desk.phone}`,
  ].join('\n')
}
