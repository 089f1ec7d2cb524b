import { z } from 'zod'
import { bilingual } from './messages'
import { audience, httpsUrl, language, nonEmpty } from './primitives'
import { programWindow } from './window'

/**
 * How a task is known to be done: the resident taps "done" on the signed link in the line, or
 * answers the linked survey, or the town's staff mark it in the workspace (e.g. a birth report
 * received at the counter). Staff can always mark any task done.
 */
export const taskDoneBy = ['resident', 'survey', 'staff'] as const
export type TaskDoneBy = (typeof taskDoneBy)[number]

/** One language's wording of a task: its name, and the line the daily message carries. */
export const taskText = z.object({
  language,
  title: nonEmpty(60),
  /** One or two plain sentences, e.g. 「出生届と児童手当の申請はお済みですか。」 */
  line: nonEmpty(160),
})
export type TaskText = z.infer<typeof taskText>

/**
 * Something a family should do in a window of the program: offered in the first daily message on
 * or after the window's first day, then reminded on the days after that first offer listed in
 * `remindAfterDays` (on the first message on or after each), until it is done.
 */
export const task = z
  .object({
    id: nonEmpty(64),
    version: z.int().min(1),
    window: programWindow,
    audiences: z.array(audience).min(1),
    doneBy: z.enum(taskDoneBy),
    /** The survey whose answer marks it done (doneBy 'survey'). */
    surveyId: nonEmpty(64).optional(),
    /** Days after the first offer; at most five reminders, in rising order. */
    remindAfterDays: z.array(z.int().min(1).max(180)).max(5).default([7, 14]),
    /** Where to do it (the town's application page), if anywhere online. */
    url: httpsUrl.optional(),
    texts: z.array(taskText).min(1),
    /** National tasks: the supervisors who approved this version (like messages). */
    supervisors: z.array(nonEmpty(60)).default([]),
    sample: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    if ((value.doneBy === 'survey') !== (value.surveyId !== undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['surveyId'],
        message: bilingual(
          'アンケートで完了にするときだけ、アンケートを指定します',
          'A survey is named exactly when the survey marks it done',
        ),
      })
    if (value.remindAfterDays.some((day, i) => i > 0 && day <= (value.remindAfterDays[i - 1] ?? 0)))
      ctx.addIssue({
        code: 'custom',
        path: ['remindAfterDays'],
        message: bilingual('リマインドの日は少ない順に並べてください', 'Reminder days must rise'),
      })
    const languages = value.texts.map((t) => t.language)
    if (new Set(languages).size !== languages.length || !languages.includes('ja'))
      ctx.addIssue({
        code: 'custom',
        path: ['texts'],
        message: bilingual(
          '文面は日本語を含め、言語ごとに1つずつです',
          'One text per language, Japanese among them',
        ),
      })
  })
export type Task = z.infer<typeof task>
