import type { AnnouncementText } from '../contract'
import { measureSms, smsCharacterCap } from '../sms'
import {
  type AnnouncementLinks,
  type AnnouncementSender,
  marking,
  titled,
  type Wording,
} from './announcement-words'

/**
 * One text: the marking and title, the short text when there is one, the page link. A short text
 * that would pass the 660 cap is cut with … (the page carries it whole); the rest always fits.
 */
export function announcementSms(
  tenant: AnnouncementSender,
  announcement: Wording,
  chosen: AnnouncementText,
  links: AnnouncementLinks,
): { text: string; segments: number; characters: number } {
  const head = titled(marking(tenant, announcement.urgent, chosen.language), chosen.title)
  const compose = (short: string) => [head, short, links.page].filter(Boolean).join('\n')
  let short = chosen.shortText?.trim() ?? ''
  let text = compose(short)
  while (short && measureSms(text).characters > smsCharacterCap) {
    const over = measureSms(text).characters - smsCharacterCap
    short = `${Array.from(short)
      .slice(0, -Math.max(2, over + 1))
      .join('')
      .trimEnd()}…`
    if (short === '…') short = ''
    text = compose(short)
  }
  const measure = measureSms(text)
  return { text, segments: measure.segments, characters: measure.characters }
}
