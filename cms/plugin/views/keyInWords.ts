import { describeSlot, type Program } from '../../../shared/program'
import type { Slot } from '../../../shared/program/slot'
import { audienceLabels } from '../audienceLabels'
import { languageLabels } from '../languages'

/** A send day as a supervisor reads it: pregnancy/28 → 妊娠4週0日. */
export const slotInWords = (slot: string, program?: Program): string =>
  describeSlot(slot as Slot, 'ja', program)

/** primary → 本人（妊娠中の方・主な養育者）; an unknown code stays as it is. */
export const audienceInWords = (audience: string): string =>
  audienceLabels[audience as keyof typeof audienceLabels]?.ja ?? audience

/** ja → 日本語; an unknown code stays as it is. */
export const languageInWords = (language: string): string => languageLabels[language]?.ja ?? language

/** A message key ("pregnancy/28 primary ja") as a supervisor reads it: 妊娠4週0日・本人（…）・日本語. */
export function keyInWords(key: string): string {
  const [slot = '', audience = '', language = ''] = key.split(' ')
  return [slotInWords(slot), audienceInWords(audience), languageInWords(language)].join('・')
}
