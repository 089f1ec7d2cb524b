import { env, exports } from 'cloudflare:workers'
import { beforeAll, expect } from 'vitest'
import {
  firstInShards,
  linkInOutbox,
  origin,
  post,
  subscriberByAddress,
  validRegistration,
} from '../../edge/support/resident-http'
import { freshIp } from '../../edge/support/verification'
import { attack } from '../support/attempts'
import { pageOf, publishTowns, type Victim, victim } from './support/towns'

// Every resident form, posted by another site (a foreign Origin, a null one, a cross-site fetch
// mark) or by a page that sends no Origin at all: 403 before anything is read, the resident
// untouched. (The one-tap stop link /s/ takes cross-site posts by design: RFC 8058 mail providers.)

/** Ways another site's page (or a client hiding where it comes from) posts a form. */
const forgeries: { name: string; headers: Record<string, string> }[] = [
  { name: 'no Origin', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
  {
    name: 'foreign Origin',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
  },
  { name: 'Origin null', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'null' } },
  {
    name: 'cross-site fetch',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
  },
  {
    name: 'text/plain from a foreign Origin',
    headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
  },
  {
    name: 'lookalike Origin',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: `${origin}.evil.example` },
  },
]

const attacker = 'attacker@evil.example'

let resident: Victim
let pendingAddress: string
let pendingConfirm: string

beforeAll(async () => {
  await publishTowns('attack-csrf-0001')
  resident = await victim('sakura-city', { nickname: 'まもるひと' })
  // Registered, not yet confirmed: their confirmation link must survive the forgeries.
  const pending = validRegistration({ nickname: 'まだのひと' })
  await post('/t/sakura-city', pending, { ip: freshIp() })
  pendingAddress = pending.address!
  pendingConfirm = await linkInOutbox(pendingAddress, '/c/')
})

const randomSegment = () => `1${crypto.randomUUID().replaceAll('-', '').slice(0, 22)}`

/** Every resident form and what a forger would put in it. */
function forms(): [string, Record<string, string>][] {
  const r = resident.manage
  return [
    ['/t/sakura-city', validRegistration({ address: attacker })],
    ['/t/sakura-city/resend', { address: attacker }],
    [pendingConfirm, {}],
    [`${r}/consult`, { text: '偽の相談', urgency: 'urgent' }],
    [`${r}/address`, { channel: 'email', address: attacker }],
    [`${r}/nickname`, { nickname: 'のっとり' }],
    [`${r}/due`, { date: '2027-01-01' }],
    [`${r}/birth`, { date: '2026-11-01' }],
    [`${r}/pause`, { days: '30' }],
    [`${r}/resume`, {}],
    [`${r}/stop`, {}],
    [`${r}/new-link`, {}],
    [`${r}/delete`, { confirm: 'yes' }],
    [`${r}/loss`, { confirm: 'yes' }],
    [`${r}/invite`, { audience: 'partner' }],
    [`${r}/members/remove`, { member: 'all' }],
    [`${r}/timelines`, { stage: 'due', date: '2027-03-01' }],
    [`${r}/language`, { language: 'en' }],
    [`${r}/move`, { tenant: 'minato-town' }],
    [`${r}/move/minato-town`, { confirm: 'yes' }],
    [`${r}/restart`, {}],
    [`/i/${randomSegment()}`, { nickname: 'のっとり' }],
    [`/q/${randomSegment()}`, { q1: '1' }],
    [`/v/${randomSegment()}`, { code: '123456' }],
    [`/v/${randomSegment()}/resend`, {}],
  ]
}

const body = (fields: Record<string, string>, type: string) =>
  type === 'text/plain'
    ? Object.entries(fields)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n')
    : new URLSearchParams(fields)

attack('csrf', 'every resident form, posted without our Origin', async (attempts) => {
  for (const [path, fields] of forms()) {
    for (const forgery of forgeries) {
      await attempts.refused(async () => {
        const response = await exports.default.fetch(`${origin}${path}`, {
          method: 'POST',
          headers: { ...forgery.headers, 'cf-connecting-ip': freshIp() },
          body: body(fields, forgery.headers['content-type']!),
          redirect: 'manual',
        })
        expect(response.status, `${path} (${forgery.name})`).toBe(403)
        expect(await response.text()).toContain('送信できませんでした')
      })
    }
  }
  // Nothing changed: the resident as they were, their link working, nobody new, nothing sent.
  expect(await subscriberByAddress(resident.address)).toMatchObject({
    state: 'active',
    nickname: resident.nickname,
  })
  expect(await pageOf(resident.manage)).toContain(resident.nickname)
  expect(await subscriberByAddress(attacker)).toBeNull()
  expect(await firstInShards('SELECT 1 FROM outbox WHERE recipient = ?1', attacker)).toBeNull()
  expect(await firstInShards('SELECT 1 FROM consultations WHERE text = ?1', '偽の相談')).toBeNull()
  expect((await subscriberByAddress(pendingAddress))?.state).toBe('pending')
  const confirmed = await post(pendingConfirm, {})
  expect(confirmed.status).toBe(303)
  expect((await subscriberByAddress(pendingAddress))?.state).toBe('active')
})

attack('csrf', "the outbox's run-now, even with the outbox key's cookie", async (attempts) => {
  const cookie = `outbox_key=${env.OUTBOX_KEY}`
  for (const forgery of forgeries) {
    await attempts.refused(async () => {
      const response = await exports.default.fetch(`${origin}/outbox/run-now`, {
        method: 'POST',
        headers: { ...forgery.headers, cookie },
        body: '',
        redirect: 'manual',
      })
      expect(response.status, forgery.name).toBe(403)
    })
  }
  expect(await firstInShards('SELECT 1 FROM tenant_runs WHERE enqueued > 0')).toBeNull()
})
