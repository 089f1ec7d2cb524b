import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { app } from '../../edge/app'
import type { OutgoingMessage, SendResult } from '../../edge/channels/adapter'
import { deliveryKey } from '../../edge/channels/key'
import { runTick } from '../../edge/delivery/tick'
import type { Env } from '../../edge/env'
import { rotateManageToken } from '../../edge/resident/link-tokens'
import type { LoadedSnapshot } from '../../edge/snapshot/read'
import { countingAdapter, deliverAll, deps, outbox } from './support/consumer'
import { programDeliveryId, site } from './support/delivered-mail'
import { capturingQueue, emptyDeliveryTables, insertExpecting, rows, storeFixture } from './support/delivery'
import { ingestTokens } from './support/ingest-client'
import { origin, validRegistration } from './support/resident-http'
import { deliverOn, storeSurveySnapshot, surveyPaths } from './support/surveys'

// LINK_SECRET changes (the old one kept as LINK_SECRET_PREVIOUS meanwhile): every link already
// sent keeps opening, new messages carry links under the new secret, and once the operator has
// stored every resident's standing links under the new one, PREVIOUS goes and old stop links still
// stop in one tap.

const oldSecret = 'test-link-secret'
const newSecret = 'the-new-link-secret'
const rotating = { ...env, LINK_SECRET: newSecret, LINK_SECRET_PREVIOUS: oldSecret } as Env
const rotated = { ...env, LINK_SECRET: newSecret, LINK_SECRET_PREVIOUS: undefined } as Env

const get = (path: string, bindings: Env) => app.request(`${site}${path}`, { redirect: 'manual' }, bindings)
const oneClickStop = (path: string, bindings: Env) =>
  app.request(
    `${site}${path}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    },
    bindings,
  )

const resident = /\/(?:s|r|m|q|c)\/[0-9]{0,4}[A-Za-z0-9_-]{22}(?:[A-Za-z0-9_-]{5})?(?![A-Za-z0-9_/-])/g
/** Every resident link in a text (a mail, a page), as paths. */
const linksIn = (text: string) => [
  ...new Set([...text.matchAll(new RegExp(`${site}(${resident.source})`, 'g'))].map((m) => m[1]!)),
]

async function mailOf(id: string) {
  const [mail] = await rows<{ text: string }>(
    'SELECT text FROM outbox WHERE recipient = ?1 ORDER BY rowid DESC',
    `${id}@example.jp`,
  )
  if (!mail) throw new Error(`no mail for ${id}`)
  const links = linksIn(mail.text)
  const one = (prefix: string) => links.find((p) => p.startsWith(`/${prefix}/`))!
  return { links, stop: one('s'), manage: one('r'), page: one('m') }
}

/** The day's run of 2026-11-23 for whoever is due, under `secret`. */
async function deliverDay(snapshot: LoadedSnapshot, secret: string) {
  await env.DB.prepare('DELETE FROM tenant_runs').run()
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
  await deliverAll({ ...deps(snapshot, countingAdapter(outbox())), linkSecret: secret }, queue.sent)
}

async function opens(path: string, bindings: Env) {
  const answer = await get(path, bindings)
  expect(answer.status, path).toBe(200)
  return answer.text()
}

async function state(id: string) {
  return (await rows<{ state: string }>('SELECT state FROM subscribers WHERE id = ?1', id))[0]?.state
}

/** `npx yorisoi link-secret rotate`: pages until the edge says nothing is left. */
async function finishRotation(bindings: Env) {
  const answers: { stored: number; remaining: number; next: unknown }[] = []
  let after: unknown = null
  do {
    const response = await app.request(
      'http://edge.test/ingest/links/rotate',
      {
        method: 'POST',
        headers: { authorization: `Bearer ${ingestTokens.operations}`, 'content-type': 'application/json' },
        body: JSON.stringify(after ? { after } : {}),
      },
      bindings,
    )
    expect(response.status, await response.clone().text()).toBe(200)
    const page = (await response.json()) as { stored: number; remaining: number; next: unknown }
    answers.push(page)
    after = page.next
  } while (after && answers.length < 50)
  return answers
}

beforeEach(async () => {
  await emptyDeliveryTables()
  await env.DB.prepare('DELETE FROM access_tokens').run()
})

describe('rotating LINK_SECRET', () => {
  it('keeps every link already sent working, sends new links under the new secret, and old stop links stop after PREVIOUS is gone', async () => {
    const snapshot = await storeFixture()
    await insertExpecting('sub-old')
    await insertExpecting('sub-quiet')
    await deliverDay(snapshot, oldSecret)
    const old = await mailOf('sub-old')
    const quiet = await mailOf('sub-quiet')

    // The new secret is set, the old one kept as PREVIOUS.
    // Everything in a message sent before still opens: the stop and manage links, the message page,
    // and every link that page shows.
    for (const path of old.links) await opens(path, rotating)
    const page = await opens(old.page, rotating)
    const shown = linksIn(page)
    expect(shown.filter((p) => p.startsWith('/s/')).length).toBeGreaterThan(0)
    for (const path of shown) await opens(path, rotating)

    // New messages carry links under the new secret, and each opens — for a resident who asked for
    // a new manage link before the rotation too.
    await insertExpecting('sub-new')
    await insertExpecting('sub-gen')
    const renewed = await rotateManageToken(env.DB, oldSecret, 'sub-gen', 0, new Date('2026-11-22T00:00:00Z'))
    await env.DB.batch(renewed.statements)
    await deliverDay(snapshot, newSecret)
    for (const id of ['sub-new', 'sub-gen']) {
      const mail = await mailOf(id)
      const key = await deliveryKey(id, '2026-11-23', 'program')
      const { deliveryLinks } = await import('../../edge/delivery/links')
      const generation = id === 'sub-gen' ? 1 : 0
      const expected = (await deliveryLinks(site, newSecret, id, key, generation)).links
      expect(`${site}${mail.stop}`).toBe(expected.unsubscribeUrl)
      expect(`${site}${mail.manage}`).toBe(expected.selfServiceUrl)
      for (const path of mail.links) await opens(path, rotating)
    }

    // The operator stores every resident's standing links under the new secret, page by page.
    const pages = await finishRotation(rotating)
    expect(pages.at(-1)).toMatchObject({ remaining: 0, next: null })
    expect(pages.reduce((n, p) => n + p.stored, 0)).toBe(4)

    // PREVIOUS deleted. A resident who received nothing during the rotation: their old message page
    // opens, and every link it shows (now under the new secret) opens.
    const quietPage = await opens(quiet.page, rotated)
    const quietLinks = linksIn(quietPage)
    expect(quietLinks.some((p) => p.startsWith('/s/') && p !== quiet.stop)).toBe(true)
    for (const path of quietLinks) await opens(path, rotated)
    for (const path of quiet.links) await opens(path, rotated)

    // The stop link in the very first message still stops in one tap.
    expect((await oneClickStop(old.stop, rotated)).status).toBe(200)
    expect(await state('sub-old')).toBe('stopped')
    expect((await oneClickStop(quiet.stop, rotated)).status).toBe(200)
    expect(await state('sub-quiet')).toBe('stopped')
  })

  it('a resident who had messages under the old secret gets links under the new one that open once PREVIOUS is gone', async () => {
    const snapshot = await storeFixture()
    await insertExpecting('sub-again')
    await deliverDay(snapshot, oldSecret)
    const before = await mailOf('sub-again')
    // Their next message comes after the rotation (the day sent again here: its delivery and mail gone).
    await env.DB.batch([env.DB.prepare('DELETE FROM deliveries'), env.DB.prepare('DELETE FROM outbox')])
    await env.DB.prepare("UPDATE subscribers SET next_send_on = '2026-11-23' WHERE id = 'sub-again'").run()
    await deliverDay(snapshot, newSecret)
    const after = await mailOf('sub-again')
    expect(after.stop).not.toBe(before.stop)
    // Without the operator's pages, the message itself stored what its links need.
    await opens(after.manage, rotated)
    expect((await oneClickStop(after.stop, rotated)).status).toBe(200)
    expect(await state('sub-again')).toBe('stopped')
  })

  it('a day retried after the rotation is sent once, under the row claimed before it, and its new page link opens', async () => {
    const snapshot = await storeFixture()
    await insertExpecting('sub-retry')
    await insertExpecting('sub-sent')
    const queue = capturingQueue()
    await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
    const busy = (m: OutgoingMessage): SendResult | null =>
      m.to === 'sub-retry@example.jp'
        ? { idempotencyKey: m.idempotencyKey, outcome: 'failed-transient', error: 'busy' }
        : null
    await deliverAll(
      { ...deps(snapshot, countingAdapter(outbox(), { answer: busy })), linkSecret: oldSecret },
      queue.sent,
    )
    const idUnder = (secret: string, id: string) => programDeliveryId(id, '2026-11-23', secret)
    const claimedBefore = await idUnder(oldSecret, 'sub-retry')
    const sentBefore = await idUnder(oldSecret, 'sub-sent')
    expect(await idUnder(newSecret, 'sub-retry')).not.toBe(claimedBefore)
    const day = () => rows('SELECT id, subscriber_id, state, attempts FROM deliveries ORDER BY subscriber_id')
    expect(await day()).toEqual([
      { id: claimedBefore, subscriber_id: 'sub-retry', state: 'failed-transient', attempts: 1 },
      { id: sentBefore, subscriber_id: 'sub-sent', state: 'sent', attempts: 1 },
    ])
    const sentPage = (await mailOf('sub-sent')).page

    // LINK_SECRET rotated; the batch is delivered again, and sub-sent's day was not settled (a
    // consumer that stopped after recording its outcome): it is planned again too.
    await env.DB.prepare("UPDATE subscribers SET next_send_on = '2026-11-23' WHERE id = 'sub-sent'").run()
    const provider = countingAdapter(outbox())
    await deliverAll({ ...deps(snapshot, provider), linkSecret: newSecret }, queue.sent)
    expect([...provider.seen.entries()]).toEqual([
      [await deliveryKey('sub-retry', '2026-11-23', 'program'), 1],
    ])
    expect(await day()).toEqual([
      { id: claimedBefore, subscriber_id: 'sub-retry', state: 'sent', attempts: 2 },
      { id: sentBefore, subscriber_id: 'sub-sent', state: 'sent', attempts: 1 },
    ])
    const mails = await rows<{ recipient: string; subscriber_id: string }>(
      'SELECT recipient, subscriber_id FROM outbox ORDER BY recipient',
    )
    expect(mails).toEqual([
      { recipient: 'sub-retry@example.jp', subscriber_id: 'sub-retry' },
      { recipient: 'sub-sent@example.jp', subscriber_id: 'sub-sent' },
    ])
    // The retried mail's page, made under the new secret, opens the row claimed under the old one,
    // and so does the page sent before, once PREVIOUS is gone as well.
    const retried = await mailOf('sub-retry')
    for (const bindings of [rotating, rotated]) {
      expect(await opens(retried.page, bindings)).toContain('<bdi>はな</bdi>さん')
      await opens(sentPage, bindings)
    }
    await get(`${retried.page}/go/1`, rotated)
    expect(await rows('SELECT delivery_id FROM delivery_clicks')).toEqual([{ delivery_id: claimedBefore }])
  })

  it('a confirmation sent again during the rotation, or after it, carries a link that confirms', async () => {
    await storeFixture()
    const post = (path: string, fields: Record<string, string>, bindings: Env, ip: string) =>
      app.request(
        `${origin}${path}`,
        {
          method: 'POST',
          redirect: 'manual',
          headers: {
            origin,
            'content-type': 'application/x-www-form-urlencoded',
            'cf-connecting-ip': ip,
          },
          body: new URLSearchParams(fields).toString(),
        },
        bindings,
      )
    const lastMail = async (address: string) => {
      const [mail] = await rows<{ text: string }>(
        'SELECT text FROM outbox WHERE recipient = ?1 ORDER BY rowid DESC',
        address,
      )
      return [...mail!.text.matchAll(new RegExp(`${origin}(${resident.source})`, 'g'))].map((m) => m[1]!)
    }
    // Registered before the rotation; "register again" once the first confirmation is old enough
    // to be sent again.
    for (const [bindings, label] of [
      [rotating, 'during'],
      [rotated, 'after'],
    ] as const) {
      const fields = validRegistration()
      expect((await post('/t/sakura-city', fields, env as Env, '198.51.100.1')).status).toBe(303)
      await env.DB.prepare(
        "UPDATE deliveries SET updated_at = '2000-01-01T00:00:00.000Z' WHERE kind = 'confirmation'",
      ).run()
      expect((await post('/t/sakura-city', fields, bindings, '198.51.100.2')).status, label).toBe(303)
      const links = await lastMail(fields.address!)
      const confirm = links.find((p) => p.startsWith('/c/'))!
      const stop = links.find((p) => p.startsWith('/s/'))!
      expect((await app.request(`${origin}${stop}`, {}, bindings)).status, stop).toBe(200)
      const confirmed = await post(confirm, {}, bindings, '198.51.100.3')
      expect(confirmed.status, `${label}: ${confirm}`).toBe(303)
      expect(confirmed.headers.get('location'), label).toMatch(/^\/r\//)
    }
  })

  it('a message page from before shows its survey link while PREVIOUS is kept, and once it is gone too: the link is the page’s own', async () => {
    await insertExpecting('sub-survey')
    await deliverOn(await storeSurveySnapshot(), '2026-11-23')
    const mail = await mailOf('sub-survey')
    const [sent] = surveyPaths((await rows<{ text: string }>('SELECT text FROM outbox'))[0]!.text)
    expect(sent).toBeDefined()

    const during = await opens(mail.page, rotating)
    expect(during).toContain('アンケート「妊娠8か月のアンケート」')
    const go = [...during.matchAll(/href="(\/m\/[^"]+\/go\/\d+)"><span lang="ja">アンケートに答える/g)].map(
      (m) => m[1]!,
    )
    expect(go).toHaveLength(1)
    const redirect = await get(go[0]!, rotating)
    expect(redirect.headers.get('location')).toBe(`${site}${sent}`)

    // The survey link takes the message page's segment: whatever opens the page opens its survey.
    expect(sent).toBe(mail.page.replace(/^\/m\//, '/q/'))
    const after = await opens(mail.page, rotated)
    expect(after).toContain('アンケート「妊娠8か月のアンケート」')
    const [again] = [
      ...after.matchAll(/href="(\/m\/[^"]+\/go\/\d+)"><span lang="ja">アンケートに答える/g),
    ].map((m) => m[1]!)
    expect((await get(again!, rotated)).headers.get('location')).toBe(`${site}${sent}`)
    // The link in the message itself still opens the survey.
    expect(await opens(sent!, rotated)).toContain('妊娠8か月のアンケート')
  })
})
