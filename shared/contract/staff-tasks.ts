import { z } from 'zod'
import { bilingual } from './messages'
import { tenantSlug } from './primitives'
import { staffReadReason } from './staff'
import { taskDoneBy } from './task'

/**
 * Tasks in the staff workspace: one family's, per member (GET /staff/families/{household}/tasks),
 * marking one done for a member (POST …/tasks/done), and the town's counts per task
 * (GET /staff/tasks/counts) — counts only, no resident.
 */

export const familyTask = z.object({
  id: z.string(),
  version: z.number().int(),
  /** In Japanese: staff read the town's language. */
  title: z.string(),
  line: z.string(),
  url: z.string().nullable(),
  /** How it is known to be done: the resident's tap, a survey answer, or staff. */
  doneBy: z.enum(taskDoneBy),
  /** not-offered: its window is open, the next message offers it. */
  state: z.enum(['not-offered', 'offered', 'done']),
  firstOfferedOn: z.string().nullable(),
  reminders: z.number().int(),
  doneOn: z.string().nullable(),
  /** Who said it is done. */
  doneWho: z.enum(taskDoneBy).nullable(),
})
export type FamilyTask = z.infer<typeof familyTask>

export const familyTaskMember = z.object({
  /** The member's opaque id: what marking a task done names. */
  member: z.string(),
  nickname: z.string(),
  tasks: z.array(familyTask),
})

export const familyTasks = z.object({
  household: z.string(),
  members: z.array(familyTaskMember),
  /** The snapshot the tasks come from; null before the first publish. */
  manifestId: z.string().nullable(),
})
export type FamilyTasks = z.infer<typeof familyTasks>

export const familyTasksQuery = z.object({ tenant: tenantSlug, reason: staffReadReason.default('routine') })

export const taskDoneBody = z.object({
  member: z
    .string()
    .min(1, { message: bilingual('家族の方を選んでください', 'Choose a member') })
    .max(64),
  task: z
    .string()
    .min(1, { message: bilingual('やることを選んでください', 'Choose a task') })
    .max(64),
})
export type TaskDoneBody = z.infer<typeof taskDoneBody>

/** The member's task as it stands after the mark (an earlier mark is kept). */
export const taskDoneAnswer = z.object({ member: z.string(), task: familyTask })
export type TaskDoneAnswer = z.infer<typeof taskDoneAnswer>

export const taskCountsQuery = z.object({ tenant: tenantSlug })

/**
 * One task's figures for the town: residents a line reached, who did it, who had a reminder, and who
 * did it on or after their first reminder (the figure 日野市 reported).
 */
export const taskCount = z.object({
  id: z.string(),
  /** Null for a task the active snapshot no longer holds. */
  title: z.string().nullable(),
  offered: z.number().int(),
  done: z.number().int(),
  reminded: z.number().int(),
  doneAfterReminder: z.number().int(),
})
export type TaskCount = z.infer<typeof taskCount>

export const taskCounts = z.object({
  tenant: tenantSlug,
  tasks: z.array(taskCount),
  manifestId: z.string().nullable(),
})
export type TaskCounts = z.infer<typeof taskCounts>
