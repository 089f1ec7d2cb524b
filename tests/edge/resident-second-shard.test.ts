import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { messageToken } from '../../edge/resident/link-tokens'
import { hashToken } from '../../edge/resident/tokens'
import type { Survey } from '../../shared/contract'
import { validConsultation } from './support/consultation'
import { get, origin, post } from './support/resident-http'
import { minato, residentInShard, rowsOf, storeOnTwoShards } from './support/second-shard'
import { shardNumberOf, shardOf } from './support/shards'
import { sakuraSurvey } from './support/surveys'

// みなと町 lives in shard 2: its residents' pages open from links with the prefix 2, and every
// row they write is there, none in the main database (shard 1).

const manifestId = 'second-shard-0001'
const minatoSurvey: Survey = { ...sakuraSurvey, id: 'minato-8m' }

beforeAll(async () => {
  await storeOnTwoShards(manifestId, { minato: { ...minato, surveys: [minatoSurvey] } })
  expect(await shardNumberOf('sakura-city')).toBe(1)
  expect(await shardNumberOf('minato-town')).toBe(2)
})

const shard2 = () => shardOf('minato-town')

const subscriber = async (id: string) =>
  (await shard2())
    .prepare('SELECT nickname, state, paused_until AS pausedUntil FROM subscribers WHERE id = ?1')
    .bind(id)
    .first<{ nickname: string; state: string; pausedUntil: string | null }>()

/** Nothing of theirs in the main database, shard 1. */
const nothingInMain = async (...ids: string[]) => expect(await rowsOf(env.DB, ids)).toEqual({})

describe('a town on shard 2', () => {
  it('the manage page opens from a link with the prefix 2, and its forms post back there and change shard 2 only', async () => {
    const r = await residentInShard('m-page')
    const page = await get(r.manage)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('みなと町')
    expect(html).toContain(`action="${r.manage}/nickname"`)
    expect(html).toContain(`href="${r.manage}/consult"`)

    const changed = await post(`${r.manage}/nickname`, { nickname: 'みなと' })
    expect(changed.status).toBe(303)
    expect(changed.headers.get('location')).toBe(`${r.manage}?done=nickname`)
    expect(await (await get(`${r.manage}?done=nickname`)).text()).toContain('value="みなと"')
    const paused = await post(`${r.manage}/pause`, { date: '2027-01-10' })
    expect(paused.status).toBe(303)
    expect(await subscriber('m-page')).toEqual({
      nickname: 'みなと',
      state: 'paused',
      pausedUntil: '2027-01-10',
    })
    await nothingInMain('m-page')

    // Without the prefix (or with another shard's) the token names no one there.
    expect((await get(`/r/${r.manageToken}`)).status).toBe(404)
    expect((await get(`/r/1${r.manageToken}`)).status).toBe(404)
    expect((await get(`/r/3${r.manageToken}`)).status).toBe(404)
  })

  it('the stop link with the prefix 2 stops them in one tap', async () => {
    const r = await residentInShard('m-stop')
    const page = await get(r.stop)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain(`action="${r.stop}"`)
    const stopped = await exports.default.fetch(`${origin}${r.stop}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(stopped.status).toBe(200)
    expect((await subscriber('m-stop'))?.state).toBe('stopped')
    const consent = await (await shard2())
      .prepare('SELECT withdrawn_at AS w FROM consents WHERE subscriber_id = ?1')
      .bind('m-stop')
      .first<{ w: string | null }>()
    expect(consent?.w).not.toBeNull()
    await nothingInMain('m-stop')
  })

  it('an invitation link carries the prefix 2, and the invitee’s rows are written in shard 2', async () => {
    const r = await residentInShard('m-inviter')
    const made = await post(`${r.manage}/invite`, {})
    expect(made.status).toBe(200)
    const link = (await made.text()).match(/http:\/\/edge\.test(\/i\/2[A-Za-z0-9_-]{22})"/)?.[1]
    expect(link).toBeDefined()
    const form = await get(link!)
    expect(form.status).toBe(200)
    const text = await form.text()
    expect(text).toContain('はなさんから')
    expect(text).toContain(`action="${link}"`)

    const accepted = await post(link!, {
      nickname: 'たろう',
      audience: 'partner',
      language: 'ja',
      channel: 'line',
      address: '',
      consent: 'yes',
      noticeVersion: 'v1',
    })
    expect(accepted.status).toBe(303)
    // The LINE code page (its shard's prefix is verification's to give).
    expect(accepted.headers.get('location')).toMatch(/^\/v\/2[A-Za-z0-9_-]{22}$/)
    const db = await shard2()
    const invitee = await db
      .prepare(
        `SELECT s.id, s.state, s.tenant_slug AS tenant FROM subscribers s
         JOIN timeline_members m ON m.subscriber_id = s.id WHERE m.timeline_id = 't-m-inviter' AND s.id != 'm-inviter'`,
      )
      .first<{ id: string; state: string; tenant: string }>()
    expect(invitee).toMatchObject({ state: 'pending', tenant: 'minato-town' })
    expect(await rowsOf(db, [invitee!.id])).toMatchObject({
      subscribers: 1,
      timeline_members: 1,
      consents: 1,
      access_tokens: 1,
      verifications: 1,
    })
    await nothingInMain('m-inviter', invitee!.id)
    // Spent: the same link opens nothing more.
    expect((await get(link!)).status).toBe(404)
  })

  it('a consultation is stored in shard 2, acknowledged under the same prefix and handed to the desk', async () => {
    const r = await residentInShard('m-consult')
    const form = await get(`${r.manage}/consult`)
    expect(form.status).toBe(200)
    expect(await form.text()).toContain(`action="${r.manage}/consult"`)
    const sent = await post(`${r.manage}/consult`, validConsultation())
    expect(sent.status).toBe(303)
    const received = sent.headers.get('location')!
    expect(received).toMatch(new RegExp(`^${r.manage}/consult/received/[0-9a-f-]{36}$`))
    const page = await get(received)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('ご相談を受け付けました')

    const db = await shard2()
    const stored = await db
      .prepare(
        `SELECT c.tenant_slug AS tenant, c.text, f.state FROM consultations c
         JOIN consultation_forwards f ON f.consultation_id = c.id WHERE c.subscriber_id = ?1`,
      )
      .bind('m-consult')
      .all<{ tenant: string; text: string; state: string }>()
    expect(stored.results).toEqual([{ tenant: 'minato-town', text: validConsultation().text, state: 'sent' }])
    const desk = await db
      .prepare("SELECT COUNT(*) AS n FROM outbox WHERE recipient = 'hoken@minato.example.jp'")
      .first<number>('n')
    expect(desk).toBe(1)
    await nothingInMain('m-consult')
    const inMain = await env.DB.prepare('SELECT COUNT(*) AS n FROM consultation_forwards').first<number>('n')
    expect(inMain).toBe(0)
  })

  it('a survey link with the prefix 2 takes the answers into shard 2, counts included', async () => {
    const r = await residentInShard('m-survey')
    const db = await shard2()
    const deliveryId = crypto.randomUUID()
    // The survey link takes the delivery's message page token.
    const token = await messageToken(env.LINK_SECRET!, deliveryId)
    const at = '2026-11-21T00:00:00.000Z'
    await db
      .prepare(
        `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, manifest_id, channel, state,
                                 idempotency_key, page_token_hash, survey_id, survey_version, survey_reminder, created_at, updated_at)
         VALUES (?1, ?2, 'minato-town', '2026-11-21', 'program', ?3, 'line', 'sent', ?1, ?4, 'minato-8m', 1, 0, ?5, ?5)`,
      )
      .bind(deliveryId, r.id, manifestId, await hashToken(token), at)
      .run()
    const path = `/q/2${token}`
    const form = await get(path)
    expect(form.status).toBe(200)
    expect(await form.text()).toContain(`action="${path}"`)
    expect((await get(`/q/${token}`)).status).toBe(404)

    const answered = await post(path, { q_feeling: '4', q_interview: 'no', q_comment: 'みなとから' })
    expect(answered.status).toBe(200)
    expect(await answered.text()).toContain('ご回答ありがとうございました')
    expect(await rowsOf(db, [r.id])).toMatchObject({ survey_responses: 1, survey_answers: 3 })
    const counted = await db
      .prepare("SELECT SUM(count) AS n FROM survey_answer_counts WHERE tenant_slug = 'minato-town'")
      .first<number>('n')
    expect(counted).toBe(3)
    await nothingInMain('m-survey')
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM survey_answer_counts').first<number>('n')).toBe(0)
    // A second answer adds nothing.
    expect(await (await post(path, { q_feeling: '1', q_interview: 'no' })).text()).toContain('すでにお答え')
  })
})

describe('while its town moves to another shard', () => {
  it('its residents’ pages answer “try again in a minute” and change nothing', async () => {
    const r = await residentInShard('m-moving')
    const moving = (to: number | null) =>
      env.DB.prepare("UPDATE tenant_shards SET moving_to = ?1 WHERE tenant_slug = 'minato-town'")
        .bind(to)
        .run()
    await moving(3)
    try {
      for (const response of [
        await get(r.manage),
        await post(`${r.manage}/nickname`, { nickname: 'うごく' }),
        await post(`${r.manage}/consult`, validConsultation()),
        await post(`${r.manage}/invite`, {}),
        await post(r.stop, { 'List-Unsubscribe': 'One-Click' }),
      ]) {
        expect(response.status).toBe(503)
        expect(response.headers.get('retry-after')).toBe('60')
      }
    } finally {
      await moving(null)
    }
    expect(await subscriber('m-moving')).toEqual({ nickname: 'はな', state: 'active', pausedUntil: null })
    expect(await rowsOf(await shard2(), ['m-moving'], ['t-m-moving'])).toEqual({
      subscribers: 1,
      timelines: 1,
      timeline_members: 1,
      consents: 1,
      access_tokens: 2,
    })
    expect((await get(r.manage)).status).toBe(200)
  })
})

describe('a town on shard 1', () => {
  it('an old bare 22-character stop link (sent before shards) still stops, and so does its prefixed form', async () => {
    const old = await residentInShard('s-bare', { tenant: 'sakura-city', channel: 'email' })
    expect(old.stopToken).toHaveLength(22)
    const stop = (token: string) =>
      exports.default.fetch(`${origin}/s/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      })
    expect((await get(`/s/${old.stopToken}`)).status).toBe(200)
    expect((await stop(old.stopToken)).status).toBe(200)
    const state = () =>
      env.DB.prepare('SELECT state FROM subscribers WHERE id = ?1').bind('s-bare').first<string>('state')
    expect(await state()).toBe('stopped')

    const prefixed = await residentInShard('s-prefixed', { tenant: 'sakura-city', channel: 'email' })
    expect(prefixed.stop).toBe(`/s/1${prefixed.stopToken}`)
    expect((await stop(`1${prefixed.stopToken}`)).status).toBe(200)
    expect(
      await env.DB.prepare('SELECT state FROM subscribers WHERE id = ?1')
        .bind('s-prefixed')
        .first<string>('state'),
    ).toBe('stopped')
    // Shard 2 does not know them.
    expect((await get(`/s/2${old.stopToken}`)).status).toBe(404)
  })
})
