import { z } from 'zod'
import { type Bilingual, monthsBetweenDays } from '../calendar'
import type { DayContext } from './context'
import type { Program } from './program'
import { childRanges, sampleBirths } from './spans'
import {
  childDayLabel,
  childMonthsLabel,
  type Lang,
  pregnancyMonth,
  pregnancyMonthLabel,
  pregnancyWeek,
} from './units'

// Local-support windows and survey triggers, written in the units people use.

const bound = z.number().int().min(0).max(100_000)
const range = <U extends string>(unit: U) =>
  z.object({ unit: z.literal(unit), from: bound, to: bound }).strict()

export const programWindowSchema = z
  .discriminatedUnion('unit', [
    range('pregnancy-week'),
    range('pregnancy-month'),
    range('child-day'),
    range('child-month'),
    range('loss-day'),
    z.object({ unit: z.literal('every') }).strict(),
  ])
  .refine((w) => w.unit === 'every' || w.from <= w.to, {
    message: '開始は終了以前に / from must not be after to',
  })

export type ProgramWindow = z.infer<typeof programWindowSchema>
export type WindowUnit = ProgramWindow['unit']

/**
 * Whether a day falls in a window. 'every' covers every pregnancy and child day but never a
 * loss day: cheerful local items (gift applications, events) must not follow a loss; support
 * meant for bereaved families is targeted with 'loss-day'.
 */
export function windowContains(window: ProgramWindow, context: DayContext): boolean {
  if (window.unit === 'every') return context.track === 'pregnancy' || context.track === 'child'
  const value = valueIn(window.unit, context)
  return value !== null && window.from <= value && value <= window.to
}

function valueIn(unit: Exclude<WindowUnit, 'every'>, context: DayContext): number | null {
  switch (unit) {
    case 'pregnancy-week':
      return context.track === 'pregnancy' ? pregnancyWeek(context.gestationalDay).weeks : null
    case 'pregnancy-month':
      return context.track === 'pregnancy' ? pregnancyMonth(context.gestationalDay) : null
    case 'child-day':
      return context.track === 'child' ? context.childDay : null
    case 'child-month':
      return context.track === 'child' ? context.childMonths : null
    case 'loss-day':
      return context.track === 'loss' ? context.lossDay : null
  }
}

export type WindowCheck = { ok: true } | { ok: false; message: Bilingual }

/** Rejects a window reaching outside what the program sends (e.g. 妊娠12か月, 月齢40). */
export function validateWindow(program: Program, window: ProgramWindow): WindowCheck {
  const parsed = programWindowSchema.safeParse(window)
  if (!parsed.success) {
    return { ok: false, message: { ja: '期間の指定が正しくありません', en: 'the window is malformed' } }
  }
  if (window.unit === 'every') return { ok: true }
  const [min, max] = programBounds(program, window.unit)
  if (window.from >= min && window.to <= max) return { ok: true }
  const asked = describeWindow(window, 'ja')
  const allowed = { unit: window.unit, from: min, to: max } as ProgramWindow
  return {
    ok: false,
    message: {
      ja: `${asked}はプログラムの範囲（${describeWindow(allowed, 'ja')}）の外です`,
      en: `${describeWindow(window, 'en')} is outside the program (${describeWindow(allowed, 'en')})`,
    },
  }
}

const childBoundsCache = new WeakMap<Program, { days: number; months: number }>()

/** The smallest and largest value of a unit at which the program sends. */
export function programBounds(program: Program, unit: Exclude<WindowUnit, 'every'>): [number, number] {
  const { pregnancy, loss } = program
  switch (unit) {
    case 'pregnancy-week':
      return [pregnancyWeek(pregnancy.fromDay).weeks, pregnancyWeek(pregnancy.toDay).weeks]
    case 'pregnancy-month':
      return [pregnancyMonth(pregnancy.fromDay), pregnancyMonth(pregnancy.toDay)]
    case 'child-day':
      return [0, childBounds(program).days]
    case 'child-month':
      return [0, childBounds(program).months]
    case 'loss-day':
      return [0, loss.days[loss.days.length - 1]!]
  }
}

function childBounds(program: Program): { days: number; months: number } {
  let bounds = childBoundsCache.get(program)
  if (!bounds) {
    bounds = { days: 0, months: 0 }
    for (const birth of sampleBirths()) {
      const last = Math.max(...childRanges(program.child, birth).map((r) => r.last))
      bounds.days = Math.max(bounds.days, last - birth)
      bounds.months = Math.max(bounds.months, monthsBetweenDays(birth, last))
    }
    childBoundsCache.set(program, bounds)
  }
  return bounds
}

export function describeWindow(window: ProgramWindow, lang: Lang): string {
  const ja = lang === 'ja'
  if (window.unit === 'every') return ja ? '全期間' : 'the whole program'
  const { from, to } = window
  const one = from === to
  switch (window.unit) {
    case 'pregnancy-week':
      if (ja) return one ? `妊娠${from}週` : `妊娠${from}〜${to}週`
      return one ? `pregnancy week ${from}` : `pregnancy weeks ${from}–${to}`
    case 'pregnancy-month':
      if (ja) return one ? pregnancyMonthLabel(from, 'ja') : `妊娠${from}〜${to}か月`
      return one ? pregnancyMonthLabel(from, 'en') : `months ${from}–${to} of pregnancy`
    case 'child-day':
      if (ja) return one ? childDayLabel(from, 'ja') : `生後${from}〜${to}日`
      return one ? childDayLabel(from, 'en') : `days ${from}–${to} after birth`
    case 'child-month': {
      const a = childMonthsLabel(from, lang)
      if (ja) return one ? `月齢${a}` : `月齢${a}〜${childMonthsLabel(to, lang)}`
      return one ? `aged ${a}` : `aged ${a} to ${childMonthsLabel(to, lang)}`
    }
    case 'loss-day':
      if (ja) return one ? `ご報告から${from}日` : `ご報告から${from}〜${to}日`
      return one ? `day ${from} after a loss was reported` : `days ${from}–${to} after a loss was reported`
  }
}
