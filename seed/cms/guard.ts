import type { Payload, Where } from 'payload'
import { messageKey } from '../../cms/plugin/workflow/content'
import type { SampleMessage } from '../content/types'
import { type SeedSurvey, surveyDocsOf } from '../surveys/definitions'
import { seedTaskTitles } from '../tasks/definitions'
import type { SeedTenant } from '../tenants/schema'
import type { SeedUser } from '../users'

export interface SeedKeys {
  users: readonly SeedUser[]
  tenants: readonly SeedTenant[]
  messages: readonly SampleMessage[]
  surveys: readonly SeedSurvey[]
}

/**
 * What the database holds that the seed did not write, judged by natural keys: users by email,
 * tenants by slug, entries, surveys and tasks by title, messages by slot × audience × language and by
 * who last edited them (a person's edit of a sample message is not the seed's). Empty: safe.
 */
export async function foreignData(payload: Payload, keys: SeedKeys): Promise<string[]> {
  const editorEmail = 'editor@yorisoi.test'
  const editor = await payload.find({
    collection: 'users',
    where: { email: { equals: editorEmail } },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  const editorId = editor.docs[0]?.id
  const checks: [string, Where][] = [
    ['users', { email: { not_in: keys.users.map((u) => u.email) } }],
    ['tenants', { slug: { not_in: keys.tenants.map((t) => t.settings.slug) } }],
    ['local-support', { title: { not_in: keys.tenants.flatMap((t) => t.entries.map((e) => e.title)) } }],
    ['surveys', { title: { not_in: keys.surveys.flatMap(surveyDocsOf).map((s) => s.title) } }],
    ['tasks', { title: { not_in: seedTaskTitles } }],
    [
      'messages',
      {
        or: [
          { key: { not_in: keys.messages.map(messageKey) } },
          editorId === undefined
            ? { id: { exists: true } }
            : { or: [{ lastEditedBy: { not_equals: editorId } }, { lastEditedBy: { exists: false } }] },
        ],
      },
    ],
  ]
  const found: string[] = []
  for (const [collection, where] of checks) {
    const { totalDocs } = await payload.count({
      collection: collection as 'users',
      where,
      overrideAccess: true,
    })
    if (totalDocs > 0) found.push(`${collection}: ${totalDocs}`)
  }
  return found
}
