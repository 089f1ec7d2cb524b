import { z } from 'zod'
import { childPhasesOverlap } from './spans'

// The program is data: a tenant may replace it whole or override parts of it (withOverrides).

const phaseName = z.string().regex(/^[a-z][a-z0-9-]*$/, {
  message: 'フェーズ名は英小文字・数字・ハイフンで / a phase name is lowercase letters, digits and hyphens',
})
const count = z.number().int().min(0).max(100_000)
const step = z.number().int().min(1).max(366)

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

/** loss/{k} on report date + k for each k in days; quietDays: other timelines' cheerful slots pause. */
export const lossRulesSchema = z.object({
  name: phaseName,
  days: z
    .array(z.number().int().min(1).max(3650))
    .min(1)
    .refine((days) => days.every((d, i) => i === 0 || d > days[i - 1]!), { message: 'days ascending' }),
  quietDays: z.number().int().min(0).max(3650),
})

export const programSchema = z
  .object({
    pregnancy: pregnancyPhaseSchema,
    child: z.array(childPhaseSchema).min(1),
    loss: lossRulesSchema,
  })
  .superRefine((program, ctx) => {
    const names = [program.pregnancy.name, ...program.child.map((p) => p.name), program.loss.name]
    if (new Set(names).size !== names.length) {
      ctx.addIssue({ code: 'custom', message: 'フェーズ名が重複しています / phase names must be unique' })
    }
    if (childPhasesOverlap(program.child)) {
      ctx.addIssue({
        code: 'custom',
        path: ['child'],
        message:
          '子どものフェーズは順に重ならないように / child phases must follow one another without overlapping',
      })
    }
  })

export type PregnancyPhase = z.infer<typeof pregnancyPhaseSchema>
export type ChildPhase = z.infer<typeof childPhaseSchema>
export type LossRules = z.infer<typeof lossRulesSchema>
export type Program = z.infer<typeof programSchema>

/** The default, from the service this replaces. */
export const standardProgram: Program = {
  pregnancy: { name: 'pregnancy', fromDay: 28, toDay: 293, every: 1 },
  child: [
    { name: 'newborn', anchorYears: 0, startDay: 0, every: 1, until: { day: 100 }, numbering: 'day' },
    {
      name: 'infant',
      anchorYears: 0,
      startDay: 103,
      every: 3,
      until: { beforeBirthday: 1 },
      numbering: 'day',
    },
    { name: 'age1', anchorYears: 1, startDay: 0, every: 7, until: { beforeBirthday: 2 }, numbering: 'count' },
    {
      name: 'age2',
      anchorYears: 2,
      startDay: 0,
      every: 14,
      until: { beforeBirthday: 3 },
      numbering: 'count',
    },
    { name: 'age3', anchorYears: 3, startDay: 0, every: 1, until: { day: 0 }, numbering: 'count' },
  ],
  loss: { name: 'loss', days: [1, 3, 7, 14, 30, 60], quietDays: 14 },
}

export const programOverrideSchema = z.object({
  pregnancy: z.object({ fromDay: count, toDay: count, every: step }).partial().optional(),
  child: z.array(childPhaseSchema).min(1).optional(),
  loss: z
    .object({ days: lossRulesSchema.shape.days, quietDays: lossRulesSchema.shape.quietDays })
    .partial()
    .optional(),
})
export type ProgramOverride = z.infer<typeof programOverrideSchema>

/** A tenant's program: the base with the override's parts replaced, validated as a whole (throws ZodError). */
export function withOverrides(base: Program, override: ProgramOverride): Program {
  return programSchema.parse({
    pregnancy: { ...base.pregnancy, ...override.pregnancy },
    child: override.child ?? base.child,
    loss: { ...base.loss, ...override.loss },
  })
}
