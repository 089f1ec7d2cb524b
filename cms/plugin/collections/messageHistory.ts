import type { CollectionConfig } from 'payload'
import { nobody, roleIn } from '../access/index'
import { flaggedBy, systemOwned } from '../access/systemOwned'
import { requiredText } from '../fields/validators'
import { commentByUser } from '../hooks/history/commentByUser'
import { label } from '../i18n'
import type { ResolvedOptions } from '../types'
import { historyContextKey } from '../workflow/context'

export const historyEvents = [
  'created',
  'edited',
  'submitted',
  'withdrawn',
  'approved',
  'changes-requested',
  'commented',
] as const

const eventLabels: Record<(typeof historyEvents)[number], { ja: string; en: string }> = {
  created: label('作成', 'Created'),
  edited: label('編集', 'Edited'),
  submitted: label('監修依頼', 'Submitted for review'),
  withdrawn: label('依頼取り下げ', 'Withdrawn'),
  approved: label('承認', 'Approved'),
  'changes-requested': label('修正依頼', 'Changes requested'),
  commented: label('コメント', 'Comment'),
}

/** Who did what to which version of a message, when (createdAt). Append-only. */
export const messageHistoryCollection = (options: ResolvedOptions): CollectionConfig =>
  // A person's entry is a comment (its message and note); what happened, by whom, to which
  // version is recordHistory's (flagged with historyContextKey) or commentByUser's to say.
  systemOwned(historyConfig(options), ['event', 'actor', 'version'], flaggedBy(historyContextKey))

const historyConfig = ({ slugs, enabled }: ResolvedOptions): CollectionConfig => ({
  slug: slugs.messageHistory,
  labels: { singular: label('監修履歴', 'Review history'), plural: label('監修履歴', 'Review history') },
  admin: {
    useAsTitle: 'event',
    defaultColumns: ['message', 'version', 'event', 'actor', 'note', 'createdAt'],
  },
  access: {
    create: roleIn('admin', 'editor', 'medical-supervisor'),
    read: roleIn('admin', 'editor', 'medical-supervisor', 'viewer'),
    update: nobody,
    delete: nobody,
  },
  hooks: enabled ? { beforeChange: [commentByUser(slugs)] } : {},
  fields: [
    {
      name: 'message',
      type: 'relationship',
      relationTo: slugs.messages,
      required: true,
      index: true,
      label: label('メッセージ', 'Message'),
    },
    { name: 'version', type: 'number', label: label('版', 'Version') },
    {
      name: 'event',
      type: 'select',
      required: true,
      defaultValue: 'commented',
      label: label('出来事', 'Event'),
      options: historyEvents.map((value) => ({ value, label: eventLabels[value] })),
    },
    { name: 'actor', type: 'relationship', relationTo: slugs.users, label: label('誰が', 'Who') },
    {
      name: 'note',
      type: 'textarea',
      label: label('コメント', 'Note'),
      validate: (value, options) =>
        options.siblingData && (options.siblingData as { event?: string }).event === 'commented'
          ? requiredText(value, options)
          : true,
    },
  ],
})
