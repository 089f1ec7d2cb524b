import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { app } from '../../edge/app'
import { storeTenantSecret } from '../../edge/channels/secrets'
import { afterRuns } from '../../edge/housekeeping'
import { loadActiveSnapshot } from '../../edge/snapshot/read'
import { consultationsPage, inboxConsultation, type TenantPart } from '../../shared/contract'
import { twilioSignature } from '../fakes/webhook-signatures'
import { lineUserId, signedWebhook, textEvent } from './support/line-webhook'
import { minato, residentInShard, sakura, storeOnTwoShards } from './support/second-shard'
import { shardOf } from './support/shards'
import { accessRows, signAssertion } from './support/staff'

// Two-way LINE (みなと町, shard 2) and SMS (さくら市, shard 1): a resident's text becomes a
// consultation in the town's inbox, staff work it through the staff API, everything logged.

const fakeLine = inject('fakeLineUrl')
const fakeTwilio = inject('fakeTwilioUrl')
const origin = 'http://edge.test'
const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const bindings = {
  ...env,
  TENANT_SECRETS_KEY: secretsKey,
  LINE_API_BASE_URL: fakeLine,
  TWILIO_API_BASE_URL: fakeTwilio,
  PUBLIC_ORIGIN: origin,
}
const lineSecret = 'inbox-line-channel-secret'
const twilio = {
  accountSid: `AC${'0123456789abcdef'.repeat(2)}`,
  authToken: 'inbox-auth',
  from: '+815012340000',
}

const interpreted: TenantPart = {
  ...minato,
  tenant: {
    ...minato.tenant,
    workspace: { ...minato.tenant.workspace, interpreterLine: '通訳 0120-111-222（平日）' },
  },
}

const request = (path: string, init: RequestInit = {}) =>
  app.request(`${origin}${path}`, { redirect: 'manual', ...init }, bindings)

const staff = async (path: string, who: Parameters<typeof signAssertion>[0] = {}, body?: unknown) =>
  request(`/staff${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${await signAssertion(who)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

const inbox = async (tenant: string, query = '', who: Parameters<typeof signAssertion>[0] = {}) => {
  const response = await staff(`/consultations?tenant=${tenant}${query}`, { tenants: [tenant], ...who })
  expect(response.status, await response.clone().text()).toBe(200)
  return consultationsPage.parse(await response.json())
}

/** A LINE text to みなと町's account; the replies the fake LINE got for it. */
async function lineText(userId: string, text: string) {
  const event = textEvent(userId, text)
  const { body, headers } = await signedWebhook(lineSecret, [event])
  const response = await request('/webhooks/line/minato-town', { method: 'POST', body, headers })
  expect(response.status).toBe(200)
  const stats = (await (
    await fetch(`${fakeLine}/__fake/stats`, { method: 'POST', body: 'null' })
  ).json()) as {
    replies: { replyToken: string; texts: string[] }[]
  }
  return stats.replies.filter((r) => r.replyToken === event.replyToken).flatMap((r) => r.texts)
}

/** An SMS reply to さくら市's number, signed as Twilio signs it. */
async function smsReply(from: string, body: string) {
  const params = {
    MessageSid: `SM${crypto.randomUUID().replaceAll('-', '')}`,
    AccountSid: twilio.accountSid,
    From: from,
    To: twilio.from,
    Body: body,
  }
  const url = `${origin}/webhooks/twilio/sakura-city/inbound`
  const response = await request('/webhooks/twilio/sakura-city/inbound', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': await twilioSignature(twilio.authToken, url, params),
    },
    body: new URLSearchParams(params).toString(),
  })
  expect(response.status).toBe(200)
}

/** SMS the fake Twilio accepted for a number. */
const smsTo = async (to: string) => {
  const stats = (await (
    await fetch(`${fakeTwilio}/__fake/stats`, { method: 'POST', body: 'null' })
  ).json()) as {
    deliveries: Record<string, number>
  }
  return stats.deliveries[to] ?? 0
}

async function secret(tenant: string, name: string, value: string) {
  await storeTenantSecret(env.DB, secretsKey, { tenant, name, value, now: new Date() })
}

async function smsResident(id: string, number: string, state = 'active') {
  await residentInShard(id, { tenant: 'sakura-city', channel: 'sms' })
  await (await shardOf('sakura-city'))
    .prepare('UPDATE subscribers SET address = ?2, state = ?3 WHERE id = ?1')
    .bind(id, number, state)
    .run()
}

beforeAll(async () => {
  await storeOnTwoShards('staff-inbox-0001', { sakura, minato: interpreted })
  await secret('minato-town', 'line.channelSecret', lineSecret)
  await secret('minato-town', 'line.channelAccessToken', 'inbox-access-token')
  await secret('sakura-city', 'twilio.credentials', JSON.stringify(twilio))
})

describe('two-way LINE', () => {
  it("a linked resident's text becomes a consultation of her town, acknowledged by reply once a day", async () => {
    await residentInShard('mn-aoi', { tenant: 'minato-town', channel: 'line' })
    const user = 'Umn-aoi'
    const first = await lineText(user, '夜に眠れなくて不安です')
    expect(first).toHaveLength(1)
    expect(first[0]).toContain('受付時間')
    expect(first[0]).not.toContain('119')
    // The second text of the day is kept too, and not answered again.
    expect(await lineText(user, 'もうひとつ、母乳のことも聞きたいです')).toEqual([])

    const page = await inbox('minato-town', '', { role: 'desk' })
    const mine = page.consultations.filter((c) => c.source === 'line')
    expect(mine.map((c) => c.text)).toEqual([
      'もうひとつ、母乳のことも聞きたいです',
      '夜に眠れなくて不安です',
    ])
    expect(mine[0]).toMatchObject({
      status: 'new',
      urgent: false,
      language: 'ja',
      interpreterLine: null,
      nickname: 'はな',
      household: 't-mn-aoi',
      assignee: null,
    })
    // The desk's email stays, as the notice.
    const mails = await (await shardOf('minato-town'))
      .prepare("SELECT text FROM outbox WHERE channel = 'email' AND text LIKE '%LINEで届きました%'")
      .all<{ text: string }>()
    expect(mails.results.length).toBe(2)
  })

  it('an urgent text puts the emergency numbers first; a non-Japanese resident shows with the interpreter line', async () => {
    await residentInShard('mn-sita', { tenant: 'minato-town', channel: 'line' })
    await (await shardOf('minato-town'))
      .prepare("UPDATE subscribers SET language = 'ne' WHERE id = 'mn-sita'")
      .run()
    const [ack] = await lineText('Umn-sita', 'bleeding a lot since this morning')
    expect(ack?.split('\n')[0]).toContain('すぐ電話してください')
    expect(ack?.indexOf('119')).toBeLessThan(ack!.indexOf('受付時間'))
    const [first] = (await inbox('minato-town')).consultations
    expect(first).toMatchObject({
      urgent: true,
      language: 'ne',
      interpreterLine: '通訳 0120-111-222（平日）',
      source: 'line',
    })
  })

  it('a redelivered LINE event opens one consultation and answers once', async () => {
    await residentInShard('mn-ren', { tenant: 'minato-town', channel: 'line' })
    const event = textEvent('Umn-ren', '同じメッセージが二度届きます')
    const { body, headers } = await signedWebhook(lineSecret, [event])
    for (let i = 0; i < 2; i++)
      expect((await request('/webhooks/line/minato-town', { method: 'POST', body, headers })).status).toBe(
        200,
      )
    const texts = (await inbox('minato-town')).consultations.map((c) => c.text)
    expect(texts.filter((t) => t === '同じメッセージが二度届きます')).toHaveLength(1)
    const stats = (await (
      await fetch(`${fakeLine}/__fake/stats`, { method: 'POST', body: 'null' })
    ).json()) as {
      replies: { replyToken: string }[]
    }
    expect(stats.replies.filter((r) => r.replyToken === event.replyToken)).toHaveLength(1)
  })

  it('a linking code is still a code, and an unknown LINE user leaves nothing in the inbox', async () => {
    const before = (await inbox('minato-town')).consultations.length
    const stranger = await lineText(lineUserId(), '相談したいです')
    expect(stranger[0]).toContain('8けたのコード')
    const code = await lineText('Umn-aoi', '1234 5678')
    expect(code.join()).not.toContain('受付時間')
    expect((await inbox('minato-town')).consultations.length).toBe(before)
  })
})

describe('two-way SMS', () => {
  it('a reply that is not a keyword becomes a consultation, acknowledged by SMS at most once a day', async () => {
    await smsResident('sk-sms-1', '+819055550001')
    await smsReply('+819055550001', 'ミルクの量について相談したいです')
    await smsReply('+819055550001', '夜だけ泣きます')
    await smsReply('+819055550001', 'もう一度お願いします')
    expect(await smsTo('+819055550001')).toBe(1)
    const page = await inbox('sakura-city', '&source=sms')
    expect(page.consultations.map((c) => c.text)).toEqual([
      'もう一度お願いします',
      '夜だけ泣きます',
      'ミルクの量について相談したいです',
    ])
    expect(page.consultations.every((c) => c.source === 'sms' && c.household === 't-sk-sms-1')).toBe(true)
  })

  it('STOP and START still act as keywords and open no consultation; HELP neither', async () => {
    await smsResident('sk-sms-2', '+819055550002')
    await smsReply('+819055550002', 'HELP')
    await smsReply('+819055550002', 'STOP')
    const db = await shardOf('sakura-city')
    expect(
      await db.prepare("SELECT state FROM subscribers WHERE id = 'sk-sms-2'").first<{ state: string }>(),
    ).toEqual({ state: 'stopped' })
    await smsReply('+819055550002', 'START')
    const texts = (await inbox('sakura-city', '&source=sms')).consultations.map((c) => c.text)
    expect(texts).not.toContain('STOP')
    expect(texts).not.toContain('HELP')
    expect(texts).not.toContain('START')
    expect(await smsTo('+819055550002')).toBe(0)
  })

  it('an unknown number, a paused resident and a resident of another town get nothing and open nothing', async () => {
    await smsResident('sk-sms-3', '+819055550003', 'paused')
    await residentInShard('mn-sms-4', { tenant: 'minato-town', channel: 'sms' })
    await (await shardOf('minato-town'))
      .prepare("UPDATE subscribers SET address = '+819055550004' WHERE id = 'mn-sms-4'")
      .run()
    const before = (await inbox('sakura-city')).consultations.length
    for (const from of ['+819055550099', '+819055550003', '+819055550004']) await smsReply(from, '相談です')
    expect((await inbox('sakura-city')).consultations.length).toBe(before)
    for (const from of ['+819055550099', '+819055550003', '+819055550004']) expect(await smsTo(from)).toBe(0)
  })
})

describe('the inbox for staff', () => {
  it('lists urgent first, filters, pages, and writes one access-log row per list', async () => {
    const db = await shardOf('minato-town')
    const before = (await accessRows(db, 'minato-town')).length
    const page = await inbox('minato-town', '&limit=1', { sub: 'desk-9', role: 'desk' })
    expect(page.consultations).toHaveLength(1)
    expect(page.consultations[0]!.urgent).toBe(true)
    expect(page.next).toBe(2)
    const second = await inbox('minato-town', '&limit=1&page=2', { sub: 'desk-9', role: 'desk' })
    expect(second.consultations[0]!.id).not.toBe(page.consultations[0]!.id)
    const rows = (await accessRows(db, 'minato-town')).slice(before)
    expect(rows.map((r) => [r.staff_user, r.action, r.filter, r.count, r.household_id])).toEqual([
      ['desk-9', 'list-consultations', null, 1, null],
      ['desk-9', 'list-consultations', 'page=2', 1, null],
    ])
    expect(JSON.stringify(rows)).not.toContain('眠れなくて')
  })

  it('moves a consultation new → in-progress → closed with an assignee, logged as update-consultation', async () => {
    const [target] = (await inbox('sakura-city', '&source=sms')).consultations
    const nurse = { tenants: ['sakura-city'], sub: 'nurse-3' }
    const taken = await staff(`/consultations/${target!.id}?tenant=sakura-city`, nurse, {
      status: 'in-progress',
      assignee: 'nurse-3',
    })
    expect(taken.status).toBe(200)
    expect(
      inboxConsultation.parse(((await taken.json()) as { consultation: unknown }).consultation),
    ).toMatchObject({ status: 'in-progress', assignee: 'nurse-3', closedAt: null })
    expect((await inbox('sakura-city', '&assignee=nurse-3')).consultations.map((c) => c.id)).toEqual([
      target!.id,
    ])
    const closed = await staff(`/consultations/${target!.id}?tenant=sakura-city`, nurse, { status: 'closed' })
    const body = (await closed.json()) as { consultation: { status: string; closedAt: string | null } }
    expect(body.consultation.status).toBe('closed')
    expect(body.consultation.closedAt).not.toBeNull()
    expect(
      (await inbox('sakura-city', '&status=new&source=sms')).consultations.map((c) => c.id),
    ).not.toContain(target!.id)
    const log = (await accessRows(await shardOf('sakura-city'), 'sakura-city')).filter(
      (r) => r.action === 'update-consultation',
    )
    expect(log.map((r) => [r.staff_user, r.household_id, r.filter, r.count])).toEqual([
      ['nurse-3', 't-sk-sms-1', `consultation=${target!.id}&status=in-progress&assignee=nurse-3`, 1],
      ['nurse-3', 't-sk-sms-1', `consultation=${target!.id}&status=closed`, 1],
    ])
  })

  it('names the nurse assigned to the household', async () => {
    const db = await shardOf('sakura-city')
    await db
      .prepare(
        `INSERT INTO household_nurses (household_id, tenant_slug, nurse_user, nurse_name, assigned_by, assigned_at)
         VALUES ('t-sk-sms-1', 'sakura-city', 'nurse-3', '保健師 さとう', 'desk-1', ?1)`,
      )
      .bind(new Date().toISOString())
      .run()
    const [one] = (await inbox('sakura-city', '&source=sms')).consultations
    expect(one!.nurse).toEqual({ user: 'nurse-3', name: '保健師 さとう' })
  })

  it("refuses another town's consultation, a privacy officer, bad input, and an expired assertion", async () => {
    const [minatos] = (await inbox('minato-town')).consultations
    const sakuraNurse = { tenants: ['sakura-city'] }
    const sakuraLog = (await accessRows(await shardOf('sakura-city'), 'sakura-city')).length
    const minatoLog = (await accessRows(await shardOf('minato-town'), 'minato-town')).length
    expect((await staff('/consultations?tenant=minato-town', sakuraNurse)).status).toBe(403)
    expect(
      (await staff(`/consultations/${minatos!.id}?tenant=minato-town`, sakuraNurse, { status: 'closed' }))
        .status,
    ).toBe(403)
    // Under one's own town, another town's consultation is not found, and stays as it was.
    const crossed = await staff(`/consultations/${minatos!.id}?tenant=sakura-city`, sakuraNurse, {
      status: 'closed',
    })
    expect(crossed.status).toBe(404)
    expect((await inbox('minato-town')).consultations[0]!.status).toBe('new')
    const officer = { tenants: ['sakura-city'], role: 'privacy-officer' }
    expect((await staff('/consultations?tenant=sakura-city', officer)).status).toBe(403)
    const bad = await staff(`/consultations/${minatos!.id}?tenant=sakura-city`, sakuraNurse, {
      status: 'done',
    })
    expect(bad.status).toBe(400)
    const empty = await staff(`/consultations/${minatos!.id}?tenant=sakura-city`, sakuraNurse, {})
    expect(await empty.text()).toContain('状態か担当者を指定してください / Give a status or an assignee')
    expect((await staff('/consultations?tenant=sakura-city&status=open', sakuraNurse)).status).toBe(400)
    expect(
      (await staff('/consultations?tenant=sakura-city', { ...sakuraNurse, issuedAgo: 200, lifetime: 60 }))
        .status,
    ).toBe(401)
    // One row: the 404 under one's own town; refusals before the shard is read log nothing.
    expect((await accessRows(await shardOf('sakura-city'), 'sakura-city')).length).toBe(sakuraLog + 1)
    expect((await accessRows(await shardOf('minato-town'), 'minato-town')).length).toBe(minatoLog + 1)
  })

  it('marks only an interview request done, never another consultation', async () => {
    const [one] = (await inbox('sakura-city', '&source=sms')).consultations
    const answer = await staff(
      `/consultations/${one!.id}/interview?tenant=sakura-city`,
      { tenants: ['sakura-city'] },
      {
        doneOn: '2026-11-30',
      },
    )
    expect(answer.status).toBe(404)
    const future = await staff(
      `/consultations/${one!.id}/interview?tenant=sakura-city`,
      { tenants: ['sakura-city'] },
      {
        doneOn: '2999-01-01',
      },
    )
    expect(future.status).toBe(400)
  })
})

describe('retention', () => {
  it("deletes closed consultations older than the town's consultationDays, and keeps open ones", async () => {
    const db = await shardOf('sakura-city')
    await smsResident('sk-old', '+819055550010')
    const old = new Date(Date.now() - 1200 * 86_400_000).toISOString()
    await db.batch(
      ['closed', 'new'].map((status) =>
        db
          .prepare(
            `INSERT INTO consultations (id, subscriber_id, tenant_slug, category, text, contact_by, urgent, source, status, closed_at, created_at)
             VALUES (?1, 'sk-old', 'sakura-city', 'other', '古い相談', 'none', 0, 'form', ?2, ?3, ?4)`,
          )
          .bind(`old-${status}`, status, status === 'closed' ? old : null, old),
      ),
    )
    const snapshot = await loadActiveSnapshot(env.DB)
    for (const chore of await afterRuns(bindings, snapshot!, new Date()))
      if (chore.name.startsWith('closed consultations:')) await chore.run()
    const left = await db.prepare("SELECT id FROM consultations WHERE id LIKE 'old-%'").all<{ id: string }>()
    expect(left.results.map((r) => r.id)).toEqual(['old-new'])
  })
})
