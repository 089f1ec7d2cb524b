import { env } from 'cloudflare:workers'
import { inject } from 'vitest'
import { app } from '../../../edge/app'
import { validRegistration } from './resident-http'
import { shardOf } from './shards'
import { freshIp } from './verification'

// A resident's side of the Worker, for the shard proofs: pages asked and forms posted as a browser
// on our own pages does, and the links the town's messages carry, read in the town's shard.

export const origin = 'http://edge.test'
export const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const bindings = { ...env, TENANT_SECRETS_KEY: secretsKey, LINE_API_BASE_URL: inject('fakeLineUrl') }

export const request = (path: string, init: RequestInit = {}) =>
  app.request(`${origin}${path}`, { redirect: 'manual', ...init }, bindings)

export const form = (path: string, fields: Record<string, string>) =>
  request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin, 'cf-connecting-ip': freshIp() },
    body: new URLSearchParams(fields),
  })

/** The path of the first `prefix` link in the latest message to `recipient`, in the town's shard. */
export async function linkTo(town: string, recipient: string, prefix: string): Promise<string> {
  const db = await shardOf(town)
  const row = await db
    .prepare('SELECT text FROM outbox WHERE recipient = ?1 ORDER BY rowid DESC')
    .bind(recipient)
    .first<{ text: string }>()
  const path = row?.text.match(new RegExp(`${origin}(${prefix}[A-Za-z0-9_-]+)`))?.[1]
  if (!path) throw new Error(`no ${prefix} link to ${recipient} in ${town}'s shard`)
  return path
}

/** Registers by email in sakura-city and confirms: the address and the manage page's path. */
export async function registerByEmail(): Promise<{ address: string; manage: string }> {
  const fields = validRegistration()
  const registered = await form('/t/sakura-city', fields)
  if (registered.status !== 303) throw new Error(`registration answered ${registered.status}`)
  const confirmed = await form(await linkTo('sakura-city', fields.address!, '/c/'), {})
  const manage = confirmed.headers.get('location')?.split('?')[0]
  if (!manage) throw new Error(`confirmation answered ${confirmed.status}`)
  return { address: fields.address!, manage }
}

/** A link's bare token: its path segment without the shard prefix (tokens are 22 characters). */
export const bareToken = (path: string) => (path.split('/')[2] ?? '').slice(-22)
