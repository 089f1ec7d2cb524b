import { env } from 'cloudflare:workers'
import { allShards, shardDatabase } from '../../../edge/shards/databases'
import { readLinkSegment } from '../../../edge/shards/links'
import { dateFromToday, firstInShards, post, validRegistration } from './resident-http'

let ipCounter = 0
/** A fresh documentation address per call, so one test's rate limits never touch another's. */
export const freshIp = () => {
  ipCounter += 1
  return `198.18.${(ipCounter >> 8) & 255}.${ipCounter & 255}`
}

/** A Japanese mobile number nobody else in the test file uses, as a resident types it. */
export function freshMobile(): { typed: string; e164: string } {
  // 090-0xxx is not an allocated range; 090-1000-0000 to 090-9999-9999 are.
  const digits = String(10_000_000 + Math.floor(Math.random() * 9e7))
  return { typed: `090-${digits.slice(0, 4)}-${digits.slice(4)}`, e164: `+8190${digits}` }
}

/** The messages the local outbox (of every shard) holds for a recipient, oldest first. */
export async function outboxFor(recipient: string) {
  const messages: { subject: string | null; text: string; channel: string; createdAt: string }[] = []
  for (const { db } of allShards(env)) {
    const { results } = await db
      .prepare(
        'SELECT subject, text, channel, created_at AS createdAt FROM outbox WHERE recipient = ?1 ORDER BY created_at, rowid',
      )
      .bind(recipient)
      .all<{ subject: string | null; text: string; channel: string; createdAt: string }>()
    messages.push(...results)
  }
  // Stable: within one shard the order is kept; across shards, by time.
  return messages
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map(({ createdAt: _, ...message }) => message)
}

/** The code in the latest SMS to this number. */
export async function latestCode(e164: string): Promise<string> {
  const texts = await outboxFor(e164)
  const code = texts.at(-1)?.text.match(/確認コード (\d{6})/)?.[1]
  if (!code) throw new Error('no code in the outbox for this number')
  return code
}

/** Registers by SMS (in Sakura unless `tenant` says); returns the response, the code page path and the number. */
export async function registerBySms(
  options: {
    mobile?: { typed: string; e164: string }
    ip?: string
    fields?: Record<string, string>
    tenant?: string
  } = {},
) {
  const mobile = options.mobile ?? freshMobile()
  const response = await post(
    `/t/${options.tenant ?? 'sakura-city'}`,
    validRegistration({ channel: 'sms', address: mobile.typed, date: dateFromToday(120), ...options.fields }),
    { ip: options.ip ?? freshIp() },
  )
  return { response, codePage: response.headers.get('location') ?? '', mobile }
}

/** The shard database a code page's prefix names (shard 1 for a bare handle). */
export function shardOfPage(codePage: string) {
  const named = readLinkSegment(codePage.replace('/v/', '').split('?')[0]!)
  return shardDatabase(env, named?.shard ?? 1)
}

export async function verificationOf(codePage: string) {
  const segment = codePage.replace('/v/', '').split('?')[0]!
  const handle = readLinkSegment(segment)?.token ?? segment
  const id = [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(handle)))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
  return shardOfPage(codePage)
    .prepare(
      'SELECT id, subscriber_id AS subscriberId, purpose, code_hash AS codeHash, attempts, sends FROM verifications WHERE id = ?1',
    )
    .bind(id)
    .first<{
      id: string
      subscriberId: string | null
      purpose: string
      codeHash: string | null
      attempts: number
      sends: number
    }>()
}

/** Moves a verification's clock: its code expired, or its last send a while ago. */
export async function age(codePage: string, change: { expired?: boolean; sentMinutesAgo?: number }) {
  const v = await verificationOf(codePage)
  const db = shardOfPage(codePage)
  if (change.expired)
    await db
      .prepare("UPDATE verifications SET expires_at = '2000-01-01T00:00:00.000Z' WHERE id = ?1")
      .bind(v!.id)
      .run()
  if (change.sentMinutesAgo !== undefined)
    await db
      .prepare('UPDATE verifications SET sent_at = ?2 WHERE id = ?1')
      .bind(v!.id, new Date(Date.now() - change.sentMinutesAgo * 60_000).toISOString())
      .run()
}

/** The subscriber, in whichever shard their town is. */
export async function subscriberOf(id: string) {
  return firstInShards<{
    state: string
    channel: string
    address: string
    nextSendOn: string | null
    verifiedAt: string | null
  }>(
    'SELECT state, channel, address, next_send_on AS nextSendOn, address_verified_at AS verifiedAt FROM subscribers WHERE id = ?1',
    id,
  )
}
