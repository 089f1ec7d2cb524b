import type { Field } from 'payload'
import { label } from '../plugin/i18n'
import { announcementStateLabels, announcementStates } from './states'

const sidebar = { position: 'sidebar' as const, readOnly: true }
const person = (name: string, ja: string, en: string): Field => ({
  name,
  type: 'relationship',
  relationTo: 'users',
  label: label(ja, en),
  admin: sidebar,
})

/** What only the workflow writes: the state, who did what, and whether publishing worked. */
export const workflowFieldNames = [
  'state',
  'version',
  'author',
  'lastEditor',
  'submittedBy',
  'approvedBy',
  'approverName',
  'approvedAt',
  'reviewNote',
  'publishOutcome',
  'cancelledBy',
  'cancelledAt',
] as const

export const workflowFields: Field[] = [
  {
    name: 'state',
    type: 'select',
    required: true,
    defaultValue: 'draft',
    label: label('状態', 'State'),
    options: announcementStates.map((value) => ({ value, label: announcementStateLabels[value] })),
    admin: sidebar,
  },
  { name: 'version', type: 'number', defaultValue: 1, label: label('版', 'Version'), admin: sidebar },
  person('author', '作成者', 'Written by'),
  person('lastEditor', '最後に変更した人', 'Last changed by'),
  person('submittedBy', '承認を依頼した人', 'Submitted by'),
  person('approvedBy', '承認者', 'Approved by'),
  { name: 'approverName', type: 'text', label: label('承認者の名前', "Approver's name"), admin: sidebar },
  {
    name: 'approvedAt',
    type: 'date',
    label: label('承認日時', 'Approved at'),
    admin: { ...sidebar, date: { pickerAppearance: 'dayAndTime' } },
  },
  {
    name: 'reviewNote',
    type: 'textarea',
    label: label('差し戻しの理由', 'Why it was sent back'),
    admin: sidebar,
  },
  {
    name: 'publishOutcome',
    type: 'textarea',
    label: label('公開の結果', 'Publishing outcome'),
    admin: { ...sidebar, hidden: true },
  },
  person('cancelledBy', '取り消した人', 'Cancelled by'),
  {
    name: 'cancelledAt',
    type: 'date',
    label: label('取り消し日時', 'Cancelled at'),
    admin: { ...sidebar, date: { pickerAppearance: 'dayAndTime' } },
  },
]
