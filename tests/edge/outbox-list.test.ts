import { env, exports } from 'cloudflare:workers'
import { beforeEach, expect, it } from 'vitest'

// The outbox is where a newcomer follows a message's links and finds older messages.
const cookie = `outbox_key=${env.OUTBOX_KEY}`
const get = async (path: string) =>
  (await exports.default.fetch(`http://edge.test${path}`, { headers: { cookie } })).text()

async function store(id: string, text: string, createdAt = '2026-11-23T00:00:00.000Z') {
  await env.DB.prepare(
    `INSERT INTO outbox (id, idempotency_key, tenant_slug, channel, recipient, subject, text, html, created_at)
     VALUES (?1, ?1, 'sakura-city', 'email', 'hanako@example.jp', ?2, ?3, NULL, ?4)`,
  )
    .bind(id, `subject-${id}`, text, createdAt)
    .run()
}

beforeEach(async () => {
  await env.DB.prepare('DELETE FROM outbox').run()
})

it('shows a message’s http(s) URLs as links, escaped, and nothing else', async () => {
  await store(
    'm-link',
    '確認はこちら https://yorisoi.example/r/abc?x=1&y="2"&z=3 です。\njavascript:alert(1) と <b>太字</b>',
  )
  const page = await get('/outbox/m-link')
  expect(page).toContain(
    '<a href="https://yorisoi.example/r/abc?x=1&amp;y=&quot;2&quot;&amp;z=3" rel="noreferrer">https://yorisoi.example/r/abc?x=1&amp;y=&quot;2&quot;&amp;z=3</a> です。',
  )
  expect(page).not.toContain('href="javascript')
  expect(page).toContain('&lt;b&gt;太字&lt;/b&gt;')
})

it('pages beyond the newest 100: the older page shows the oldest', async () => {
  const statements = Array.from({ length: 101 }, (_, i) =>
    env.DB.prepare(
      `INSERT INTO outbox (id, idempotency_key, tenant_slug, channel, recipient, subject, text, html, created_at)
       VALUES (?1, ?1, 'sakura-city', 'email', 'hanako@example.jp', ?2, '本文', NULL, ?3)`,
    ).bind(
      `m${String(i).padStart(3, '0')}`,
      `no-${String(i).padStart(3, '0')}`,
      new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
    ),
  )
  await env.DB.batch(statements)

  const first = await get('/outbox')
  expect(first).toContain('no-100')
  expect(first).toContain('no-001')
  expect(first).not.toContain('no-000')
  const older = first.match(/href="(\/outbox\?before=[^"]+)"/)?.[1]
  expect(older).toBeDefined()
  const second = await get(older!.replaceAll('&amp;', '&'))
  expect(second).toContain('no-000')
  expect(second).not.toContain('no-001')
})
