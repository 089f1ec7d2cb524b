import type { CollectionConfig, Where } from 'payload'
import type { Program } from '../../shared/program'
import { systemOwned } from '../plugin/access/systemOwned'
import { bumpVersion } from '../plugin/hooks/versions/bumpVersion'
import { label } from '../plugin/i18n'
import { seesEveryTenant, tenantIdsOf } from '../plugin/roles'
import { tenantProgram } from '../plugin/tenantProgram'
import type { ResolvedOptions } from '../plugin/types'
import { createTasks, deleteTasks, readTasks, updateTasks } from './access'
import { taskContentFields, taskContentFieldsOf } from './fields'
import { keepTaskTenant, reviewTask, titleFromTexts } from './hooks'
import { tasksSlug } from './states'
import { taskSystemFields, taskWorkflowFields } from './workflowFields'

export interface TasksOptions {
  programs: Record<string, Program>
  languages: readonly string[]
}

/**
 * Tasks (タスク): something a family should do in a window of the program. National ones (no
 * municipality) are written by editors and approved by a medical supervisor; a town's by its staff
 * and approved by a second person of that town. Only the approved copy is published.
 */
export const tasksCollection = (options: TasksOptions): CollectionConfig => {
  const programOf = tenantProgram({
    programs: options.programs,
    slugs: { tenants: 'tenants' },
  } as ResolvedOptions)
  const config: CollectionConfig = {
    slug: tasksSlug,
    labels: { singular: label('タスク', 'Task'), plural: label('タスク', 'Tasks') },
    admin: {
      useAsTitle: 'title',
      defaultColumns: ['title', 'tenant', 'state', 'doneBy', 'version', 'updatedAt'],
      description: label(
        'ご家族が期間内にすること（出生届、健診の予約など）。毎日のメッセージで案内し、済むまでリマインドします',
        'What a family should do in a window (report the birth, book a checkup…): the daily message offers it and reminds until done',
      ),
    },
    access: { read: readTasks, create: createTasks, update: updateTasks, delete: deleteTasks },
    hooks: {
      beforeValidate: [keepTaskTenant],
      beforeChange: [titleFromTexts, bumpVersion(taskContentFields, ['tenant', 'survey']), reviewTask],
    },
    fields: [
      {
        name: 'title',
        type: 'text',
        label: label('名前（日本語）', 'Name (Japanese)'),
        admin: {
          readOnly: true,
          position: 'sidebar',
          description: label('日本語の文面から', 'From the Japanese text'),
        },
      },
      {
        name: 'tenant',
        type: 'relationship',
        relationTo: 'tenants',
        index: true,
        label: label('自治体（空欄は全国共通）', 'Municipality (empty: national)'),
        defaultValue: ({ user }: { user?: unknown }) =>
          seesEveryTenant(user) ? undefined : tenantIdsOf(user)[0],
        filterOptions: ({ user }): Where | boolean =>
          !user || seesEveryTenant(user) ? true : { id: { in: tenantIdsOf(user) } },
      },
      ...taskContentFieldsOf(options.languages, programOf),
      ...taskWorkflowFields,
    ],
  }
  return systemOwned(config, taskSystemFields)
}
