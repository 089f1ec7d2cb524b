// STAND-IN (delete at merge): D-A defines these collections in cms/aggregates/ and the tenant
// fields in the tenants collection. Until then the dashboard and its tests need tables to read;
// each is added only when no collection of that slug (no tenant field of that name) exists, so
// this file does nothing once D-A's work is in. Remove it and its line in cms/config/build.ts.
import type { CollectionConfig, Config, Field, Plugin } from 'payload'
import { countsCollectionBase } from '../aggregates/access'
import { serverCode, systemOwned } from '../plugin/access/systemOwned'
import { label } from '../plugin/i18n'

const text = (name: string): Field => ({ name, type: 'text', label: label(name, name) })
const number = (name: string): Field => ({ name, type: 'number', min: 0, label: label(name, name) })

const standIns: Record<string, Field[]> = {
  'delivery-counts': [text('kind'), text('slot'), text('channel'), text('outcome'), number('count')],
  'resident-counts': [
    text('stage'),
    text('audience'),
    text('channel'),
    text('language'),
    text('state'),
    number('count'),
  ],
  'registration-counts': [
    text('channel'),
    text('language'),
    text('audience'),
    number('confirmed'),
    number('unconfirmed'),
  ],
  'stop-counts': [text('reason'), number('count')],
  'reading-counts': [text('channel'), text('stage'), number('sent'), number('opened'), number('clicked')],
  'cost-counts': [text('channel'), number('messages'), number('smsSegments')],
  'consultation-counts': [number('received'), number('urgent'), number('answeredWithinOneWorkingDay')],
}

const tenantFields: Field[] = [
  { name: 'smsUnitPriceYen', type: 'number', min: 0, label: label('SMS単価（円/通）', 'SMS price (yen)') },
  {
    name: 'lineFreeQuota',
    type: 'number',
    min: 0,
    defaultValue: 200,
    label: label('LINE無料通数', 'LINE free quota'),
  },
  {
    name: 'pregnancyNotificationsPerYear',
    type: 'number',
    min: 0,
    label: label('妊娠届出数（年）', 'Pregnancy notifications per year'),
  },
]

const fieldNames = (c: CollectionConfig) => c.fields.flatMap((f) => ('name' in f ? [f.name] : []))

export const standInCollections =
  (tenantsSlug = 'tenants'): Plugin =>
  (config: Config): Config => {
    const existing = config.collections ?? []
    const missing = Object.entries(standIns).filter(([slug]) => !existing.some((c) => c.slug === slug))
    const collections = existing.map((c) => {
      if (c.slug !== tenantsSlug) return c
      const have = fieldNames(c)
      return {
        ...c,
        fields: [...c.fields, ...tenantFields.filter((f) => 'name' in f && !have.includes(f.name))],
      }
    })
    return {
      ...config,
      collections: [
        ...collections,
        ...missing.map(([slug, fields]) => {
          const base = countsCollectionBase(tenantsSlug)
          return systemOwned(
            {
              slug,
              labels: { singular: label(slug, slug), plural: label(slug, slug) },
              ...base,
              fields: [...base.fields, ...fields],
            },
            'all',
            serverCode,
          )
        }),
      ],
    }
  }
