import type { CollectionConfig } from 'payload'
import { localEntryKinds, localEntryPriorities } from '../../../shared/contract'
import { audiences } from '../../../shared/contract/primitives'
import { tenantScoped } from '../access/index'
import { systemOwned } from '../access/systemOwned'
import { titleField } from '../fields/title'
import { optionalPhone, optionalUrl, requiredText, untilAfterFrom } from '../fields/validators'
import { windowField } from '../fields/window'
import { bumpVersion } from '../hooks/versions/bumpVersion'
import { label } from '../i18n'
import { languageField, languageTextField } from '../languages'
import { tenantProgram } from '../tenantProgram'
import type { ResolvedOptions } from '../types'
import { audienceLabels } from './messages'

// The kinds the snapshot contract carries to the edge: one list, so a kind can never be refused at publish.
export const localSupportKinds = localEntryKinds

const kindLabels: Record<(typeof localSupportKinds)[number], { ja: string; en: string }> = {
  service: label('サービス', 'Service'),
  checkup: label('健診', 'Checkup'),
  interview: label('面談', 'Interview'),
  'benefit-application': label('給付の申請', 'Benefit application'),
  hotline: label('相談ダイヤル', 'Hotline'),
  event: label('イベント', 'Event'),
  'assigned-nurse': label('担当保健師', 'Assigned nurse'),
}

/** The fields whose change is a new version of an entry; publishing it (state) is not. */
export const entryContentFields = [
  'title',
  'body',
  'url',
  'phone',
  'kind',
  'window',
  'audiences',
  'language',
  'validFrom',
  'validUntil',
  'priority',
  'translations',
  'tenant',
]

const priorityLabels: Record<(typeof localEntryPriorities)[number], { ja: string; en: string }> = {
  high: label('高（ほかより先に載せる）', 'High (shown before the others)'),
  normal: label('通常', 'Normal'),
  low: label('低（枠に余裕がある日に載せる）', 'Low (shown on days with room)'),
}

/**
 * A tenant's own item joined to the messages of a program window. Tenant-scoped by
 * @payloadcms/plugin-multi-tenant: staff see and change only their own tenants' entries.
 */
export const localSupportCollection = (options: ResolvedOptions): CollectionConfig =>
  // The version is bumpVersion's (in beforeChange), never the request's.
  systemOwned(localSupportConfig(options), ['version'])

const localSupportConfig = (options: ResolvedOptions): CollectionConfig => ({
  slug: options.slugs.localSupport,
  labels: {
    singular: label('地域の支援', 'Local support entry'),
    plural: label('地域の支援', 'Local support'),
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'state', 'version', 'validFrom', 'validUntil'],
  },
  hooks: { beforeChange: [bumpVersion(entryContentFields, ['tenant'])] },
  access: {
    create: tenantScoped(['admin'], true),
    read: tenantScoped(['admin', 'editor', 'medical-supervisor', 'viewer'], true),
    update: tenantScoped(['admin'], true),
    delete: tenantScoped(['admin'], true),
  },
  fields: [
    titleField,
    { name: 'body', type: 'textarea', required: true, label: label('本文', 'Body'), validate: requiredText },
    {
      type: 'row',
      fields: [
        { name: 'url', type: 'text', label: label('URL', 'URL'), validate: optionalUrl },
        { name: 'phone', type: 'text', label: label('電話', 'Phone'), validate: optionalPhone },
      ],
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      label: label('種類', 'Kind'),
      options: localSupportKinds.map((value) => ({ value, label: kindLabels[value] })),
    },
    windowField('window', tenantProgram(options)),
    {
      name: 'audiences',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: [...audiences],
      label: label('対象', 'Audience'),
      options: audiences.map((value) => ({ value, label: audienceLabels[value] })),
    },
    languageField(options.languages),
    {
      name: 'translations',
      type: 'array',
      label: label('翻訳', 'Translations'),
      labels: { singular: label('翻訳', 'Translation'), plural: label('翻訳', 'Translations') },
      admin: {
        description: label(
          '翻訳のない言語の住民には、元の言語のまま「日本語のみ」の一言を添えて届きます',
          'Residents of a language without a translation get the original with a short “Japanese only” note',
        ),
      },
      fields: [
        languageTextField(options.languages),
        titleField,
        {
          name: 'body',
          type: 'textarea',
          required: true,
          label: label('本文', 'Body'),
          validate: requiredText,
        },
      ],
    },
    {
      name: 'priority',
      type: 'select',
      required: true,
      defaultValue: 'normal',
      enumName: 'enum_yorisoi_local_support_priority',
      label: label('載せる優先度', 'Priority'),
      options: localEntryPriorities.map((value) => ({ value, label: priorityLabels[value] })),
      admin: {
        position: 'sidebar',
        description: label(
          '1通に載るお知らせは自治体の設定の件数までです。入りきらない日は、同じ優先度のものが日ごとに順番に載ります',
          'A message carries at most the town’s number of entries; on days with more, entries of the same priority take turns',
        ),
      },
    },
    {
      type: 'row',
      fields: [
        { name: 'validFrom', type: 'date', label: label('掲載開始日', 'Valid from') },
        {
          name: 'validUntil',
          type: 'date',
          label: label('掲載終了日', 'Valid until'),
          validate: untilAfterFrom,
        },
      ],
    },
    {
      name: 'state',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      enumName: 'enum_yorisoi_local_support_state',
      label: label('状態', 'State'),
      options: [
        { value: 'draft', label: label('下書き', 'Draft') },
        { value: 'published', label: label('公開', 'Published') },
      ],
      admin: { position: 'sidebar' },
    },
    {
      name: 'version',
      type: 'number',
      defaultValue: 1,
      label: label('版', 'Version'),
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
})
