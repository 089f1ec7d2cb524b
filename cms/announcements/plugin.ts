import type { Config, Plugin } from 'payload'
import { type Program, standardProgram } from '../../shared/program'
import { defaultLanguages } from '../plugin/languages'
import { cancelEndpoint } from './cancelEndpoint'
import { announcementsCollection } from './collection'
import { announcementPreviewEndpoints } from './preview/endpoints'
import { statusEndpoint } from './statusEndpoint'
import { workflowEndpoint } from './workflowEndpoint'

export interface AnnouncementsPluginOptions {
  programs?: Record<string, Program>
  languages?: readonly string[]
}

/**
 * Announcements (お知らせ): the collection, its workflow (POST /api/announcements/:id/workflow),
 * 送信を取り消す (…/:id/cancel), how sending goes (GET …/statuses) and the preview's endpoints.
 */
export const announcementsPlugin =
  (options: AnnouncementsPluginOptions = {}): Plugin =>
  (config: Config): Config => {
    const programs = options.programs ?? { standard: standardProgram }
    const collection = announcementsCollection({
      programs,
      languages: options.languages ?? defaultLanguages,
      endpoints: [
        statusEndpoint,
        workflowEndpoint(programs),
        cancelEndpoint,
        ...announcementPreviewEndpoints,
      ],
    })
    return { ...config, collections: [...(config.collections ?? []), collection] }
  }
