import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Payload } from 'payload'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultSlugs } from '../../cms/plugin/slugs'
import { detailedDiff } from '../../cms/publish/diff'
import { messageChangePage } from '../../cms/publish/view/changes'
import { PublishPanel } from '../../cms/publish/view/PublishPanel'
import { publishScreen } from '../../cms/publish/view/screen'
import { standardProgram } from '../../shared/program'
import { type Cms, startCms } from './support/cms'
import { messageData } from './support/content'
import { createWorld, type Person, type World } from './support/people'
import { makePublishable } from './support/publishable-tenant'

// The publish screen rendered on the server from real Postgres content. Its history comes from the
// edge's ingest API; here a local HTTP server answers in that API's shape (the edge itself is
// tested in tests/edge and end to end in tests/integration).
let cms: Cms
let payload: Payload
let world: World
let history: Server
let edgeUrl: string
const activations = [
  {
    id: 2,
    manifestId: 'pub-2-1-20261123',
    previousManifestId: 'pub-1-1-20261122',
    action: 'publish',
    activatedAt: '2026-11-23T01:00:00.000Z',
    actor: { id: '2', name: 'editor@example.jp' },
    available: true,
  },
  {
    id: 1,
    manifestId: 'pub-1-1-20261122',
    previousManifestId: null,
    action: 'publish',
    activatedAt: '2026-11-22T01:00:00.000Z',
    actor: { id: '1', name: 'admin@example.jp' },
    available: true,
  },
]

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  world = await createWorld(payload)
  await makePublishable(payload, world.tenantA.id, 'minato')
  await makePublishable(payload, world.tenantB.id, 'setagaya')
  history = createServer((req, res) => {
    const authorised = req.headers.authorization === 'Bearer view-token'
    res.writeHead(authorised ? 200 : 401, { 'content-type': 'application/json' })
    res.end(
      JSON.stringify(
        authorised
          ? { activations }
          : { error: { code: 'unauthorized', message: '取り込みトークンが正しくありません / wrong token' } },
      ),
    )
  })
  await new Promise<void>((resolve) => history.listen(0, '127.0.0.1', resolve))
  edgeUrl = `http://127.0.0.1:${(history.address() as AddressInfo).port}`
  for (const [i, manifestId] of ['pub-1-1-20261122', 'pub-2-1-20261123'].entries()) {
    await payload.create({
      collection: 'publications',
      overrideAccess: true,
      data: {
        scope: 'national',
        state: i === 1 ? 'active' : 'rolled-back',
        manifestId,
        index: { messages: {}, tenants: {} },
      },
    })
  }
})
afterAll(async () => {
  await cms?.stop()
  history?.close()
})

const render = async (who: Person, scope?: string, token = 'view-token') => {
  const props = await publishScreen({
    payload,
    user: world.users[who],
    slugs: defaultSlugs,
    programs: { standard: standardProgram },
    edge: { url: edgeUrl, token },
    scope,
    adminRoute: '/admin',
    apiRoute: '/api',
  })
  return { props, html: renderToStaticMarkup(createElement(PublishPanel, props)) }
}

describe('the publish screen', () => {
  it('shows an editor the national diff, the gap warning with its confirmation, and the history with rollback', async () => {
    const message = await payload.create({
      collection: 'messages',
      data: messageData('pregnancy/120'),
      overrideAccess: false,
      user: world.users.editor,
    })
    await payload.update({
      collection: 'messages',
      id: message.id,
      data: { reviewState: 'in-review' },
      overrideAccess: false,
      user: world.users.editor,
    })
    await payload.update({
      collection: 'messages',
      id: message.id,
      data: { reviewState: 'approved' },
      overrideAccess: false,
      user: world.users.supervisor,
    })

    const { props, html } = await render('editor')
    expect(props.scopes.map((s) => s.value)).toEqual(['national'])
    // The summary first, then the button, then the change in words with its subject.
    expect(html).toContain('メッセージ / Messages: 追加 1・変更 0・削除 0')
    expect(html.indexOf('data-yorisoi-summary')).toBeLessThan(html.indexOf('未対応を承知で公開する'))
    expect(html.indexOf('未対応を承知で公開する')).toBeLessThan(
      html.indexOf('変わるメッセージ / Messages that change'),
    )
    expect(html).toMatch(
      /<td>追加 \/ Added<\/td><td>妊娠17週1日・本人[^<]*・日本語<\/td><td>今日のお便り<\/td>/,
    )
    expect(html).not.toContain('<td>pregnancy/120</td>')
    expect(html).toContain('承認済みのメッセージがない日があります')
    expect(html).toContain(
      'メッセージのない日があることを確認しました / I have seen the days without a message',
    )
    // The publish button waits for the confirmation box.
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>未対応を承知で公開する \/ Publish with gaps<\/button>/)
    expect(html).toContain('公開とロールバックの履歴 / Activation history')
    expect(html).toContain('editor@example.jp')
    // Only the earlier one can be gone back to; the live one cannot.
    expect(html.match(/この版に戻す \/ Roll back to this/g)).toHaveLength(1)
    expect(html).toContain('pub-2-1-20261123（公開中 / live）')
  })

  it('pages a long list of changes, 50 at a time, changed ones first', async () => {
    const key = (day: number) => `pregnancy/${day} primary ja`
    const after = {
      messages: Object.fromEntries(
        Array.from({ length: 120 }, (_, day) => [key(day), `message-x${day}@${day === 0 ? 2 : 1}`]),
      ),
      tenants: {},
    }
    const diff = detailedDiff({ messages: { [key(0)]: 'message-x0@1' }, tenants: {} }, after)
    const first = await messageChangePage(payload, 'messages', diff, 1)
    expect(first).toMatchObject({ page: 1, pages: 3, total: 120 })
    expect(first.rows).toHaveLength(50)
    expect(first.rows[0]).toMatchObject({
      kind: 'changed',
      inWords: '妊娠0週0日・本人（妊娠中の方・主な養育者）・日本語',
    })
    const last = await messageChangePage(payload, 'messages', diff, 99)
    expect(last.page).toBe(3)
    expect(last.rows.map((r) => r.key).at(-1)).toBe(key(119))
    expect(last.rows).toHaveLength(20)
  })

  it('offers staff only their own tenant, without the national part or rollback', async () => {
    const { props, html } = await render('staffA', 'national')
    expect(props.scopes).toEqual([
      {
        value: `tenant:${world.tenantA.id}`,
        label: '港区（minato）',
        name: { ja: '港区', en: 'minato city' },
      },
    ])
    expect(props.current?.value).toBe(`tenant:${world.tenantA.id}`)
    expect(html).not.toContain('全国コンテンツ')
    expect(html).not.toContain('この版に戻す')
  })

  it('lets an admin choose any tenant, and says so when the edge refuses the history', async () => {
    const { props, html } = await render('admin', `tenant:${world.tenantB.id}`, 'wrong-token')
    expect(props.scopes.map((s) => s.value).sort()).toEqual(
      ['national', `tenant:${world.tenantA.id}`, `tenant:${world.tenantB.id}`].sort(),
    )
    expect(props.current?.value).toBe(`tenant:${world.tenantB.id}`)
    expect(html).toContain('世田谷区（setagaya）')
    expect(html).toMatch(/role="alert">取り込みトークンが正しくありません/)
  })

  it('has nothing to offer a viewer', async () => {
    const { html } = await render('viewer')
    expect(html).toContain('公開できる範囲がありません / There is nothing you may publish')
  })
})
