import { env } from 'cloudflare:workers'
import type { D1Database } from '@cloudflare/workers-types'
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { app } from '../../edge/app'
import { storeTenantSecret } from '../../edge/channels/secrets'
import type { Env } from '../../edge/env'
import { eraseStatements } from '../../edge/resident/erase'
import { pruneStaffMessages } from '../../edge/staff-messages/retention'
import { type StaffMessageEntry, staffMessageEntry, staffMessagesPage } from '../../shared/contract'
import {
  minato as minatoPart,
  residentInShard,
  sakura as sakuraPart,
  storeOnTwoShards,
} from './support/second-shard'
import { shardOf } from './support/shards'
import { accessRows, signAssertion } from './support/staff'

const sakura = 'sakura-city'
const minato = 'minato-town'
const origin = 'http://edge.test'
const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const fakes = {
  resend: inject('fakeResendUrl'),
  line: inject('fakeLineUrl'),
  twilio: inject('fakeTwilioUrl'),
}
const withProviders = {
  ...env,
  TENANT_SECRETS_KEY: secretsKey,
  RESEND_BASE_URL: fakes.resend,
  LINE_API_BASE_URL: fakes.line,
  TWILIO_API_BASE_URL: fakes.twilio,
} as Env

interface Sent {
  status: number
  body: string
}

/** A staff API call as the CMS makes it: the assertion as a bearer token, JSON in. */
async function staffCall(
  path: string,
  options: { token: string | null; body?: unknown; withEnv?: Env; method?: 'GET' | 'POST' },
): Promise<Sent> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (options.token !== null) headers.authorization = `Bearer ${options.token}`
  const response = await app.request(
    `${origin}/staff${path}`,
    {
      method: options.method ?? 'POST',
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    },
    options.withEnv ?? env,
  )
  return { status: response.status, body: await response.text() }
}

const nurse = (tenant = sakura, sub = 'nurse-sakura-1') => signAssertion({ tenants: [tenant], sub })
const note = (text: string, extra: Record<string, unknown> = {}) => ({
  requestId: crypto.randomUUID(),
  text,
  authorName: '山田 花子',
  to: 'all',
  ...extra,
})

async function messageHousehold(household: string, body: unknown, tenant = sakura, withEnv?: Env) {
  return staffCall(`/families/${household}/messages?tenant=${tenant}`, {
    token: await nurse(tenant),
    body,
    ...(withEnv ? { withEnv } : {}),
  })
}

const entry = (sent: Sent): StaffMessageEntry => staffMessageEntry.parse(JSON.parse(sent.body))

async function outboxFor(db: D1Database, subscriber: string) {
  const { results } = await db
    .prepare('SELECT recipient, subject, text FROM outbox WHERE subscriber_id = ?1 ORDER BY created_at')
    .bind(subscriber)
    .all<{ recipient: string; subject: string | null; text: string }>()
  return results
}

async function control(fake: string, path: string, body?: unknown) {
  const response = await fetch(`${fake}/__fake/${path}`, {
    method: 'POST',
    body: JSON.stringify(body ?? null),
  })
  return (await response.json()) as {
    deliveries: Record<string, number>
    pushes?: { to: string; texts: string[] }[]
  }
}

beforeAll(async () => {
  // さくら市 writes to families by email and SMS, みなと町 by LINE.
  await storeOnTwoShards('staff-messages-0001', {
    sakura: sakuraPart,
    minato: minatoPart,
  })
  await residentInShard('sm-hana', { tenant: sakura, channel: 'email' })
  await residentInShard('sm-mika', { tenant: sakura, channel: 'email' })
  await residentInShard('sm-sora', { tenant: sakura, channel: 'sms' })
  await residentInShard('sm-rin', { tenant: sakura, channel: 'email' })
  await residentInShard('mn-yui', { tenant: minato, channel: 'line' })
  const db = await shardOf(sakura)
  // sm-rin stopped: a household where nobody receives.
  await db.prepare(`UPDATE subscribers SET state = 'stopped' WHERE id = 'sm-rin'`).run()
})

beforeEach(async () => {
  await env.DB.prepare('DELETE FROM tenant_secrets').run()
  for (const fake of Object.values(fakes)) await control(fake, 'reset')
})

describe('a note to one household', () => {
  it('goes to the family by email through the outbox, signed by the nurse and the town, with a link to reply', async () => {
    const sent = await messageHousehold('t-sm-hana', note('来週の両親学級、よければご一緒にどうぞ。'))
    expect(sent.status).toBe(201)
    const message = entry(sent)
    expect(message.deliveries).toEqual([
      { member: 'sm-hana', nickname: 'はな', channel: 'email', state: 'sent' },
    ])
    const [mail, ...more] = await outboxFor(await shardOf(sakura), 'sm-hana')
    expect(more).toEqual([])
    expect(mail?.recipient).toBe('sm-hana@example.jp')
    expect(mail?.subject).toBe('【さくら市】保健師からのお知らせ / A note from Sakura City')
    expect(mail?.text).toContain('さくら市 保健師 山田 花子からのメッセージです。')
    expect(mail?.text).toContain('来週の両親学級、よければご一緒にどうぞ。')
    const link = /返信・ご相談はこちらから \/ To reply: (\S+)/.exec(mail?.text ?? '')?.[1]
    expect(link).toMatch(new RegExp(`^${origin}/r/1[A-Za-z0-9_-]{22}/consult$`))
    // The link opens the resident's consultation form.
    const form = await app.request(link!, {}, env)
    expect(form.status).toBe(200)
    expect(await form.text()).toContain('相談')

    const listed = await staffCall(`/families/t-sm-hana/messages?tenant=${sakura}`, {
      token: await nurse(),
      method: 'GET',
    })
    expect(listed.status).toBe(200)
    const page = staffMessagesPage.parse(JSON.parse(listed.body))
    expect(page.members).toEqual([{ id: 'sm-hana', nickname: 'はな', channel: 'email', state: 'active' }])
    expect(page.messages.map((m) => [m.text, m.authorName, m.authorRole, m.deliveries[0]?.state])).toEqual([
      ['来週の両親学級、よければご一緒にどうぞ。', '山田 花子', 'nurse', 'sent'],
    ])
  })

  it('may be written twice the same day: each note is sent', async () => {
    const db = await shardOf(sakura)
    const before = (await outboxFor(db, 'sm-mika')).length
    expect((await messageHousehold('t-sm-mika', note('午前のお電話ありがとうございました。'))).status).toBe(
      201,
    )
    expect((await messageHousehold('t-sm-mika', note('午後、資料をお送りします。'))).status).toBe(201)
    const texts = (await outboxFor(db, 'sm-mika')).slice(before).map((m) => m.text)
    expect(texts).toHaveLength(2)
    expect(texts[0]).toContain('午前のお電話')
    expect(texts[1]).toContain('午後、資料を')
    const { results } = await db
      .prepare(`SELECT local_date FROM deliveries WHERE subscriber_id = 'sm-mika' AND kind = 'staff'`)
      .all<{ local_date: string }>()
    expect(new Set(results.map((r) => r.local_date)).size).toBe(1)
  })

  it('the same request twice (a double click, a retry) is one note, sent once', async () => {
    const db = await shardOf(sakura)
    const before = (await outboxFor(db, 'sm-mika')).length
    const body = note('明日の健診の持ち物です。')
    const first = entry(await messageHousehold('t-sm-mika', body))
    const again = entry(await messageHousehold('t-sm-mika', body))
    expect(again.id).toBe(first.id)
    expect(again.deliveries).toEqual(first.deliveries)
    expect((await outboxFor(db, 'sm-mika')).length).toBe(before + 1)
  })

  it('by email through Resend: a send whose answer was lost is sent again under its key — the family gets it once', async () => {
    await storeTenantSecret(env.DB, secretsKey, {
      tenant: sakura,
      name: 'resend.apiKey',
      value: 're_test',
      now: new Date(),
    })
    await control(fakes.resend, 'faults', ['crash-after-accept'])
    const body = note('出生届の後のご案内です。')
    const first = entry(await messageHousehold('t-sm-hana', body, sakura, withProviders))
    expect(first.deliveries.map((d) => d.state)).toEqual(['sending'])
    const again = entry(await messageHousehold('t-sm-hana', body, sakura, withProviders))
    expect(again.deliveries.map((d) => d.state)).toEqual(['sent'])
    const stats = await control(fakes.resend, 'stats')
    expect(Object.values(stats.deliveries)).toEqual([1])
    const emails = (await (
      await fetch(`${fakes.resend}/__fake/emails?to=sm-hana@example.jp`, { method: 'POST' })
    ).json()) as {
      subject: string
      text: string
    }[]
    expect(emails.at(-1)?.text).toContain('出生届の後のご案内です。')
  })

  it('by email when Resend refuses for now (429): shown as failed, and the same request again sends it', async () => {
    await storeTenantSecret(env.DB, secretsKey, {
      tenant: sakura,
      name: 'resend.apiKey',
      value: 're_test',
      now: new Date(),
    })
    await control(fakes.resend, 'faults', ['rate-limited'])
    const body = note('健診日の変更のお知らせです。')
    const first = entry(await messageHousehold('t-sm-hana', body, sakura, withProviders))
    expect(first.deliveries.map((d) => d.state)).toEqual(['failed'])
    expect(Object.values((await control(fakes.resend, 'stats')).deliveries)).toEqual([])
    const again = entry(await messageHousehold('t-sm-hana', body, sakura, withProviders))
    expect(again.deliveries.map((d) => d.state)).toEqual(['sent'])
    expect(Object.values((await control(fakes.resend, 'stats')).deliveries)).toEqual([1])
  })

  it('by LINE to a family of みなと町 (shard 2) through the LINE API', async () => {
    await storeTenantSecret(env.DB, secretsKey, {
      tenant: minato,
      name: 'line.channelAccessToken',
      value: 'line-token',
      now: new Date(),
    })
    const sent = await messageHousehold(
      't-mn-yui',
      note('ゆいさん、体調はいかがですか。'),
      minato,
      withProviders,
    )
    expect(sent.status).toBe(201)
    expect(entry(sent).deliveries.map((d) => [d.channel, d.state])).toEqual([['line', 'sent']])
    const stats = await control(fakes.line, 'stats')
    expect(stats.pushes).toEqual([
      {
        to: 'Umn-yui',
        texts: [
          expect.stringContaining('みなと町 保健師 山田 花子からのメッセージです。'),
          'ゆいさん、体調はいかがですか。',
          expect.stringMatching(
            /^返信・ご相談はこちらから \/ To reply: http:\/\/edge\.test\/r\/2\S+\/consult$/,
          ),
        ],
      },
    ])
    const rows = await accessRows(await shardOf(minato), minato)
    expect(rows.at(-1)).toMatchObject({ action: 'message-household', household_id: 't-mn-yui', count: 1 })
  })

  it('by SMS at most once: an answer lost is flagged for a person, never sent again', async () => {
    await storeTenantSecret(env.DB, secretsKey, {
      tenant: sakura,
      name: 'twilio.credentials',
      value: JSON.stringify({
        accountSid: `AC${'0123456789abcdef'.repeat(2)}`,
        authToken: 't',
        from: 'SakuraCity',
      }),
      now: new Date(),
    })
    await control(fakes.twilio, 'faults', ['crash-after-accept'])
    const body = note('そらさん、明日お電話します。')
    const first = entry(await messageHousehold('t-sm-sora', body, sakura, withProviders))
    expect(first.deliveries.map((d) => [d.channel, d.state])).toEqual([['sms', 'flagged']])
    const again = entry(await messageHousehold('t-sm-sora', body, sakura, withProviders))
    expect(again.deliveries.map((d) => d.state)).toEqual(['flagged'])
    expect((await control(fakes.twilio, 'stats')).deliveries).toEqual({ '+819012345678': 1 })
  })

  it('writes one access-log row per note: who, which household, how many deliveries — never the words', async () => {
    const db = await shardOf(sakura)
    await messageHousehold('t-sm-hana', note('ログに残らない本文'))
    const row = (await accessRows(db, sakura)).at(-1)
    expect(row).toMatchObject({
      staff_user: 'nurse-sakura-1',
      role: 'nurse',
      action: 'message-household',
      household_id: 't-sm-hana',
      count: 1,
    })
    expect(JSON.stringify(await accessRows(db, sakura))).not.toContain('ログに残らない本文')
  })
})

describe('refusals', () => {
  const path = `/families/t-sm-hana/messages?tenant=${sakura}`

  it('refuses without an assertion, with an expired one, for the privacy officer, and for another town — nothing sent', async () => {
    const db = await shardOf(sakura)
    const before = (await outboxFor(db, 'sm-hana')).length
    const body = note('届かないはずの本文')
    expect((await staffCall(path, { token: null, body })).status).toBe(401)
    const expired = await signAssertion({ tenants: [sakura], issuedAgo: 600 })
    expect((await staffCall(path, { token: expired, body })).status).toBe(401)
    const officer = await signAssertion({ tenants: [sakura], role: 'privacy-officer' })
    expect((await staffCall(path, { token: officer, body })).status).toBe(403)
    const minatoNurse = await nurse(minato, 'nurse-minato-1')
    const other = await staffCall(path, { token: minatoNurse, body })
    expect(other.status).toBe(403)
    expect(other.body).toBe('担当外の自治体です / You do not act for this town')
    // みなと町's nurse naming her own town still cannot reach さくら市's household.
    const underOwn = await staffCall(`/families/t-sm-hana/messages?tenant=${minato}`, {
      token: minatoNurse,
      body,
    })
    expect(underOwn.status).toBe(404)
    const reply = await staffCall(`/consultations/c-sm-hana/reply?tenant=${minato}`, {
      token: minatoNurse,
      body,
    })
    expect(reply.status).toBe(404)
    const read = await staffCall(`/families/t-sm-hana/messages?tenant=${minato}`, {
      token: minatoNurse,
      method: 'GET',
    })
    expect(read.status).toBe(404)
    expect((await outboxFor(db, 'sm-hana')).length).toBe(before)
  })

  it('refuses bad input with a bilingual reason, and a household where nobody receives', async () => {
    const long = await messageHousehold('t-sm-hana', note('あ'.repeat(1001)))
    expect(long.status).toBe(400)
    expect(long.body).toBe('本文は1000文字までです / The message is at most 1000 characters')
    const empty = await messageHousehold('t-sm-hana', note('   '))
    expect(empty.status).toBe(400)
    expect(empty.body).toBe('本文を入力してください / Write the message')
    const noId = await messageHousehold('t-sm-hana', { ...note('x'), requestId: 'again' })
    expect(noId.status).toBe(400)
    const stranger = await messageHousehold('t-sm-hana', note('x', { to: ['sm-mika'] }))
    expect(stranger.status).toBe(422)
    expect(stranger.body).toContain('宛先がこの世帯の方ではありません')
    const stopped = await messageHousehold('t-sm-rin', note('x'))
    expect(stopped.status).toBe(409)
    expect(stopped.body).toContain('配信中の方がいないため送れません')
    const notJson = await staffCall(`/families/t-sm-hana/messages?tenant=${sakura}`, {
      token: await nurse(),
      body: undefined,
    })
    expect(notJson.status).toBe(400)
  })
})

describe('a reply to a consultation', () => {
  beforeAll(async () => {
    const db = await shardOf(sakura)
    await db
      .prepare(
        `INSERT INTO consultations (id, subscriber_id, tenant_slug, category, text, contact_by, created_at)
         VALUES ('c-sm-hana', 'sm-hana', ?1, 'health', 'つわりがつらいです', 'registered', ?2)`,
      )
      .bind(sakura, new Date().toISOString())
      .run()
  })

  it('reaches the resident who consulted, takes the consultation in hand and is logged', async () => {
    const db = await shardOf(sakura)
    const before = (await outboxFor(db, 'sm-hana')).length
    const sent = await staffCall(`/consultations/c-sm-hana/reply?tenant=${sakura}`, {
      token: await nurse(),
      body: {
        requestId: crypto.randomUUID(),
        text: '無理をせず、水分をこまめにとってください。',
        authorName: '山田 花子',
      },
    })
    expect(sent.status).toBe(201)
    const reply = JSON.parse(sent.body) as StaffMessageEntry & { household: string }
    expect(reply).toMatchObject({ household: 't-sm-hana', consultation: 'c-sm-hana' })
    expect(reply.deliveries).toEqual([
      { member: 'sm-hana', nickname: 'はな', channel: 'email', state: 'sent' },
    ])
    const mails = (await outboxFor(db, 'sm-hana')).slice(before)
    expect(mails.map((m) => m.text)).toEqual([
      expect.stringContaining('無理をせず、水分をこまめにとってください。'),
    ])
    const status = await db.prepare(`SELECT status FROM consultations WHERE id = 'c-sm-hana'`).first('status')
    expect(status).toBe('in-progress')
    expect((await accessRows(db, sakura)).at(-1)).toMatchObject({
      action: 'reply-consultation',
      household_id: 't-sm-hana',
      count: 1,
    })
  })

  it('leaves a closed consultation closed', async () => {
    const db = await shardOf(sakura)
    await db.prepare(`UPDATE consultations SET status = 'closed' WHERE id = 'c-sm-hana'`).run()
    const sent = await staffCall(`/consultations/c-sm-hana/reply?tenant=${sakura}`, {
      token: await nurse(),
      body: { requestId: crypto.randomUUID(), text: 'その後いかがですか。', authorName: '山田 花子' },
    })
    expect(sent.status).toBe(201)
    expect(await db.prepare(`SELECT status FROM consultations WHERE id = 'c-sm-hana'`).first('status')).toBe(
      'closed',
    )
  })
})

describe('what is kept', () => {
  it("deletes notes past the town's staffMessageDays with their deliveries, and keeps the younger", async () => {
    const db = await shardOf(sakura)
    await residentInShard('sm-old', { tenant: sakura, channel: 'email' })
    await messageHousehold('t-sm-old', note('古いお知らせ'))
    await messageHousehold('t-sm-old', note('新しいお知らせ'))
    await db
      .prepare(
        `UPDATE staff_messages SET created_at = '2025-01-01T00:00:00.000Z' WHERE household_id = 't-sm-old' AND text = '古いお知らせ'`,
      )
      .run()
    const town = {
      ...sakuraPart.tenant,
      workspace: { retention: { accessLogDays: 1825, consultationDays: 1095, staffMessageDays: 365 } },
    }
    expect(await pruneStaffMessages(db, [town], new Date('2026-12-06T00:00:00Z'))).toBe(1)
    const left = await db
      .prepare(
        `SELECT m.text, (SELECT COUNT(*) FROM deliveries d WHERE d.staff_message_id = m.id) AS n
           FROM staff_messages m WHERE household_id = 't-sm-old'`,
      )
      .all()
    expect(left.results).toEqual([{ text: '新しいお知らせ', n: 1 }])
    const orphans = await db
      .prepare(`SELECT COUNT(*) AS n FROM deliveries WHERE subscriber_id = 'sm-old' AND kind = 'staff'`)
      .first('n')
    expect(orphans).toBe(1)
  })

  it('erases the notes and their deliveries with the household’s last member', async () => {
    const db = await shardOf(sakura)
    await residentInShard('sm-gone', { tenant: sakura, channel: 'email' })
    await messageHousehold('t-sm-gone', note('消えるお知らせ'))
    await db.batch(eraseStatements(db, ['sm-gone'], 'requested', {}))
    const count = (sql: string) => db.prepare(sql).first('n')
    expect(await count(`SELECT COUNT(*) AS n FROM staff_messages WHERE household_id = 't-sm-gone'`)).toBe(0)
    expect(await count(`SELECT COUNT(*) AS n FROM staff_messages WHERE text = '消えるお知らせ'`)).toBe(0)
    expect(await count(`SELECT COUNT(*) AS n FROM deliveries WHERE subscriber_id = 'sm-gone'`)).toBe(0)
  })
})
