import type { Payload } from 'payload'
import type { Program } from '../../shared/program'
import type { EdgeTarget } from './edge-client'

// The shapes several publish files share, here so that none of them imports another for a type.

/** The collections publishing reads, as the yorisoi plugin names them. */
export interface ContentSlugs {
  tenants: string
  messages: string
  approvedMessageVersions: string
  localSupport: string
  surveys: string
}

/** Everything publishing, previewing, rolling back and reading the history work with. */
export interface PublishSetup {
  payload: Payload
  edge: EdgeTarget
  slugs: ContentSlugs & { publications: string }
  programs: Record<string, Program>
}

export type PublishRequest = {
  user: unknown
  scope: { kind: 'national' } | { kind: 'tenant'; tenantId: number | string }
  /** The person saw the coverage gaps and publishes anyway. */
  confirmGaps?: boolean
  /**
   * The town's part is published because this person approved one of its announcements (the
   * announcement workflow checked they may): a supervisor or the town's nurse or desk, who could
   * not publish the part from the Publish screen, still brings the approved notice to the edge.
   */
  approvedAnnouncement?: boolean
}

/** A survey as the CMS stores it (surveys collection). */
export interface SurveyDoc {
  id: number | string
  /** Raised by the CMS on every change of content (1 for a new survey). */
  version?: number | null
  title: string
  language: string
  audiences: string[]
  questions: {
    label: string
    kind: string
    required?: boolean | null
    choices?: { label: string }[] | null
    scaleMin?: number | null
    scaleMax?: number | null
  }[]
  triggers: { window: unknown }[]
  reminders?: { max?: number | null; afterDays?: number | null } | null
}
