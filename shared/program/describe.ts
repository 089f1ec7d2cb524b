import type { ChildPhase } from './phases'
import type { Program } from './program'
import { standardProgram } from './program'
import { parseSlot, type Slot } from './slot'
import { childDayLabel, type Lang, pregnancyWeekLabel } from './units'

/** A slot in words for editors: 妊娠28週0日, 生後30日, 1歳の誕生日から4週, 3歳の誕生日, ご報告から7日. */
export function describeSlot(slot: Slot, lang: Lang, program: Program = standardProgram): string {
  const parts = parseSlot(slot)
  if (!parts) return slot
  const { phase, n } = parts
  if (phase === program.pregnancy.name) return pregnancyWeekLabel(n, lang)
  if (phase === program.loss.name) {
    return lang === 'ja' ? `ご報告から${n}日` : `day ${n} after a loss was reported`
  }
  const child = program.child.find((p) => p.name === phase)
  if (!child) return slot
  const offset = child.numbering === 'day' ? n : child.startDay + n * child.every
  return afterBirthday(child, offset, lang)
}

function afterBirthday(phase: ChildPhase, offset: number, lang: Lang): string {
  const years = phase.anchorYears
  if (years === 0) return childDayLabel(offset, lang)
  const ja = lang === 'ja'
  const birthday = ja ? `${years}歳の誕生日` : `${ordinal(years)} birthday`
  if (offset === 0) return birthday
  const weeks = offset % 7 === 0
  const amount = weeks ? offset / 7 : offset
  if (ja) return `${birthday}から${amount}${weeks ? '週' : '日'}`
  return `${birthday} + ${amount} ${weeks ? 'week' : 'day'}${amount === 1 ? '' : 's'}`
}

function ordinal(n: number): string {
  const suffix =
    n % 10 === 1 && n % 100 !== 11
      ? 'st'
      : n % 10 === 2 && n % 100 !== 12
        ? 'nd'
        : n % 10 === 3 && n % 100 !== 13
          ? 'rd'
          : 'th'
  return `${n}${suffix}`
}
