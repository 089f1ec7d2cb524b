import { env } from 'cloudflare:workers'
import { beforeAll, expect, it } from 'vitest'
import { recordConsultation } from '../../edge/consultation/store'
import { messageToken, surveyToken } from '../../edge/resident/link-tokens'
import { suppressAddress } from '../../edge/resident/suppression'
import { hashToken } from '../../edge/resident/tokens'
import type { Survey } from '../../shared/contract'
import { deleteMyData } from './support/deletion'
import { needlesOf, traces } from './support/erasure'
import { post } from './support/resident-http'
import { minato, residentInShard, storeOnTwoShards } from './support/second-shard'
import { shardOf } from './support/shards'
import { sakuraSurvey } from './support/surveys'

// "Delete my data" of a resident of みなと町, whose town lives in shard 2: nothing of them is left
// there, the neighbour's rows are untouched, and the main database never held any of it.

const manifestId = 'erasure-two-0001'
const minatoSurvey: Survey = { ...sakuraSurvey, id: 'minato-8m' }

beforeAll(async () => {
  await storeOnTwoShards(manifestId, { minato: { ...minato, surveys: [minatoSurvey] } })
})

let serial = 0

/** A みなと町 resident with a message, a click, a failed day, a consultation, a survey answer, an open
 * invitation, an address change under way, an outbox message, a suppression and a dead-lettered batch. */
async function residentWithEverything() {
  serial += 1
  const id = `m-${serial}-${crypto.randomUUID()}`
  const r = await residentInShard(id)
  const db = await shardOf('minato-town')
  const nickname = `なまえ${serial}-${crypto.randomUUID().slice(0, 6)}`
  const deliveryId = crypto.randomUUID()
  const at = new Date().toISOString()
  const newAddress = `U-new-${crypto.randomUUID()}`
  await db.batch([
    db.prepare('UPDATE subscribers SET nickname = ?2 WHERE id = ?1').bind(id, nickname),
    db
      .prepare(
        `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, manifest_id, channel, state,
                                 idempotency_key, page_token_hash, survey_id, survey_version, survey_reminder,
                                 created_at, updated_at)
         VALUES (?1, ?2, 'minato-town', '2026-11-21', 'program', ?3, 'line', 'sent', ?1, ?4, 'minato-8m', 1, 0, ?5, ?5)`,
      )
      .bind(
        deliveryId,
        id,
        manifestId,
        await hashToken(await messageToken(env.LINK_SECRET!, deliveryId)),
        at,
      ),
    db
      .prepare('INSERT INTO delivery_clicks (delivery_id, link, count, first_at) VALUES (?1, 0, 1, ?2)')
      .bind(deliveryId, at),
    db
      .prepare(
        "INSERT INTO delivery_failures (subscriber_id, days, last_failed_on, last_error) VALUES (?1, 1, '2026-11-20', ?2)",
      )
      .bind(id, `blocked by ${id}`),
    // The link its survey line had before the line took the message page's token.
    db
      .prepare('INSERT INTO survey_links (token_hash, delivery_id) VALUES (?1, ?2)')
      .bind(await hashToken(await surveyToken(env.LINK_SECRET!, deliveryId)), deliveryId),
    db
      .prepare(
        `INSERT INTO verifications (id, subscriber_id, tenant_slug, purpose, channel, address, expires_at, created_at)
         VALUES (?1, ?2, 'minato-town', 'change', 'line', ?3, '2099-01-01T00:00:00.000Z', ?4)`,
      )
      .bind(`v-${id}`, id, newAddress, at),
    db
      .prepare(
        `INSERT INTO outbox (id, idempotency_key, tenant_slug, channel, recipient, text, created_at, subscriber_id)
         VALUES (?1, ?1, 'minato-town', 'line', ?2, ?3, ?4, ?5)`,
      )
      .bind(`o-${id}`, r.address, `${nickname}さん、こんにちは`, at, id),
    db
      .prepare(
        `INSERT INTO dead_letters (id, queue, tenant_slug, local_date, manifest_id, body, attempts, received_at)
         VALUES (?1, 'yorisoi-delivery', 'minato-town', '2026-11-21', ?2, ?3, 5, ?4)`,
      )
      .bind(`dead-${id}`, manifestId, JSON.stringify({ subscriberIds: [id] }), at),
  ])
  const words = `相談${serial}-${crypto.randomUUID()}`
  const phone = `03-${String(1000 + serial)}-5678`
  const consulted = await recordConsultation(db, {
    subscriberId: id,
    tenantSlug: 'minato-town',
    request: { category: 'body', text: words, contact: 'phone', phone, hours: `午前${serial}時` },
    urgent: false,
    language: 'ja',
    source: 'form',
    now: new Date(),
  })
  expect(consulted.ok).toBe(true)
  const said = `回答${serial}-${crypto.randomUUID()}`
  const survey = `/q/2${await messageToken(env.LINK_SECRET!, deliveryId)}`
  expect((await post(survey, { q_feeling: '2', q_interview: 'no', q_comment: said })).status).toBe(200)
  expect((await post(`${r.manage}/invite`, {})).status).toBe(200)
  await suppressAddress(db, {
    tenant: 'minato-town',
    channel: 'line',
    address: r.address,
    reason: 'unfollowed',
    eventId: `evt-${id}`,
    now: new Date(),
  })
  const needles = await needlesOf(db, { subscriberId: id, address: r.address }, [
    nickname,
    words,
    said,
    phone,
    newAddress,
    `evt-${id}`,
  ])
  return { ...r, needles }
}

it('"delete my data" of a resident of a town on shard 2 leaves nothing of them there, and main never held any', async () => {
  const db = await shardOf('minato-town')
  const erased = await residentWithEverything()
  const neighbour = await residentWithEverything()

  const before = await traces(db, erased.needles)
  expect(Object.keys(before)).toEqual(
    expect.arrayContaining([
      'subscribers',
      'deliveries',
      'delivery_clicks',
      'consultations',
      'survey_answers',
      'verifications',
      'outbox',
      'suppressions',
      'dead_letters',
    ]),
  )
  expect(await traces(env.DB, [...erased.needles, ...neighbour.needles])).toEqual({})
  const neighbourBefore = await traces(db, neighbour.needles)

  await deleteMyData(erased.manage)

  const left = await traces(db, erased.needles)
  expect(
    Object.entries(left).map(([table, found]) => `${table}: ${found.length} row(s), e.g. ${found[0]}`),
  ).toEqual([])
  expect(await traces(db, neighbour.needles)).toEqual(neighbourBefore)
  expect(await traces(env.DB, [...erased.needles, ...neighbour.needles])).toEqual({})
  const count = await db
    .prepare("SELECT count FROM erasures WHERE tenant_slug = 'minato-town' AND reason = 'requested'")
    .first<number>('count')
  expect(count).toBe(1)
})
