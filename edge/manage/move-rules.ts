import type { TenantSettings } from '../../shared/contract'
import { wording } from '../../shared/languages/wording'
import type { Resident } from '../resident/rows'
import { type ActionResult, refused } from './actions'

export interface MoveConsent {
  consent: string
  noticeVersion: string
  ipHash: string
}

/**
 * Why someone is stopped whose partner or family moved their household to a town on another shard:
 * nothing is sent to them there until they agree to that town's privacy notice themselves (the
 * restart form on their manage page).
 */
export const householdMovedReason = 'household-moved'

/** Whether the new tenant can reach this resident the way they receive messages now. */
export function canTransfer(to: TenantSettings, resident: Resident): boolean {
  return Boolean(to.channels[resident.subscriber.channel])
}

/** The resident's language where the new tenant offers it, else the tenant's first fallback. */
export const languageIn = (to: TenantSettings, language: string): string =>
  to.languages.offered.includes(language)
    ? language
    : (to.languages.fallback[0] ?? to.languages.offered[0] ?? 'ja')

/** Why this move cannot be made as asked, or null when it can. */
export function moveRefusal(
  to: TenantSettings,
  resident: Resident,
  consent: MoveConsent,
): ActionResult | null {
  const { subscriber } = resident
  if (subscriber.state === 'stopped' || subscriber.state === 'pending')
    return refused(
      wording(
        'お便りが止まっているため、引っ越しの手続きはできません',
        'Messages are stopped, so there is nothing to move',
      ),
    )
  if (to.slug === subscriber.tenantSlug)
    return refused(wording('いまお住まいのまちと同じです', 'That is where you live now'))
  if (!canTransfer(to, resident))
    return refused(
      wording(
        '引っ越し先では、いまの受け取り方でお届けしていません。引っ越し先の登録ページから登録してください',
        'Your new town does not send this way; please register on its own page',
      ),
    )
  if (consent.consent !== 'yes')
    return refused(
      wording(
        '引っ越し先のプライバシーポリシーをお読みのうえ、同意にチェックしてください',
        'Please read the new town’s privacy notice and tick to agree',
      ),
    )
  if (consent.noticeVersion !== to.privacyNotice.version)
    return refused(
      wording(
        'プライバシーポリシーが更新されました。もう一度お読みのうえ、同意してください',
        'The privacy notice has changed: please read it again and agree',
      ),
    )
  return null
}
