import type { CollectionConfig } from 'payload'
import { label } from '../plugin/i18n'
import { countsCollectionBase } from './access'

/**
 * Consultations that have not reached a tenant's desk, counted per local date as the edge reports
 * them daily (the contract's deskForwardCount): `failed` needs a person to look at the edge;
 * `pending` is still being retried. Numbers only; read-only like the survey counts.
 */
export const deskForwardCountsCollection = (slug: string, tenantsSlug: string): CollectionConfig => {
  const base = countsCollectionBase(tenantsSlug, label('相談の日', 'Date'))
  return {
    slug,
    labels: {
      singular: label('相談の未転送', 'Undelivered consultation'),
      plural: label('相談の未転送', 'Undelivered consultations'),
    },
    admin: {
      useAsTitle: 'date',
      defaultColumns: ['date', 'tenant', 'failed', 'pending'],
      description: label(
        '住民からの相談のうち、窓口のメールに届かなかった件数です（内容は含みません）。「失敗」があれば、システム担当に確認を依頼してください。',
        'Consultations that did not reach the desk’s email (no content). If any failed, ask the system operator to check.',
      ),
    },
    ...base,
    fields: [
      ...base.fields,
      { name: 'failed', type: 'number', required: true, min: 0, label: label('失敗', 'Failed') },
      { name: 'pending', type: 'number', required: true, min: 0, label: label('再送中', 'Retrying') },
    ],
  }
}
