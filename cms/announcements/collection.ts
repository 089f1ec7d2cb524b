import type { CollectionBeforeChangeHook, CollectionConfig, Endpoint, Where } from 'payload'
import type { Program } from '../../shared/program'
import { systemOwned } from '../plugin/access/systemOwned'
import { bumpVersion } from '../plugin/hooks/versions/bumpVersion'
import { label } from '../plugin/i18n'
import { seesEveryTenant, tenantIdsOf } from '../plugin/roles'
import { tenantProgram } from '../plugin/tenantProgram'
import type { ResolvedOptions } from '../plugin/types'
import { createAnnouncements, deleteAnnouncements, readAnnouncements, updateAnnouncements } from './access'
import { announcementContentFields, contentFieldsOf } from './fields'
import { keepApprovalHonest, workflowContextKey } from './hooks'
import { announcementsSlug } from './states'
import { workflowFieldNames, workflowFields } from './workflowFields'

export interface AnnouncementsOptions {
  programs: Record<string, Program>
  languages: readonly string[]
  endpoints: Endpoint[]
}

/** The Japanese title, for the list and the document's heading. */
const titleFromTexts: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const texts = (data.texts ?? (originalDoc as { texts?: unknown } | undefined)?.texts ?? []) as {
    language?: string
    title?: string
  }[]
  const ja = texts.find((text) => text.language === 'ja')?.title
  return ja ? { ...data, title: ja } : data
}

const ui = (name: string, Field: string, extra: Record<string, unknown> = {}) => ({
  name,
  type: 'ui' as const,
  admin: { components: { Field }, ...extra },
})

/**
 * A town's announcement (お知らせ): written by its staff, approved by a second person, published
 * in the town's tenant part. The workflow's fields are written only by its endpoints.
 */
export const announcementsCollection = (options: AnnouncementsOptions): CollectionConfig => {
  const programOf = tenantProgram({
    programs: options.programs,
    slugs: { tenants: 'tenants' },
  } as ResolvedOptions)
  const config: CollectionConfig = {
    slug: announcementsSlug,
    labels: { singular: label('お知らせ', 'Announcement'), plural: label('お知らせ', 'Announcements') },
    admin: {
      useAsTitle: 'title',
      defaultColumns: ['title', 'state', 'sendStatus', 'sendAt', 'urgent', 'tenant'],
      description: label(
        '自治体からご家族へのお知らせ。別の人が承認すると公開され、送信時刻に送られます',
        "A town's notice to its families: published once someone else approves it, sent at its time",
      ),
    },
    access: {
      read: readAnnouncements,
      create: createAnnouncements,
      update: updateAnnouncements,
      delete: deleteAnnouncements,
    },
    hooks: {
      beforeChange: [keepApprovalHonest, titleFromTexts, bumpVersion(announcementContentFields, ['tenant'])],
    },
    endpoints: options.endpoints,
    fields: [
      {
        name: 'title',
        type: 'text',
        label: label('件名（日本語）', 'Title (Japanese)'),
        admin: {
          readOnly: true,
          position: 'sidebar',
          description: label('日本語の文面から', 'From the Japanese text'),
        },
      },
      {
        name: 'tenant',
        type: 'relationship',
        relationTo: 'tenants',
        required: true,
        index: true,
        label: label('自治体', 'Municipality'),
        defaultValue: ({ user }: { user?: unknown }) =>
          seesEveryTenant(user) ? undefined : tenantIdsOf(user)[0],
        // Server code acting for nobody (the seed, publish) may name any town.
        filterOptions: ({ user }): Where | boolean =>
          !user || seesEveryTenant(user) ? true : { id: { in: tenantIdsOf(user) } },
      },
      ui('preview', '/announcements/preview/AnnouncementPreview#AnnouncementPreview'),
      ...contentFieldsOf(options.languages, programOf),
      ui('workflow', '/announcements/AnnouncementWorkflow#AnnouncementWorkflow', { position: 'sidebar' }),
      {
        ...ui('sendStatus', '/announcements/AnnouncementStatus#AnnouncementStatus', { position: 'sidebar' }),
        label: label('送信状況', 'Sending'),
        admin: {
          position: 'sidebar',
          components: {
            Field: '/announcements/AnnouncementStatus#AnnouncementStatus',
            Cell: '/announcements/StatusCell#StatusCell',
          },
        },
      },
      ...workflowFields,
    ],
  }
  return systemOwned(
    config,
    [...workflowFieldNames, 'title'],
    (req) => req.context?.[workflowContextKey] === true,
  )
}
