import type { CollectionConfig, FieldAccess } from 'payload'
import { seesEveryTenant, tenantIdsOf } from '../plugin/roles'

export const publicationStates = ['building', 'uploading', 'active', 'failed', 'rolled-back'] as const
export type PublicationState = (typeof publicationStates)[number]

const label = (ja: string, en: string) => ({ ja, en })
const nobody = () => false
// What a manifest held names every town's parts and entries: not for staff, who see only their own.
const everyTenant: { read: FieldAccess } = { read: ({ req }) => seesEveryTenant(req.user) }

/**
 * Every publish and rollback: who, when, which parts, counts, the diff against what was live and
 * how it ended. Written only by the publish and rollback actions, never edited by hand.
 */
export const publicationsCollection = (
  slug: string,
  slugs: { users: string; tenants: string },
): CollectionConfig => ({
  slug,
  labels: { singular: label('公開', 'Publication'), plural: label('公開履歴', 'Publications') },
  admin: {
    useAsTitle: 'manifestId',
    defaultColumns: ['createdAt', 'scope', 'tenant', 'state', 'publishedBy', 'manifestId'],
  },
  access: {
    create: nobody,
    update: nobody,
    delete: nobody,
    // Staff see their own tenants' publications; everyone else who signs in sees all.
    read: ({ req }) => {
      if (!req.user) return false
      return seesEveryTenant(req.user) || { tenant: { in: tenantIdsOf(req.user) } }
    },
  },
  fields: [
    {
      name: 'scope',
      type: 'select',
      required: true,
      label: label('範囲', 'Scope'),
      options: [
        { value: 'national', label: label('全国コンテンツ', 'National content') },
        { value: 'tenant', label: label('自治体', 'Tenant') },
        { value: 'rollback', label: label('ロールバック', 'Rollback') },
      ],
    },
    { name: 'tenant', type: 'relationship', relationTo: slugs.tenants, label: label('自治体', 'Tenant') },
    {
      name: 'state',
      type: 'select',
      required: true,
      enumName: 'enum_publications_state',
      label: label('状態', 'Status'),
      options: [
        { value: 'building', label: label('作成中', 'Building') },
        { value: 'uploading', label: label('送信中', 'Uploading') },
        { value: 'active', label: label('公開中になった', 'Became active') },
        { value: 'failed', label: label('失敗', 'Failed') },
        { value: 'rolled-back', label: label('ロールバック済み', 'Rolled back') },
      ],
    },
    { name: 'failureReason', type: 'textarea', label: label('失敗の理由', 'Why it failed') },
    {
      name: 'publishedBy',
      type: 'relationship',
      relationTo: slugs.users,
      label: label('公開した人', 'Published by'),
    },
    { name: 'manifestId', type: 'text', index: true, label: label('マニフェスト', 'Manifest') },
    { name: 'previousManifestId', type: 'text', label: label('直前のマニフェスト', 'Previous manifest') },
    { name: 'parts', type: 'json', label: label('パート', 'Parts'), access: everyTenant },
    {
      name: 'uploadedParts',
      type: 'json',
      label: label('送信したパート', 'Parts uploaded'),
      access: everyTenant,
    },
    {
      name: 'skippedParts',
      type: 'json',
      label: label('送信不要だったパート', 'Parts already at the edge'),
      access: everyTenant,
    },
    {
      name: 'counts',
      type: 'group',
      label: label('件数', 'Counts'),
      fields: [
        { name: 'messages', type: 'number', label: label('メッセージ', 'Messages') },
        { name: 'tenants', type: 'number', label: label('自治体', 'Tenants') },
        { name: 'localEntries', type: 'number', label: label('地域の支援', 'Local entries') },
      ],
    },
    {
      name: 'diff',
      type: 'json',
      label: label('差分（追加・変更・削除）', 'Diff (added, changed, removed)'),
    },
    { name: 'gaps', type: 'json', label: label('未対応の日', 'Coverage gaps') },
    {
      name: 'gapsConfirmed',
      type: 'checkbox',
      label: label('未対応を確認して公開', 'Published with gaps confirmed'),
    },
    // What the snapshot held item by item, so the next publish can diff against it.
    { name: 'index', type: 'json', admin: { hidden: true }, access: everyTenant },
  ],
})
