import type { CollectionConfig } from 'payload'
import { audiences } from '../../../shared/contract/primitives'
import { changeSurveys, createSurveys, readSurveys, updateSurveys } from '../access/surveys'
import { systemOwned } from '../access/systemOwned'
import { titleField } from '../fields/title'
import { requiredText } from '../fields/validators'
import { windowField } from '../fields/window'
import { keepSurveyOwner } from '../hooks/surveys/keepSurveyOwner'
import { reviewNationalSurvey } from '../hooks/surveys/reviewNationalSurvey'
import { bilingual, label } from '../i18n'
import { languageField } from '../languages'
import { tenantProgram } from '../tenantProgram'
import type { ResolvedOptions } from '../types'
import { reviewStateLabels, reviewStates } from '../workflow/reviewStates'
import { audienceLabels } from './messages'

export const questionKinds = ['single', 'multiple', 'scale', 'text', 'interview-request'] as const

const kindLabels: Record<(typeof questionKinds)[number], { ja: string; en: string }> = {
  single: label('ひとつ選ぶ', 'Single choice'),
  multiple: label('いくつでも選ぶ', 'Multiple choice'),
  scale: label('段階', 'Scale'),
  text: label('自由記述', 'Free text'),
  'interview-request': label('面談を希望する', 'I would like an interview'),
}

const hasChoices = (_: unknown, sibling: { kind?: string }) =>
  sibling?.kind === 'single' || sibling?.kind === 'multiple'

// Set by reviewNationalSurvey only (in beforeChange): nobody writes them through any API.
export const surveySystemFields = ['version', 'versionEditors', 'approved'] as const

/** A tenant's survey (tenant set) or a national one (no tenant), shown inside its trigger windows. */
export const surveysCollection = (options: ResolvedOptions): CollectionConfig =>
  systemOwned(surveyConfig(options), surveySystemFields)

const surveyConfig = (options: ResolvedOptions): CollectionConfig => ({
  slug: options.slugs.surveys,
  labels: { singular: label('アンケート', 'Survey'), plural: label('アンケート', 'Surveys') },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'tenant', 'language', 'updatedAt'] },
  access: { create: createSurveys, read: readSurveys, update: updateSurveys, delete: changeSurveys },
  hooks: options.enabled
    ? { beforeValidate: [keepSurveyOwner], beforeChange: [reviewNationalSurvey] }
    : { beforeChange: [reviewNationalSurvey] },
  fields: [
    titleField,
    {
      name: 'tenant',
      type: 'relationship',
      relationTo: options.slugs.tenants,
      index: true,
      label: label('自治体（空欄は全国共通）', 'Tenant (empty: national)'),
    },
    languageField(options.languages),
    {
      name: 'audiences',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['primary'],
      label: label('対象', 'Audience'),
      options: audiences.map((value) => ({ value, label: audienceLabels[value] })),
    },
    {
      name: 'questions',
      type: 'array',
      minRows: 1,
      required: true,
      label: label('設問', 'Questions'),
      fields: [
        {
          name: 'label',
          type: 'text',
          required: true,
          label: label('設問文', 'Question'),
          validate: requiredText,
        },
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'single',
          label: label('形式', 'Kind'),
          options: questionKinds.map((value) => ({ value, label: kindLabels[value] })),
        },
        {
          name: 'required',
          type: 'checkbox',
          defaultValue: false,
          label: label('回答必須', 'Answer required'),
        },
        {
          name: 'choices',
          type: 'array',
          label: label('選択肢', 'Choices'),
          admin: { condition: hasChoices },
          validate: (value: unknown, { siblingData }: { siblingData: { kind?: string } }) =>
            hasChoices(null, siblingData) && (!Array.isArray(value) || value.length < 2)
              ? bilingual('選択肢を2つ以上入力してください', 'Give at least two choices')
              : true,
          fields: [{ name: 'label', type: 'text', required: true, label: label('選択肢', 'Choice') }],
        },
        {
          type: 'row',
          admin: { condition: (_, sibling) => sibling?.kind === 'scale' },
          fields: [
            { name: 'scaleMin', type: 'number', defaultValue: 1, label: label('最小', 'Min') },
            { name: 'scaleMax', type: 'number', defaultValue: 5, label: label('最大', 'Max') },
          ],
        },
      ],
    },
    {
      name: 'triggers',
      type: 'array',
      minRows: 1,
      required: true,
      label: label('表示する時期（例: 妊娠6か月と8か月）', 'When to ask (e.g. pregnancy months 6 and 8)'),
      fields: [windowField('window', tenantProgram(options))],
    },
    {
      name: 'reminders',
      type: 'group',
      label: label('リマインド', 'Reminders'),
      fields: [
        { name: 'max', type: 'number', min: 0, max: 5, defaultValue: 1, label: label('最大回数', 'At most') },
        {
          name: 'afterDays',
          type: 'number',
          min: 1,
          max: 60,
          defaultValue: 7,
          label: label('未回答から何日後', 'Days without an answer'),
        },
      ],
    },
    {
      name: 'version',
      type: 'number',
      defaultValue: 1,
      label: label('版', 'Version'),
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'reviewState',
      type: 'select',
      enumName: 'enum_yorisoi_surveys_review_state',
      label: label('医療監修（全国のアンケート）', 'Medical review (national surveys)'),
      options: reviewStates.map((value) => ({ value, label: reviewStateLabels[value] })),
      admin: { position: 'sidebar', condition: (data) => !data?.tenant },
    },
    {
      name: 'reviewNote',
      type: 'textarea',
      label: label('監修コメント', 'Reviewer note'),
      admin: { position: 'sidebar', condition: (data) => !data?.tenant },
    },
    // Who edited the working version since it was last approved (they may not approve it).
    { name: 'versionEditors', type: 'json', admin: { hidden: true } },
    // The version a medical supervisor approved, as approved: what publishing sends.
    { name: 'approved', type: 'json', admin: { hidden: true } },
  ],
})
