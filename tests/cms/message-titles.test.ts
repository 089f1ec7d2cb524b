import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillMessageTitles } from '../../cms/db/messageTitles'
import { type Cms, startCms } from './support/cms'
import { messageData } from './support/content'
import { createWorld, type World } from './support/people'
import { login, rest } from './support/rest'

// A message's edit view, its version list and the translation picker are headed by its title: the
// day, audience and language in words, never the raw key "pregnancy/196 primary ja".
let cms: Cms
let payload: Payload
let world: World
let editorToken: string

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  world = await createWorld(payload)
  editorToken = await login(cms.config, world.users.editor.email)
})
afterAll(() => cms?.stop())

type Db = Parameters<typeof fillMessageTitles>[0]
const db = () => (payload.db as unknown as { drizzle: Db }).drizzle

describe('a message’s title', () => {
  it('reads as people say the key, follows the key, and is the edit view’s title', async () => {
    expect(payload.collections.messages?.config.admin.useAsTitle).toBe('title')
    const created = await rest(cms.config, 'POST', '/api/messages', {
      token: editorToken,
      body: messageData('pregnancy/196', { title: 'pregnancy/196 primary ja' }),
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const doc = created.body.doc as { id: number; title: string }
    expect(doc.title).toBe('妊娠28週0日・本人（妊娠中の方・主な養育者）・日本語')

    const moved = await rest(cms.config, 'PATCH', `/api/messages/${doc.id}`, {
      token: editorToken,
      body: { slot: 'newborn/30', audience: 'partner', language: 'en' },
    })
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
    expect((moved.body.doc as { title: string }).title).toBe('生後30日・パートナー・英語')
  })

  it('is filled for messages stored before it existed, and for their versions', async () => {
    const doc = await payload.create({ collection: 'messages', data: messageData('pregnancy/100') })
    await db().execute(sql`UPDATE messages SET title = NULL`)
    await db().execute(sql`UPDATE _messages_v SET version_title = NULL`)

    expect(await fillMessageTitles(db())).toBeGreaterThanOrEqual(1)
    const read = await payload.findByID({ collection: 'messages', id: doc.id, depth: 0 })
    expect(read.title).toBe('妊娠14週2日・本人（妊娠中の方・主な養育者）・日本語')
    const versions = await db().execute(
      sql`SELECT DISTINCT version_title FROM _messages_v WHERE parent_id = ${doc.id}`,
    )
    expect(versions.rows).toEqual([{ version_title: '妊娠14週2日・本人（妊娠中の方・主な養育者）・日本語' }])
  })
})
