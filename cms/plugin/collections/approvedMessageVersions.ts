import type { CollectionConfig } from 'payload'
import { nobody, roleIn } from '../access/index'
import { flaggedBy, systemOwned } from '../access/systemOwned'
import { wordsCell } from '../fields/wordsCells'
import { neverDeleted, onlyThroughReview } from '../hooks/approved/onlyThroughReview'
import { label } from '../i18n'
import type { ResolvedOptions } from '../types'
import { approvingContextKey } from '../workflow/context'

/**
 * Every version a medical supervisor approved, copied at the moment of approval. This is the only
 * source the publish step reads: whatever is here was approved, and nothing else ever is.
 */
export const approvedMessageVersionsCollection = (options: ResolvedOptions): CollectionConfig =>
  // Wholly the review's: recordApproval writes every field, flagged with approvingContextKey.
  systemOwned(approvedVersionsConfig(options), 'all', flaggedBy(approvingContextKey))

const approvedVersionsConfig = ({ slugs, enabled }: ResolvedOptions): CollectionConfig => ({
  slug: slugs.approvedMessageVersions,
  labels: { singular: label('承認版', 'Approved version'), plural: label('承認版', 'Approved versions') },
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['slot', 'audience', 'language', 'version', 'approverName', 'approvedAt'],
  },
  access: {
    create: nobody,
    read: roleIn('admin', 'editor', 'medical-supervisor', 'municipal-staff', 'viewer'),
    update: nobody,
    delete: nobody,
  },
  hooks: enabled ? { beforeChange: [onlyThroughReview], beforeDelete: [neverDeleted] } : {},
  fields: [
    {
      name: 'message',
      type: 'relationship',
      relationTo: slugs.messages,
      required: true,
      index: true,
      label: label('メッセージ', 'Message'),
    },
    { name: 'version', type: 'number', required: true, label: label('版', 'Version') },
    {
      name: 'slot',
      type: 'text',
      required: true,
      index: true,
      label: label('スロット', 'Slot'),
      admin: wordsCell('slot'),
    },
    {
      name: 'audience',
      type: 'text',
      required: true,
      label: label('対象', 'Audience'),
      admin: wordsCell('audience'),
    },
    {
      name: 'language',
      type: 'text',
      required: true,
      label: label('言語', 'Language'),
      admin: wordsCell('language'),
    },
    { name: 'subject', type: 'text', required: true, label: label('件名', 'Subject') },
    // The Lexical document exactly as approved; converted to the portable body at publish.
    { name: 'body', type: 'json', required: true, label: label('本文', 'Body') },
    { name: 'shortText', type: 'textarea', label: label('短文（SMS・LINE）', 'Short text (SMS, LINE)') },
    { name: 'topics', type: 'json', label: label('トピック', 'Topics') },
    { name: 'supervisingExperts', type: 'json', label: label('監修した専門家', 'Supervising experts') },
    { name: 'sample', type: 'checkbox', defaultValue: false, label: label('見本', 'Sample') },
    {
      name: 'translationOf',
      type: 'relationship',
      relationTo: slugs.messages,
      label: label('翻訳元', 'Translation of'),
    },
    { name: 'sourceVersion', type: 'number', label: label('翻訳元の版', 'Source version') },
    {
      name: 'editors',
      type: 'relationship',
      relationTo: slugs.users,
      hasMany: true,
      label: label('編集者', 'Editors'),
    },
    {
      name: 'approvedBy',
      type: 'relationship',
      relationTo: slugs.users,
      required: true,
      label: label('承認者', 'Approved by'),
    },
    { name: 'approverName', type: 'text', required: true, label: label('承認者名', 'Approver') },
    {
      name: 'approvedAt',
      type: 'date',
      required: true,
      label: label('承認日時', 'Approved at'),
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
})
