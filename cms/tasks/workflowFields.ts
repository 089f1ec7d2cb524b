import type { Field } from 'payload'
import { label } from '../plugin/i18n'
import { taskStateLabels, taskStates } from './states'

const sidebar = { position: 'sidebar' as const, readOnly: true }

/** Set by the hooks only (bumpVersion, reviewTask): nobody writes them through any API. */
export const taskSystemFields = [
  'title',
  'version',
  'versionEditors',
  'approvedBy',
  'approverName',
  'approvedAt',
  'approved',
] as const

export const taskWorkflowFields: Field[] = [
  {
    name: 'state',
    type: 'select',
    required: true,
    defaultValue: 'draft',
    enumName: 'enum_yorisoi_task_state',
    label: label('状態', 'State'),
    options: taskStates.map((value) => ({ value, label: taskStateLabels[value] })),
    admin: {
      position: 'sidebar',
      description: label(
        '書いた人が「承認待ち」にし、別の人（全国のタスクは医療監修者、自治体のタスクは同じ自治体の職員）が「承認済み」か「修正依頼」にして保存します',
        'The writer sets 承認待ち; someone else (a medical supervisor for national tasks, a colleague of the town for its own) sets Approved or Changes requested and saves',
      ),
    },
  },
  {
    name: 'reviewNote',
    type: 'textarea',
    label: label('修正依頼の理由', 'Why changes are requested'),
    admin: { position: 'sidebar' },
  },
  { name: 'version', type: 'number', defaultValue: 1, label: label('版', 'Version'), admin: sidebar },
  {
    name: 'versionEditors',
    type: 'relationship',
    relationTo: 'users',
    hasMany: true,
    label: label('この版を書いた人', 'Who wrote this version'),
    admin: sidebar,
  },
  {
    name: 'approvedBy',
    type: 'relationship',
    relationTo: 'users',
    label: label('承認者', 'Approved by'),
    admin: sidebar,
  },
  { name: 'approverName', type: 'text', label: label('承認者の名前', "Approver's name"), admin: sidebar },
  {
    name: 'approvedAt',
    type: 'date',
    label: label('承認日時', 'Approved at'),
    admin: { ...sidebar, date: { pickerAppearance: 'dayAndTime' } },
  },
  // The version as approved: what publishing sends (the working one may be under edit).
  { name: 'approved', type: 'json', admin: { hidden: true } },
]
