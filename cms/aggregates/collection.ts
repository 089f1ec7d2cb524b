import type { CollectionConfig } from 'payload'
import { label } from '../plugin/i18n'
import { countsCollectionBase } from './access'

/**
 * Anonymous survey answer counts per tenant, local date, survey, question and value, as the
 * edge reports them daily (the contract's surveyAnswerCount). Read-only in the admin: a list to
 * filter by tenant, survey and date.
 */
export const surveyAnswerCountsCollection = (slug: string, tenantsSlug: string): CollectionConfig => {
  const base = countsCollectionBase(tenantsSlug)
  return {
    slug,
    labels: {
      singular: label('アンケート集計', 'Survey answer count'),
      plural: label('アンケート集計', 'Survey answer counts'),
    },
    admin: {
      useAsTitle: 'questionId',
      defaultColumns: ['date', 'tenant', 'surveyId', 'questionId', 'value', 'count'],
      description: label(
        'エッジから毎日届く、回答の数だけの集計です（個人の回答は含みません）。',
        'Counts reported daily by the edge; no individual answers.',
      ),
    },
    ...base,
    fields: [
      ...base.fields,
      { name: 'surveyId', type: 'text', required: true, index: true, label: label('アンケート', 'Survey') },
      { name: 'surveyVersion', type: 'number', required: true, label: label('版', 'Version') },
      { name: 'questionId', type: 'text', required: true, label: label('設問', 'Question') },
      {
        name: 'value',
        type: 'text',
        label: label('回答（空欄: 自由記述などの回答数）', 'Answer (empty: answers of any value)'),
      },
      { name: 'count', type: 'number', required: true, min: 0, label: label('件数', 'Count') },
    ],
  }
}
