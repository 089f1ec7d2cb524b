import { bilingual, type Inline, type PortableBody } from '../../shared/contract'
import { measureSms, smsCharacterCap } from '../../shared/sms'

/** One reason a part cannot be published as it is; `where` names the message or entry. */
export interface PublishProblem {
  where: string
  message: string
}

// The longest a placeholder is expected to become when filled, so an SMS that fits here fits
// for every resident; signed links are the long ones.
const filledLength: Record<string, number> = {
  nickname: 20,
  tenantName: 20,
  deskName: 40,
  deskPhone: 13,
  deskHours: 40,
  consultUrl: 60,
  selfServiceUrl: 60,
  messageUrl: 60,
  pregnancyWeekLabel: 10,
  childAgeLabel: 10,
}

/** The short text with each placeholder replaced by its longest expected value. */
export function widestFilling(shortText: string): string {
  return shortText.replace(/\{\{([^{}]*)\}\}/g, (_, name: string) =>
    'あ'.repeat(filledLength[name.trim()] ?? 0),
  )
}

export function checkSmsForm(shortText: string): string[] {
  if (!shortText.trim())
    return [bilingual('短文（SMS・LINE用）がありません', 'The short text (for SMS and LINE) is missing')]
  const widest = widestFilling(shortText)
  // A character counts once, or twice (GSM-7's escaped ones): a text up to half the cap fits in any
  // encoding, without segmenting it grapheme by grapheme (seconds for thousands of messages).
  if (widest.length * 2 <= smsCharacterCap) return []
  const measure = measureSms(widest)
  if (measure.fits) return []
  return [
    bilingual(
      `短文が差し込み後に最大${measure.characters}文字になり、SMS の上限${smsCharacterCap}文字を超えます`,
      `Once filled, the short text can reach ${measure.characters} characters, over the SMS cap of ${smsCharacterCap}`,
    ),
  ]
}

/** Links must be whole URLs a phone can open: https with a host, tel with digits, mailto with an address. */
export function checkLinks(body: PortableBody): string[] {
  const problems: string[] = []
  const visit = (inlines: readonly Inline[]) => {
    for (const inline of inlines) {
      if (inline.t === 'link') {
        if (!wellFormed(inline.href)) {
          problems.push(
            bilingual(
              `リンク ${inline.href} の形が正しくありません`,
              `The link ${inline.href} is not well-formed`,
            ),
          )
        }
        visit(inline.c)
      } else if (inline.t === 'strong') visit(inline.c)
    }
  }
  for (const block of body.blocks) {
    if (block.t === 'ul') block.items.forEach(visit)
    else visit(block.c)
  }
  return problems
}

function wellFormed(href: string): boolean {
  if (/^\{\{[a-zA-Z]+\}\}$/.test(href)) return true
  if (href.startsWith('tel:')) return /^tel:\+?[0-9-]{5,20}$/.test(href)
  if (href.startsWith('mailto:')) return /^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$/.test(href)
  try {
    const url = new URL(href)
    return url.protocol === 'https:' && url.hostname.includes('.') && !/\s/.test(href)
  } catch {
    return false
  }
}
