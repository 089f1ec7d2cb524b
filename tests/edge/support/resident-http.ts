import { env, exports } from 'cloudflare:workers'
import { allShards } from '../../../edge/shards/databases'
import { storeSnapshot } from '../../../edge/snapshot/store'
import { fixtureSnapshot } from '../../../shared/contract/fixture'

export const origin = 'http://edge.test'

export async function seedFixtureTenants(): Promise<void> {
  await storeSnapshot(env.DB, await fixtureSnapshot())
}

export function get(path: string): Promise<Response> {
  return exports.default.fetch(`${origin}${path}`, { redirect: 'manual' })
}

/** A form post as a browser on our own page sends it. */
export function post(
  path: string,
  fields: Record<string, string>,
  options: { origin?: string | null; ip?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    'cf-connecting-ip': options.ip ?? '203.0.113.7',
  }
  const from = options.origin === undefined ? origin : options.origin
  if (from !== null) headers.origin = from
  return exports.default.fetch(`${origin}${path}`, {
    method: 'POST',
    headers,
    body: new URLSearchParams(fields),
    redirect: 'manual',
  })
}

export const validRegistration = (overrides: Record<string, string> = {}): Record<string, string> => ({
  nickname: 'はな',
  audience: 'primary',
  stage: 'due',
  date: dateFromToday(120),
  language: 'ja',
  channel: 'email',
  address: `hana-${crypto.randomUUID().slice(0, 8)}@example.jp`,
  consent: 'yes',
  noticeVersion: '2026-04',
  ...overrides,
})

/** Today in Tokyo plus n days, as YYYY-MM-DD. */
export function dateFromToday(days: number): string {
  const tokyo = new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000)
  return tokyo.toISOString().slice(0, 10)
}

/** A link's path segment: the shard prefix (none on a link sent before shards), then the token. */
export const segmentPattern = '[1-9]?[0-9]{0,3}[A-Za-z0-9_-]{22}'

/** The first row the statement finds in any shard (shard order), e.g. a resident by address. */
export async function firstInShards<T>(sql: string, ...binds: unknown[]): Promise<T | null> {
  for (const { db } of allShards(env)) {
    const row = await db
      .prepare(sql)
      .bind(...binds)
      .first<T>()
    if (row) return row
  }
  return null
}

/** The subscriber at this address, in whichever shard their town is. */
export async function subscriberByAddress(address: string) {
  return firstInShards<{
    id: string
    state: string
    nickname: string
    nextSendOn: string | null
    pausedUntil: string | null
    audience: string
  }>(
    `SELECT id, state, nickname, next_send_on AS nextSendOn, paused_until AS pausedUntil, audience
     FROM subscribers WHERE address = ?1`,
    address,
  )
}

/** The path of the first link in the message the outbox (of any shard) holds for this address, e.g. /c/1abc. */
export async function linkInOutbox(address: string, prefix: '/c/' | '/s/' | '/v/'): Promise<string> {
  const row = await firstInShards<{ text: string }>('SELECT text FROM outbox WHERE recipient = ?1', address)
  const match = row?.text.match(new RegExp(`${origin}(${prefix}[A-Za-z0-9_-]+)`))
  if (!match?.[1]) throw new Error(`no ${prefix} link in the outbox for this address`)
  return match[1]
}

/** Registers (in Sakura unless `tenant` says) and confirms; returns the manage page path. */
export async function registeredResident(overrides: Record<string, string> = {}, tenant = 'sakura-city') {
  const fields = validRegistration(overrides)
  const registered = await post(`/t/${tenant}`, fields, {
    ip: `198.51.100.${Math.floor(Math.random() * 250)}`,
  })
  if (registered.status !== 303) throw new Error(`registration answered ${registered.status}`)
  const confirmed = await post(await linkInOutbox(fields.address!, '/c/'), {})
  const manage = confirmed.headers.get('location')
  if (!manage) throw new Error(`confirmation answered ${confirmed.status}`)
  return { address: fields.address!, manage: manage.split('?')[0]! }
}
