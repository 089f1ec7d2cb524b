import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { deliverBatch } from '../../edge/delivery/deliver'
import { deleteResidentData } from '../../edge/manage/actions'
import { personalData } from '../../edge/resident/personal-data'
import { sweepRetention } from '../../edge/resident/retention'
import { liftOptOut, suppressAddress } from '../../edge/resident/suppression'
import { loadSnapshot } from '../../edge/snapshot/read'
import { fixtureManifestId, fixtureTenantParts } from '../../shared/contract/fixture'
import { residentWithManageLink, validConsultation } from './support/consultation'
import { deps, outbox } from './support/consumer'
import { deleteMyData } from './support/deletion'
import { needlesOf, traces as tracesIn } from './support/erasure'
import {
  dateFromToday,
  post,
  registeredResident,
  seedFixtureTenants,
  validRegistration,
} from './support/resident-http'
import { freshIp, freshMobile } from './support/verification'

beforeAll(seedFixtureTenants)

const tenants = fixtureTenantParts.map((p) => p.tenant)
const ignoredTables = "name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations'"

async function rows<T = Record<string, unknown>>(sql: string, ...values: unknown[]): Promise<T[]> {
  return (
    await env.DB.prepare(sql)
      .bind(...values)
      .all<T>()
  ).results
}

/** The tables and columns as the migrations left them, read from D1 itself. */
async function appliedSchema(): Promise<Map<string, string[]>> {
  const tables = await rows<{ name: string }>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND ${ignoredTables} ORDER BY name`,
  )
  const schema = new Map<string, string[]>()
  for (const { name } of tables) {
    const columns = await rows<{ name: string }>(`SELECT name FROM pragma_table_info('${name}')`)
    schema.set(
      name,
      columns.map((c) => c.name),
    )
  }
  return schema
}

interface Traces {
  subscriberId: string
  tenant: string
  manage: string
  address: string
}

const traces = (needles: readonly string[]) => tracesIn(env.DB, needles)

let serial = 0

/**
 * Everything a resident can leave: registration and confirmation (or, for another town, a
 * resident written as the delivery tests do), a message delivered through the outbox adapter, a
 * consultation, a survey answer with an interview request, a household invitation, an address
 * change pending with its SMS code and rate counters, a duplicate registration of their address,
 * a bounce, and a batch of theirs in the dead letters.
 */
async function residentWithEverything(
  tenant: 'sakura-city' | 'minato-town',
): Promise<Traces & { needles: string[] }> {
  serial += 1
  const nickname = `なまえ${serial}-${crypto.randomUUID().slice(0, 6)}`
  let r: Traces
  if (tenant === 'sakura-city') {
    const { address, manage } = await registeredResident({ nickname })
    const [row] = await rows<{ id: string }>('SELECT id FROM subscribers WHERE address = ?1', address)
    r = { subscriberId: row!.id, tenant, manage, address }
  } else {
    const id = `minato-${crypto.randomUUID()}`
    const made = await residentWithManageLink(id, 'email', tenant)
    await env.DB.prepare('UPDATE subscribers SET nickname = ?2 WHERE id = ?1').bind(id, nickname).run()
    r = { subscriberId: id, tenant, manage: made.manage, address: made.address }
  }
  const id = r.subscriberId

  // Today's program message (pregnancy/196) through the outbox adapter.
  const today = dateFromToday(0)
  await env.DB.batch([
    env.DB.prepare("UPDATE subscribers SET next_send_on = ?2, state = 'active' WHERE id = ?1").bind(
      id,
      today,
    ),
    env.DB.prepare(
      'UPDATE timelines SET due_date = ?2 WHERE id IN (SELECT timeline_id FROM timeline_members WHERE subscriber_id = ?1)',
    ).bind(id, dateFromToday(84)),
  ])
  const snapshot = (await loadSnapshot(env.DB, fixtureManifestId))!
  const report = await deliverBatch(deps(snapshot, outbox(), new Date().toISOString()), {
    tenant,
    localDate: today,
    manifestId: fixtureManifestId,
    subscriberIds: [id],
  })
  const [delivered] = await rows<{ id: string }>(
    "SELECT d.id FROM deliveries d JOIN outbox o ON o.idempotency_key = d.idempotency_key WHERE d.subscriber_id = ?1 AND d.kind = 'program'",
    id,
  )
  expect(
    delivered,
    `a program message in the outbox: ${JSON.stringify([report, await rows('SELECT * FROM deliveries WHERE subscriber_id = ?1', id)])}`,
  ).toBeDefined()

  // A consultation asking for a call, forwarded to the desk.
  const words = `相談${serial}-${crypto.randomUUID()}`
  const phone = `03-${String(1000 + serial)}-${String(1000 + Math.floor(Math.random() * 8999))}`
  const consulted = await post(
    `${r.manage}/consult`,
    validConsultation({ text: words, contact: 'phone', phone, hours: `午前${serial}時` }),
  )
  expect(consulted.status).toBeLessThan(400)

  // The survey offer in that message (written here if the day had none), answered with free text and an interview request.
  const response = crypto.randomUUID()
  const said = `回答${serial}-${crypto.randomUUID()}`
  await env.DB.batch([
    env.DB.prepare(
      `UPDATE deliveries SET survey_id = coalesce(survey_id, 'national-8m'), survey_version = coalesce(survey_version, 1),
                             survey_reminder = coalesce(survey_reminder, 0)
       WHERE id = ?1`,
    ).bind(delivered!.id),
    // And the link such a line had before it took the message page's token.
    env.DB.prepare('INSERT INTO survey_links (token_hash, delivery_id) VALUES (?1, ?2)').bind(
      `survey-token-${crypto.randomUUID()}`,
      delivered!.id,
    ),
    env.DB.prepare(
      `INSERT INTO survey_responses (id, subscriber_id, tenant_slug, survey_id, survey_version, delivery_id, answered_on,
                                     interview_state, interview_contact, created_at)
       VALUES (?1, ?2, ?3, 'national-8m', 1, ?4, '2026-11-24', 'pending', ?5, '2026-11-24T00:00:00Z')`,
    ).bind(response, id, tenant, delivered!.id, JSON.stringify({ by: 'phone', phone, times: said })),
    env.DB.prepare(
      "INSERT INTO survey_answers (response_id, question_id, position, value) VALUES (?1, 'comment', 0, ?2)",
    ).bind(response, said),
  ])

  // A household invitation, left open.
  expect((await post(`${r.manage}/invite`, {})).status).toBe(200)

  // A change of address to an SMS number, pending: a verification, a code in the outbox, counters.
  const mobile = freshMobile()
  if (tenant === 'sakura-city') {
    const changed = await post(
      `${r.manage}/address`,
      { channel: 'sms', address: mobile.typed },
      { ip: freshIp() },
    )
    expect(changed.status).toBeLessThan(400)
    // Someone registers their address again: the owner is told, nothing new is made.
    await post('/t/sakura-city', validRegistration({ address: r.address }), { ip: freshIp() })
  }

  // A bounce from the provider.
  await suppressAddress(env.DB, {
    tenant,
    channel: 'email',
    address: r.address,
    reason: 'bounced',
    eventId: `evt-${id}`,
    now: new Date(),
  })

  // A delivery batch of theirs that ran out of retries.
  await env.DB.prepare(
    `INSERT INTO dead_letters (id, queue, tenant_slug, local_date, manifest_id, body, attempts, received_at)
     VALUES (?1, 'yorisoi-delivery', ?2, '2026-11-23', ?3, ?4, 5, '2026-11-23T01:00:00Z')`,
  )
    .bind(
      `dead-${id}`,
      tenant,
      fixtureManifestId,
      JSON.stringify({ tenant, localDate: '2026-11-23', manifestId: fixtureManifestId, subscriberIds: [id] }),
    )
    .run()

  const needles = await needlesOf(env.DB, r, [nickname, words, said, mobile.e164, `evt-${id}`])
  return { ...r, needles }
}

/** Erases one resident the way a reason does it. */
async function erase(r: Traces, how: 'delete' | 'retention') {
  if (how === 'delete') {
    await deleteMyData(r.manage)
    return
  }
  expect((await post(`${r.manage}/stop`, {})).status).toBe(200)
  await sweepRetention(env.DB, tenants, new Date())
  await env.DB.prepare("UPDATE subscribers SET inactive_since = '2000-01-01T00:00:00.000Z' WHERE id = ?1")
    .bind(r.subscriberId)
    .run()
  await sweepRetention(env.DB, tenants, new Date())
  const [left] = await rows<{ n: number }>(
    'SELECT COUNT(*) AS n FROM subscribers WHERE id = ?1',
    r.subscriberId,
  )
  expect(left!.n).toBe(0)
}

describe('what erasure removes', () => {
  it('every table and column the migrations made is classified, personal or not', async () => {
    const schema = await appliedSchema()
    const unclassified: string[] = []
    for (const [table, columns] of schema) {
      const kinds = personalData[table]
      if (!kinds) {
        unclassified.push(`${table} (table)`)
        continue
      }
      const known = new Set([...kinds.personal, ...(kinds.expiring ?? []), ...kinds.other])
      for (const column of columns) if (!known.has(column)) unclassified.push(`${table}.${column}`)
      for (const column of known)
        if (!columns.includes(column)) unclassified.push(`${table}.${column} (no such column)`)
    }
    for (const table of Object.keys(personalData))
      if (!schema.has(table)) unclassified.push(`${table} (no such table)`)
    expect(unclassified).toEqual([])
  })

  for (const how of ['delete', 'retention'] as const) {
    it(`${how === 'delete' ? '"delete my data"' : 'the retention sweep'} leaves nothing of the resident in any personal column, and the others untouched`, async () => {
      const erased = await residentWithEverything('sakura-city')
      const neighbour = await residentWithEverything('sakura-city')
      const elsewhere = await residentWithEverything('minato-town')

      const before = await traces(erased.needles)
      // The test sees what it looks for: the resident is in the outbox and the suppressions.
      expect(Object.keys(before)).toEqual(expect.arrayContaining(['outbox', 'suppressions', 'subscribers']))
      const othersBefore = await traces([...neighbour.needles, ...elsewhere.needles])

      await erase(erased, how)

      const left = await traces(erased.needles)
      expect(
        Object.entries(left).map(([table, found]) => `${table}: ${found.length} row(s), e.g. ${found[0]}`),
      ).toEqual([])
      expect(await traces([...neighbour.needles, ...elsewhere.needles])).toEqual(othersBefore)
    })
  }
})

describe('suppressions are per tenant', () => {
  it("a bounce in one town holds back that town's resident only; a START lifts one town's opt-out; erasure keeps the other town's", async () => {
    const address = `shared-${crypto.randomUUID().slice(0, 8)}@example.jp`
    const number = freshMobile().e164
    const ids = { sakura: `sakura-${crypto.randomUUID()}`, minato: `minato-${crypto.randomUUID()}` }
    for (const [town, id] of [
      ['sakura-city', ids.sakura],
      ['minato-town', ids.minato],
    ] as const) {
      const made = await residentWithManageLink(id, 'email', town)
      await env.DB.prepare('UPDATE subscribers SET address = ?2 WHERE id = ?1').bind(id, address).run()
      expect(made.id).toBe(id)
    }
    const suppress = (tenant: string, channel: 'email' | 'sms', on: string, reason: string) =>
      suppressAddress(env.DB, {
        tenant,
        channel,
        address: on,
        reason,
        eventId: `${tenant}-${reason}`,
        now: new Date(),
      })
    const held = (on: string) =>
      rows(
        'SELECT tenant_slug AS tenant, reason, event_id AS event FROM suppressions WHERE address = ?1 ORDER BY 1',
        on,
      )
    const state = async (id: string) =>
      (await rows<{ state: string }>('SELECT state FROM subscribers WHERE id = ?1', id))[0]?.state

    await suppress('sakura-city', 'email', address, 'bounced')
    expect(await held(address)).toEqual([
      { tenant: 'sakura-city', reason: 'bounced', event: 'sakura-city-bounced' },
    ])
    expect(await state(ids.sakura)).toBe('paused')
    expect(await state(ids.minato)).toBe('active')

    await suppress('minato-town', 'email', address, 'complained')
    expect(await held(address)).toEqual([
      { tenant: 'minato-town', reason: 'complained', event: 'minato-town-complained' },
      { tenant: 'sakura-city', reason: 'bounced', event: 'sakura-city-bounced' },
    ])

    await suppress('sakura-city', 'sms', number, 'opted-out')
    await suppress('minato-town', 'sms', number, 'opted-out')
    await liftOptOut(env.DB, 'minato-town', 'sms', number)
    expect(await held(number)).toEqual([
      { tenant: 'sakura-city', reason: 'opted-out', event: 'sakura-city-opted-out' },
    ])

    // The same address gets a message in each town; erasing the sakura resident keeps minato's.
    const sent = outbox()
    for (const [tenant, id] of [
      ['sakura-city', ids.sakura],
      ['minato-town', ids.minato],
    ] as const)
      await sent.send([
        { idempotencyKey: `note-${id}`, tenant, channel: 'email', to: address, text: `for ${tenant}` },
      ])
    await deleteResidentData(env.DB, ids.sakura)
    expect(await held(address)).toEqual([
      { tenant: 'minato-town', reason: 'complained', event: 'minato-town-complained' },
    ])
    expect(
      await rows(
        'SELECT tenant_slug AS tenant, subscriber_id AS id FROM outbox WHERE recipient = ?1',
        address,
      ),
    ).toEqual([{ tenant: 'minato-town', id: ids.minato }])
  })
})
