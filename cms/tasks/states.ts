import { label } from '../plugin/i18n'

/** 下書き → 承認待ち → 承認済み, or 修正依頼 back to the writers: the CMS's side of a task. */
export const taskStates = ['draft', 'in-review', 'changes-requested', 'approved'] as const
export type TaskState = (typeof taskStates)[number]

export const taskStateLabels: Record<TaskState, { ja: string; en: string }> = {
  draft: label('下書き', 'Draft'),
  'in-review': label('承認待ち', 'Waiting for approval'),
  'changes-requested': label('修正依頼', 'Changes requested'),
  approved: label('承認済み', 'Approved'),
}

/** The slug of the collection; the contract id of a document is `task-<id>`. */
export const tasksSlug = 'tasks'

export const contractIdOf = (id: number | string) => `task-${id}`
