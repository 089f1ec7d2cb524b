import { z } from 'zod'
import { bilingual } from './messages'

// The span of the program a local support entry or a survey is attached to, in the units people
// use (妊娠n週, 妊娠nか月, 生後n日, 月齢). Stand-in until shared/program exports its own window
// schema; the shape is meant to be replaced by it, not to grow here.

const whole = (min: number, max: number) =>
  z
    .int()
    .min(min, bilingual(`${min}以上にしてください`, `Must be at least ${min}`))
    .max(max, bilingual(`${max}以下にしてください`, `Must be at most ${max}`))

export const programPoint = z.discriminatedUnion(
  'unit',
  [
    z.object({ unit: z.literal('pregnancyWeek'), n: whole(0, 41) }),
    z.object({ unit: z.literal('pregnancyMonth'), n: whole(1, 11) }),
    z.object({ unit: z.literal('childDay'), n: whole(0, 1100) }),
    z.object({ unit: z.literal('childMonth'), n: whole(0, 36) }),
  ],
  {
    error: bilingual(
      '単位は pregnancyWeek, pregnancyMonth, childDay, childMonth のいずれかです',
      'Unit must be pregnancyWeek, pregnancyMonth, childDay or childMonth',
    ),
  },
)
export type ProgramPoint = z.infer<typeof programPoint>

/** Inclusive at both ends. */
export const programWindow = z.object({ from: programPoint, to: programPoint })
export type ContractProgramWindow = z.infer<typeof programWindow>
