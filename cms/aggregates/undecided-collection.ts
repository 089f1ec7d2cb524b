import type { CollectionConfig } from 'payload'
import { label } from '../plugin/i18n'
import { countsCollectionBase } from './access'

/**
 * How long the oldest of what waits for a person at the edge has waited, per tenant, as the edge's
 * latest daily report says (the contract's undecidedAge): a flagged daily message and a
 * consultation not at the desk are kept there until someone decides them, however old. One row
 * per tenant with something waiting, replaced by every report; `date` is the day of that report.
 * Numbers only; read-only like the other counts.
 */
export const undecidedAgesCollection = (slug: string, tenantsSlug: string): CollectionConfig => {
  const base = countsCollectionBase(tenantsSlug, label('集計日', 'As of'))
  return {
    slug,
    labels: {
      singular: label('対応待ちの日数', 'Days waiting'),
      plural: label('対応待ちの日数', 'Days waiting'),
    },
    admin: {
      useAsTitle: 'date',
      defaultColumns: ['date', 'tenant', 'flaggedDeliveryDays', 'deskForwardDays'],
      description: label(
        '確認待ちのお便りと窓口に届いていない相談のうち、最も古いものが何日待っているかです。決まるまでエッジに残ります。',
        'How many days the oldest message to check and the oldest consultation not at the desk have waited. They stay at the edge until decided.',
      ),
    },
    ...base,
    fields: [
      ...base.fields,
      {
        name: 'flaggedDeliveryDays',
        type: 'number',
        min: 0,
        label: label('確認待ちのお便り（日）', 'Message to check (days)'),
      },
      {
        name: 'deskForwardDays',
        type: 'number',
        min: 0,
        label: label('未転送の相談（日）', 'Consultation not at the desk (days)'),
      },
    ],
  }
}
