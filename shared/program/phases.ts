import { z } from 'zod'

// The shapes of a program's phases; the program itself (program.ts) puts them in order.

export const phaseName = z.string().regex(/^[a-z][a-z0-9-]*$/, {
  message: 'フェーズ名は英小文字・数字・ハイフンで / a phase name is lowercase letters, digits and hyphens',
})
export const count = z.number().int().min(0).max(100_000)
export const step = z.number().int().min(1).max(366)

/** Sends on gestational days fromDay, fromDay + every, … up to toDay (280 = the due date). */
export const pregnancyPhaseSchema = z
  .object({ name: phaseName, fromDay: count.max(320), toDay: count.max(320), every: step })
  .refine((p) => p.fromDay <= p.toDay, { message: 'fromDay ≤ toDay' })

/**
 * A child phase counts from a birthday (anchorYears 0 = the birth date itself). It sends on
 * anchor + startDay, then every `every` days, up to `until`: a day after the anchor, or the day
 * before a later birthday. The slot number is the day after the anchor ('day') or how many sends
 * came before it in this phase ('count').
 */
export const childPhaseSchema = z
  .object({
    name: phaseName,
    anchorYears: z.number().int().min(0).max(10),
    startDay: count,
    every: step,
    until: z.union([
      z.object({ day: count }).strict(),
      z.object({ beforeBirthday: z.number().int().min(1).max(10) }).strict(),
    ]),
    numbering: z.enum(['day', 'count']),
  })
  .refine((p) => ('day' in p.until ? p.until.day >= p.startDay : p.until.beforeBirthday > p.anchorYears), {
    message: 'until は開始より後に / until must come after the start',
  })

export type PregnancyPhase = z.infer<typeof pregnancyPhaseSchema>
export type ChildPhase = z.infer<typeof childPhaseSchema>
