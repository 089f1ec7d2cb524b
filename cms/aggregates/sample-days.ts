import type { CollectionConfig } from 'payload'
import { label } from '../plugin/i18n'
import { countsCollectionBase } from './access'

/** The collection naming each (tenant, day) whose counts are the local seed's sample history. */
export const sampleDaysSlug = 'sample-count-days'

/**
 * One row per tenant and day whose counts were written by the local seed (`npm start`'s sample
 * history, seed/history), not reported by an edge: the dashboard says so on every view that
 * includes one. The edge's report for a day replaces that day's counts and removes its row here
 * (receive.ts), so a real day is never marked. Empty in production: nothing else writes it.
 */
export const sampleDaysCollection = (tenantsSlug: string): CollectionConfig => {
  const base = countsCollectionBase(tenantsSlug)
  return {
    slug: sampleDaysSlug,
    labels: {
      singular: label('サンプルの日', 'Sample day'),
      plural: label('サンプルの日', 'Sample days'),
    },
    admin: {
      useAsTitle: 'date',
      defaultColumns: ['date', 'tenant'],
      description: label(
        'ローカルのシードが作ったサンプルの集計がある日です。実在の自治体の数ではありません。',
        'Days whose counts are the local seed’s sample data, not a real town’s numbers.',
      ),
    },
    ...base,
  }
}
