import type { TenantSettings } from '../../shared/contract'
import { fillSlots, type Wording, wordIn, wording } from '../../shared/languages/wording'
import { hasEmergencyConsultationLine } from '../web/emergency-lines'

/** The numbers to call now, as plain chat lines, first in an urgent acknowledgement. */
function emergencyLines(tenant: TenantSettings): Wording[] {
  return [
    wording(
      '急いでいるとき・具合が悪いときは、返事を待たずにすぐ電話してください',
      'If it is urgent, do not wait: call now',
    ),
    wording('119 救急車・命にかかわるとき', '119 ambulance, when a life is at risk'),
    ...(hasEmergencyConsultationLine(tenant.prefecture)
      ? [wording('#7119 救急車を呼ぶか迷うとき', '#7119 unsure whether to call an ambulance')]
      : []),
    wording('#8000 夜間・休日のこどもの急な病気', '#8000 a child suddenly ill at night or on a holiday'),
  ]
}

/**
 * One chat line in the resident's language: on LINE with the Japanese after it, as on the pages; by
 * SMS alone (a text is short and costly). A Japanese reader keeps the English after the Japanese.
 */
function lineIn(w: Wording, language: string, channel: 'line' | 'sms'): string {
  const own = wordIn(w, language)
  if (own.lang === 'ja') return `${own.text} / ${fillSlots(w.en, w.values)}`
  if (own.lang === 'ja-x-easy' || channel === 'sms') return own.text
  return `${own.text} / ${fillSlots(w.ja, w.values)}`
}

/**
 * The automatic answer to a resident's LINE text or SMS reply: it reached the desk, and when the
 * desk is open. An urgent one puts the emergency numbers first, as the form's acknowledgement does.
 */
export function chatAcknowledgement(
  tenant: TenantSettings,
  urgent: boolean,
  language: string,
  channel: 'line' | 'sms',
): string {
  const { desk } = tenant
  const received = wording(
    '{desk}にメッセージが届きました。受付時間（{hours}）に担当者が読みます。',
    'Your message reached {desk}. Staff read it during opening hours ({hours}).',
    { desk: desk.name, hours: desk.hours },
  )
  return [
    ...(urgent ? [...emergencyLines(tenant).map((w) => lineIn(w, language, channel)), ''] : []),
    lineIn(received, language, channel),
    `${lineIn(wording('電話', 'Phone'), language, channel)}: ${desk.phone}`,
  ].join('\n')
}
