import type { CollectionConfig } from 'payload'
import { nobody, roleIn } from '../access/index'
import { flaggedBy, systemOwned } from '../access/systemOwned'
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
    { name: 'message', type: 'relationship', relationTo: slugs.messages, required: true, index: true },
    { name: 'version', type: 'number', required: true },
    { name: 'slot', type: 'text', required: true, index: true },
    { name: 'audience', type: 'text', required: true },
    { name: 'language', type: 'text', required: true },
    { name: 'subject', type: 'text', required: true },
    // The Lexical document exactly as approved; converted to the portable body at publish.
    { name: 'body', type: 'json', required: true },
    { name: 'shortText', type: 'textarea' },
    { name: 'topics', type: 'json' },
    { name: 'supervisingExperts', type: 'json' },
    { name: 'sample', type: 'checkbox', defaultValue: false },
    { name: 'translationOf', type: 'relationship', relationTo: slugs.messages },
    { name: 'sourceVersion', type: 'number' },
    { name: 'editors', type: 'relationship', relationTo: slugs.users, hasMany: true },
    { name: 'approvedBy', type: 'relationship', relationTo: slugs.users, required: true },
    { name: 'approverName', type: 'text', required: true },
    { name: 'approvedAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
  ],
})
