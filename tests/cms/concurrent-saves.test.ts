import type { Payload } from 'payload'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Cms, startCms } from './support/cms'
import { messageData } from './support/content'
import { createWorld, type World } from './support/people'
import { login, type RestResponse, rest } from './support/rest'

// Many saves at once through Payload's REST handler (what the admin and scripts call), each refused
// by validation, as a busy morning or a double-clicking script sends them. Each must be answered,
// and none may keep its transaction: once nine wait on each other for the pool's last connection,
// every request — even a login — hangs until the CMS restarts.

let cms: Cms
let payload: Payload
let world: World
const tokens: Record<'editor' | 'admin' | 'staffA' | 'supervisor', string> = {
  editor: '',
  admin: '',
  staffA: '',
  supervisor: '',
}
let message: { id: number | string }
let entry: { id: number | string }

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  world = await createWorld(payload)
  for (const who of Object.keys(tokens) as (keyof typeof tokens)[])
    tokens[who] = await login(cms.config, world.users[who].email)
  message = await payload.create({ collection: 'messages', data: messageData('pregnancy/120') as never })
  entry = await payload.create({
    collection: 'local-support',
    data: {
      title: '港区の両親学級',
      body: '予約制です。',
      kind: 'event',
      window: { unit: 'child-month', from: 3, to: 4 },
      tenant: world.tenantA.id,
    } as never,
  })
})
afterAll(() => cms?.stop())

/** Postgres's own view of this file's database, from a connection of its own (not the CMS's pool). */
async function sql<Row>(text: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: cms.databaseUrl })
  await client.connect()
  try {
    return (await client.query(text)).rows as Row[]
  } finally {
    await client.end()
  }
}

const openTransactions = () =>
  sql<{ query: string }>(
    `SELECT query FROM pg_stat_activity
     WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
  )

/** The answers, or 'no answer' when they do not all come within the time a person would wait (and more). */
async function within(ms: number, requests: Promise<RestResponse>[]): Promise<RestResponse[] | 'no answer'> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<'no answer'>((resolve) => {
    timer = setTimeout(() => resolve('no answer'), ms)
  })
  try {
    return await Promise.race([Promise.all(requests), late])
  } finally {
    clearTimeout(timer)
  }
}

const times = <T>(n: number, make: () => T) => Array.from({ length: n }, make)

describe('many saves at once', () => {
  const bursts: [string, () => Promise<RestResponse>, number][] = [
    [
      'editors create messages for a slot the program never sends',
      () =>
        rest(cms.config, 'POST', '/api/messages', {
          token: tokens.editor,
          body: messageData('pregnancy/999'),
        }),
      400,
    ],
    [
      'editors save a message with its subject emptied',
      () =>
        rest(cms.config, 'PATCH', `/api/messages/${message.id}`, {
          token: tokens.editor,
          body: { subject: '' },
        }),
      400,
    ],
    [
      'staff save their local entry with an http:// link',
      () =>
        rest(cms.config, 'PATCH', `/api/local-support/${entry.id}`, {
          token: tokens.staffA,
          body: { url: 'http://example.jp/' },
        }),
      400,
    ],
    [
      'the admin saves a town with a send time of 25:00',
      () =>
        rest(cms.config, 'PATCH', `/api/tenants/${world.tenantA.id}`, {
          token: tokens.admin,
          body: { sendTime: '25:00' },
        }),
      400,
    ],
    [
      'supervisors save the same note on a message',
      () =>
        rest(cms.config, 'PATCH', `/api/messages/${message.id}`, {
          token: tokens.supervisor,
          body: { reviewNote: '' },
        }),
      200,
    ],
  ]

  for (const [what, send, status] of bursts) {
    it(`${what}, 21 at once: each gets its answer (${status}), and the CMS still answers`, async () => {
      const answers = await within(30_000, times(21, send))
      if (answers === 'no answer') {
        const open = (await openTransactions()).length
        expect.fail(`no answer within 30 s; Postgres holds ${open} connections idle in transaction`)
      }
      expect((answers as RestResponse[]).map((a) => a.status)).toEqual(times(21, () => status))
      const signedIn = await within(10_000, [
        rest(cms.config, 'POST', '/api/users/login', {
          body: { email: world.users.viewer.email, password: 'correct-horse-battery' },
        }),
      ])
      expect(signedIn, 'a login answers').not.toBe('no answer')
      expect((signedIn as RestResponse[])[0]?.status).toBe(200)
      expect(await openTransactions()).toEqual([])
    })
  }
})

describe('an edit lock, checked inside the save', () => {
  const lockBy = (user: { id: number | string }) =>
    payload.create({
      collection: 'payload-locked-documents',
      data: {
        document: { relationTo: 'messages', value: message.id },
        user: { relationTo: 'users', value: user.id },
      },
    })

  it('names the holder to colleagues while her lock lasts: her name and address, not her roles', async () => {
    const holder = world.users.editor
    const asked = () =>
      rest(cms.config, 'GET', `/api/users/${holder.id}?depth=0`, { token: tokens.supervisor })
    expect((await asked()).status).toBe(404)
    await lockBy(holder)
    const during = await asked()
    expect(during.status).toBe(200)
    expect(during.body).toMatchObject({ email: holder.email, name: 'editor' })
    for (const hers of ['roles', 'shownToFamilies']) expect(during.body, hers).not.toHaveProperty(hers)
    // She is signed in; her sessions are not shown (Payload's own rule leaves the list empty).
    expect(during.body.sessions ?? []).toEqual([])
    // What the admin's notice reads: the lock with its holder filled in.
    const locks = await rest(cms.config, 'GET', '/api/payload-locked-documents?depth=1', {
      token: tokens.supervisor,
    })
    expect(locks.body.docs).toMatchObject([{ user: { value: { email: holder.email } } }])
    await payload.delete({ collection: 'payload-locked-documents', where: { id: { exists: true } } })
    expect((await asked()).status).toBe(404)
  })

  it('never names a lock holder to another town’s staff', async () => {
    const holder = world.users.staffB
    await lockBy(holder)
    const asked = (token: string) => rest(cms.config, 'GET', `/api/users/${holder.id}?depth=0`, { token })
    expect((await asked(tokens.staffA)).status).toBe(404)
    // National roles hold no town: a supervisor does not see a town's staff either.
    expect((await asked(tokens.supervisor)).status).toBe(404)
    await payload.delete({ collection: 'payload-locked-documents', where: { id: { exists: true } } })
  })

  it('refuses others’ saves and deletes while a colleague has the message open, naming her in Japanese first', async () => {
    await lockBy(world.users.editor)
    const saved = await rest(cms.config, 'PATCH', `/api/messages/${message.id}`, {
      token: tokens.supervisor,
      body: { reviewNote: '表現を確認しました' },
    })
    expect(saved.status).toBe(423)
    expect(saved.body.errors?.[0]?.message).toMatch(
      /^editor@example\.jp さんが編集中のため、保存できません。.* \/ /,
    )
    const bulk = await rest(cms.config, 'PATCH', `/api/messages?where[id][equals]=${message.id}`, {
      token: tokens.supervisor,
      body: { reviewNote: '表現を確認しました' },
    })
    expect(bulk.status).toBe(423)
    const deleted = await rest(cms.config, 'DELETE', `/api/messages/${message.id}`, { token: tokens.admin })
    expect(deleted.status).toBe(423)
    const kept = await payload.findByID({ collection: 'messages', id: message.id, depth: 0 })
    expect(kept.reviewNote).not.toBe('表現を確認しました')
  })

  it('lets the holder save (which clears her lock), and anyone once a lock is older than five minutes', async () => {
    const own = await rest(cms.config, 'PATCH', `/api/messages/${message.id}`, {
      token: tokens.editor,
      body: { shortText: '{{nickname}}さん、今日のお便りをどうぞ。{{messageUrl}}' },
    })
    expect(own.status).toBe(200)
    expect((await payload.count({ collection: 'payload-locked-documents' })).totalDocs).toBe(0)

    await lockBy(world.users.editor)
    await sql(`UPDATE payload_locked_documents SET updated_at = now() - interval '6 minutes'`)
    const later = await rest(cms.config, 'PATCH', `/api/messages/${message.id}`, {
      token: tokens.supervisor,
      body: { reviewNote: '表現を確認しました' },
    })
    expect(later.status).toBe(200)
    expect(later.body.doc).toMatchObject({ reviewNote: '表現を確認しました' })
  })
})
