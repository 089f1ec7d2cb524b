import type { CollectionConfig } from 'payload'
import { label } from '../plugin/i18n'
import { countsCollectionBase } from './access'

/**
 * Daily messages that may not have reached residents, counted per tenant and delivery date as the
 * edge reports them daily (the contract's flaggedDeliveryCount): `open` waits for a person's
 * decision at the edge (`yorisoi flagged`), `resolved` was decided, `deadLetters` counts batches
 * that ran out of retries. Numbers only; read-only like the other counts.
 */
export const flaggedDeliveryCountsCollection = (slug: string, tenantsSlug: string): CollectionConfig => {
  const base = countsCollectionBase(tenantsSlug, label('配信日', 'Date'))
  return {
    slug,
    labels: {
      singular: label('確認待ちのお便り', 'Message to check'),
      plural: label('確認待ちのお便り', 'Messages to check'),
    },
    admin: {
      useAsTitle: 'date',
      defaultColumns: ['date', 'tenant', 'open', 'resolved', 'deadLetters'],
      description: label(
        '届いたかどうか分からない、または送れなかったお便りの件数です（宛先や内容は含みません）。「未対応」があれば、システム担当に確認を依頼してください。',
        'Daily messages that may not have arrived or could not be sent (no addresses or content). If any are open, ask the system operator to check them.',
      ),
    },
    ...base,
    fields: [
      ...base.fields,
      { name: 'open', type: 'number', required: true, min: 0, label: label('未対応', 'Open') },
      { name: 'resolved', type: 'number', required: true, min: 0, label: label('対応済み', 'Resolved') },
      {
        name: 'deadLetters',
        type: 'number',
        required: true,
        min: 0,
        label: label('再試行切れのバッチ', 'Dead-lettered batches'),
      },
    ],
  }
}
