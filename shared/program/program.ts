import { z } from 'zod'
import { childPhaseSchema, count, phaseName, pregnancyPhaseSchema, step } from './phases'
import { childPhasesOverlap } from './spans'

// The program is data: a tenant may replace it whole or override parts of it (withOverrides).

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
