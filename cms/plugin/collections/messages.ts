import type { CollectionConfig } from 'payload'
import { neutralSubject } from '../../../shared/contract/national'
import { audiences } from '../../../shared/contract/primitives'
import { roleIn } from '../access/index'
import { systemOwned } from '../access/systemOwned'
import { audienceLabels } from '../audienceLabels'
import { csvEndpoints } from '../csv/endpoints'
import { bodyField } from '../fields/body'
import { shortTextField } from '../fields/shortText'
import { slotField } from '../fields/slot'
import { translationOfField } from '../fields/translationOf'
import { zodValidate } from '../fields/zodValidate'
import { applyReview } from '../hooks/messages/applyReview'
import { keepApprovedMessages } from '../hooks/messages/keepApprovedMessages'
import { markStale } from '../hooks/messages/markStale'
import { recordHistory } from '../hooks/messages/recordHistory'
import { setMessageKey } from '../hooks/messages/setMessageKey'
import { trackTranslationBasis } from '../hooks/messages/trackTranslationBasis'
import { label } from '../i18n'
import { languageField } from '../languages'
import type { ResolvedOptions } from '../types'
import { reviewEndpoint } from '../workflow/reviewEndpoint'
import { reviewActionsField } from '../workflow/reviewField'
import { reviewStateLabels, reviewStates } from '../workflow/reviewStates'

export { audienceLabels }

// Set by the review hooks only (in beforeChange): nobody writes them through any API or the admin form.
export const messageSystemFields = [
  'version',
  'versionEditors',
  'lastEditedBy',
  'approved',
  'approvedVersionNumber',
  'translatedFromVersion',
  'key',
  'title',
] as const

export const messagesCollection = (options: ResolvedOptions): CollectionConfig => {
  return systemOwned(messageConfig(options), messageSystemFields)
}

function messageConfig(options: ResolvedOptions): CollectionConfig {
  const { slugs, programs, languages, enabled } = options
  return {
    slug: slugs.messages,
    labels: { singular: label('メッセージ', 'Message'), plural: label('メッセージ', 'Messages') },
    admin: {
      useAsTitle: 'title',
      defaultColumns: ['slot', 'audience', 'language', 'subject', 'reviewState', 'version', 'updatedAt'],
      listSearchableFields: ['slot', 'subject'],
    },
    access: {
      create: roleIn('admin', 'editor'),
      read: roleIn('admin', 'editor', 'medical-supervisor', 'municipal-staff', 'viewer'),
      update: roleIn('admin', 'editor', 'medical-supervisor'),
      delete: roleIn('admin'),
      readVersions: roleIn('admin', 'editor', 'medical-supervisor'),
    },
    endpoints: [...csvEndpoints(options), reviewEndpoint(slugs)],
    // Every save is kept, so the admin can diff any two; approvals live in their own collection.
    versions: { maxPerDoc: 200 },
    hooks: enabled
      ? {
          beforeChange: [applyReview(slugs), trackTranslationBasis(slugs), setMessageKey],
          afterChange: [recordHistory(slugs)],
          beforeDelete: [keepApprovedMessages(slugs)],
        }
      : {},
    fields: [
      slotField(programs),
      {
        name: 'audience',
        type: 'select',
        required: true,
        defaultValue: 'primary',
        label: label('対象', 'Audience'),
        options: audiences.map((value) => ({ value, label: audienceLabels[value] })),
      },
      languageField(languages),
      {
        name: 'subject',
        type: 'text',
        required: true,
        label: label('件名（中立的に）', 'Subject (neutral)'),
        validate: zodValidate(neutralSubject),
      },
      bodyField(),
      shortTextField(),
      { name: 'topics', type: 'text', hasMany: true, label: label('トピック', 'Topics') },
      {
        name: 'supervisingExperts',
        type: 'text',
        hasMany: true,
        label: label('監修した専門家', 'Supervising experts'),
      },
      {
        // Sample content carries this to residents' screens: the edge marks it visibly.
        name: 'sample',
        type: 'checkbox',
        defaultValue: false,
        label: label('見本（医師の監修を受けていない文章）', 'Sample (text no doctor has reviewed)'),
      },
      {
        type: 'collapsible',
        label: label('翻訳', 'Translation'),
        fields: [
          translationOfField(slugs.messages),
          {
            name: 'translatedFromVersion',
            type: 'number',
            admin: { readOnly: true },
            label: label('翻訳元の承認版', 'Source version translated'),
          },
          {
            name: 'stale',
            type: 'checkbox',
            virtual: true,
            admin: { readOnly: true },
            label: label('翻訳元が更新済み（要再翻訳）', 'Stale: the source has a newer approved version'),
            hooks: enabled ? { afterRead: [markStale(slugs)] } : {},
          },
        ],
      },
      reviewActionsField(),
      {
        name: 'reviewState',
        type: 'select',
        required: true,
        defaultValue: 'draft',
        // Not `status`: with drafts enabled that would collide with Payload's own `_status` enum.
        enumName: 'enum_yorisoi_review_state',
        label: label('監修状態', 'Review state'),
        options: reviewStates.map((value) => ({ value, label: reviewStateLabels[value] })),
        admin: {
          position: 'sidebar',
          // Changed by the buttons above (ask for review, approve, request changes), never picked
          // from a list that offers states the person may not choose.
          readOnly: true,
          description: label(
            '編集者は「監修を依頼する」、医療監修者は「承認する」「修正を依頼」ボタンで進めます',
            'Editors use Ask for review; medical supervisors answer with Approve or Request changes',
          ),
        },
      },
      {
        name: 'reviewNote',
        type: 'textarea',
        label: label('監修コメント', 'Reviewer note'),
        admin: { position: 'sidebar' },
      },
      {
        name: 'version',
        type: 'number',
        defaultValue: 1,
        label: label('作業中の版', 'Working version'),
        admin: { position: 'sidebar', readOnly: true },
      },
      {
        name: 'versionEditors',
        type: 'relationship',
        relationTo: slugs.users,
        hasMany: true,
        label: label('この版の編集者', 'Editors of this version'),
        admin: { position: 'sidebar', readOnly: true },
      },
      {
        name: 'lastEditedBy',
        type: 'relationship',
        relationTo: slugs.users,
        label: label('最終編集者', 'Last edited by'),
        admin: { position: 'sidebar', readOnly: true },
      },
      {
        name: 'approved',
        type: 'relationship',
        relationTo: slugs.approvedMessageVersions,
        label: label('配信中の承認版', 'Approved version now serving'),
        admin: { position: 'sidebar', readOnly: true },
      },
      {
        name: 'approvedVersionNumber',
        type: 'number',
        label: label('配信中の版番号', 'Serving version number'),
        admin: { position: 'sidebar', readOnly: true },
      },
      {
        name: 'key',
        type: 'text',
        unique: true,
        label: label('キー', 'Key'),
        admin: { position: 'sidebar', readOnly: true },
      },
      {
        // The key in words (妊娠28週0日・本人（…）・日本語): the edit view's heading and the pickers.
        name: 'title',
        type: 'text',
        label: label('見出し', 'Title'),
        admin: { hidden: true },
      },
    ],
  }
}
