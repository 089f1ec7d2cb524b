import { describeSlot } from '../../../shared/program/describe'
import type { Slot } from '../../../shared/program/slot'
import { audienceLabels } from '../audienceLabels'
import { languageLabels } from '../languages'

// A list cell in words, the code kept beside the day only: editors type slots as codes.

export const slotCellText = (slot: unknown): string => {
  if (typeof slot !== 'string' || !slot) return ''
  const words = describeSlot(slot as Slot, 'ja')
  return words === slot ? slot : `${words}（${slot}）`
}

export const audienceCellText = (audience: unknown): string =>
  audienceLabels[audience as keyof typeof audienceLabels]?.ja ?? String(audience ?? '')

export const languageCellText = (language: unknown): string =>
  languageLabels[String(language)]?.ja ?? String(language ?? '')
