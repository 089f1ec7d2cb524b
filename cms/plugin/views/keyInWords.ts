import { describeSlot } from '../../../shared/program'
import type { Slot } from '../../../shared/program/slot'
import { audienceLabels } from '../collections/messages'
import { languageLabels } from '../languages'

/** A message key ("pregnancy/28 primary ja") as a supervisor reads it: 妊娠4週0日・本人（…）・日本語. */
export function keyInWords(key: string): string {
  const [slot = '', audience = '', language = ''] = key.split(' ')
  const who = audienceLabels[audience as keyof typeof audienceLabels]?.ja ?? audience
  return [describeSlot(slot as Slot, 'ja'), who, languageLabels[language]?.ja ?? language].join('・')
}
