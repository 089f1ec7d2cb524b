import type { Payload } from 'payload'
import { seedAnnouncements } from './announcements/definitions'
import { upsertAnnouncements } from './cms/announcements'
import type { Counts } from './cms/counts'
import { foreignData } from './cms/guard'
import { upsertMessages } from './cms/messages'
import { upsertSurveys } from './cms/surveys'
import { upsertTasks } from './cms/tasks'
import { upsertTenants } from './cms/tenants'
import { upsertUsers } from './cms/users'
import { sampleEditions } from './content/editions'
import { generateSampleMessages } from './content/generate'
import type { Edition } from './content/types'
import { bilingual, SeedRefusal } from './refusal'
import { seedSurveys } from './surveys/definitions'
import { seedTasks } from './tasks/definitions'
import { loadSeedTenants } from './tenants'
import { defaultDevPassword, seedUsers } from './users'

export type { Counts } from './cms/counts'
export { SeedRefusal } from './refusal'
export { defaultDevPassword, seedUsers } from './users'

export interface SeedOptions {
  payload: Payload
  password: string
  log?: (line: string) => void
  /** Seed even though the database holds data the seed did not write (that data is left alone). */
  force?: boolean
  /** Which (audience, language) editions of the sample messages: all of them unless a test wants fewer. */
  editions?: readonly Edition[]
}

export interface SeedSummary {
  users: Counts
  tenants: Counts
  localSupport: Counts
  messages: Counts & { approved: number }
  surveys: Counts
  tasks: Counts
  announcements: Counts
  /** Documents created and updated in this run, over every kind (0 and 0: nothing changed). */
  created: number
  updated: number
  /** The seed users' addresses, for people and scripts to sign in with. */
  emails: string[]
  milliseconds: number
}

/** The password seed users get: YORISOI_DEV_PASSWORD, or the development default. */
export const devPassword = (env: Record<string, string | undefined> = process.env) =>
  env.YORISOI_DEV_PASSWORD || defaultDevPassword

/**
 * Loads the sample world into the CMS: users for every role, the three municipalities with their
 * local support (published), the sample messages of every send slot, audience and language
 * (9,214) written by the editor and approved by a supervisor — new ones in bulk as the rows the
 * review workflow leaves, changed ones through the workflow — the surveys, the national tasks and
 * one town's sample announcement (approved, due in two weeks). Idempotent: a second run changes
 * nothing.
 */
export async function seed({
  payload,
  password,
  log = () => {},
  force = false,
  editions = sampleEditions,
}: SeedOptions): Promise<SeedSummary> {
  const started = performance.now()
  if (process.env.NODE_ENV === 'production' && password === defaultDevPassword) {
    throw new SeedRefusal(
      'production-default-password',
      bilingual(
        `本番環境（NODE_ENV=production）では既定のパスワード「${defaultDevPassword}」で投入できません。YORISOI_DEV_PASSWORD を設定してください`,
        `Refusing the default password "${defaultDevPassword}" with NODE_ENV=production: set YORISOI_DEV_PASSWORD`,
      ),
    )
  }
  const tenants = loadSeedTenants()
  const users = seedUsers(tenants.map((t) => ({ slug: t.settings.slug, name: t.settings.name.ja })))
  const messages = generateSampleMessages(undefined, editions)

  const foreign = await foreignData(payload, { users, tenants, messages, surveys: seedSurveys })
  if (foreign.length > 0 && !force) {
    throw new SeedRefusal(
      'non-seed-data',
      bilingual(
        `このデータベースにはサンプル以外のデータがあります（${foreign.join('、')}）。それでも投入するときは --force を付けてください`,
        `This database holds data the seed did not write (${foreign.join(', ')}); pass --force to seed anyway`,
      ),
    )
  }

  log('自治体と地域の支援 / tenants and local support')
  const placed = await upsertTenants(payload, tenants)
  log('ユーザー / users')
  const people = await upsertUsers(payload, users, password, placed.ids)
  const person = async (email: string) =>
    ({
      ...(await payload.findByID({
        collection: 'users',
        id: people.ids[email]!,
        depth: 0,
        overrideAccess: true,
      })),
      collection: 'users',
    }) as Record<string, unknown> & { id: number | string }
  const editor = await person('editor@yorisoi.test')
  const supervisor = await person('supervisor1@yorisoi.test')

  log(
    `メッセージ ${messages.length} 件（編集→監修依頼→承認） / ${messages.length} messages (write, submit, approve)`,
  )
  const messageCounts = await upsertMessages(payload, messages, { editor, supervisor, log })
  log('アンケート / surveys')
  const surveyCounts = await upsertSurveys(payload, seedSurveys, { editor, supervisor })
  log('タスク / tasks')
  const taskCounts = await upsertTasks(payload, seedTasks, { editor, supervisor })
  log('お知らせ / announcements')
  const announcementCounts = await upsertAnnouncements(payload, seedAnnouncements, {
    tenantIds: placed.ids,
    person,
  })

  const kinds = [
    people.counts,
    placed.tenants,
    placed.localSupport,
    messageCounts,
    surveyCounts,
    taskCounts,
    announcementCounts,
  ]
  return {
    users: people.counts,
    tenants: placed.tenants,
    localSupport: placed.localSupport,
    messages: messageCounts,
    surveys: surveyCounts,
    tasks: taskCounts,
    announcements: announcementCounts,
    created: kinds.reduce((sum, c) => sum + c.created, 0),
    updated: kinds.reduce((sum, c) => sum + c.updated, 0),
    emails: users.map((u) => u.email),
    milliseconds: Math.round(performance.now() - started),
  }
}
