import { env } from 'cloudflare:workers'
import type { Queue } from '@cloudflare/workers-types'
import { expect, it } from 'vitest'
import { chunksPerMessage, handleReschedule } from '../../edge/delivery/reschedule-queue'
import type { RescheduleMessage } from '../../edge/queues'
import { nextSendFor } from '../../edge/resident/schedule'
import { addDays } from '../../shared/calendar'
import { contractVersion, prepareSnapshot, type TenantPart } from '../../shared/contract'
import {
  fixtureCreatedAt,
  fixtureNationalPart,
  fixtureSnapshot,
  fixtureTenantParts,
} from '../../shared/contract/fixture'
import { standardProgram } from '../../shared/program'
import { ingest, publish, uploadParts } from './support/ingest-client'

const sentinel = '2099-01-01'

async function addSubscriber(id: string, tenant: string, state: string, dueDate: string) {
  const at = new Date().toISOString()
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
       VALUES (?1, ?2, 'はな', 'primary', 'ja', 'email', 'hana@example.jp', ?3, ?4, ?5, ?5)`,
    ).bind(id, tenant, state, sentinel, at),
    env.DB.prepare(
      `INSERT INTO timelines (id, tenant_slug, due_date, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)`,
    ).bind(`tl-${id}`, tenant, dueDate, at),
    env.DB.prepare('INSERT INTO timeline_members (timeline_id, subscriber_id) VALUES (?1, ?2)').bind(
      `tl-${id}`,
      id,
    ),
  ])
}

/** Rescheduling happens on the queue after the switch answered: wait for it, within reason. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('not rescheduled in time')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function nextSendOn(id: string) {
  return (await env.DB.prepare('SELECT next_send_on AS n FROM subscribers WHERE id = ?1')
    .bind(id)
    .first<{ n: string | null }>())!.n
}

it('reschedules the subscribers of a tenant whose program changed, on publish and on rollback, and no one else', async () => {
  const first = await fixtureSnapshot()
  await publish(first)
  const [sakura, minato] = fixtureTenantParts as [TenantPart, TenantPart]
  const weekly: TenantPart = {
    ...sakura,
    tenant: {
      ...sakura.tenant,
      program: {
        kind: 'custom',
        program: { ...standardProgram, pregnancy: { ...standardProgram.pregnancy, every: 7 } },
      },
    },
  }
  // A due date for which a weekly program sends on another day than the daily one.
  const today = new Date().toISOString().slice(0, 10)
  const timelineOf = (due: string) => [
    { id: 't', dueDate: due, birthDate: null, birthReportedOn: null, lossDate: null, lossReportedOn: null },
  ]
  const schedule = (due: string, tenant: TenantPart) =>
    nextSendFor({ state: 'active', pausedUntil: null, timelines: timelineOf(due) }, tenant.tenant, new Date())
  let due = addDays(today, 100)
  for (let shift = 0; shift < 7 && schedule(due, weekly) === schedule(due, sakura); shift++)
    due = addDays(due, 1)
  expect(schedule(due, weekly)).not.toBe(schedule(due, sakura))

  await addSubscriber('sakura-active', 'sakura-city', 'active', due)
  await addSubscriber('sakura-stopped', 'sakura-city', 'stopped', due)
  await addSubscriber('minato-active', 'minato-town', 'active', due)

  const changed = await prepareSnapshot({
    id: 'weekly-sakura',
    createdAt: fixtureCreatedAt,
    parts: [fixtureNationalPart, weekly, minato],
  })
  expect((await publish(changed)).status).toBe(201)
  await eventually(async () => (await nextSendOn('sakura-active')) !== sentinel)
  expect(await nextSendOn('sakura-active')).toBe(schedule(due, weekly))
  expect(await nextSendOn('sakura-stopped')).toBe(sentinel)
  expect(await nextSendOn('minato-active')).toBe(sentinel)

  const back = await ingest('/rollback', { body: { contractVersion, manifestId: first.manifest.id } })
  expect(back.status).toBe(200)
  await eventually(async () => (await nextSendOn('sakura-active')) === schedule(due, sakura))
  expect(await nextSendOn('sakura-active')).toBe(schedule(due, sakura))
  expect(await nextSendOn('minato-active')).toBe(sentinel)
}, 60_000)

it('reschedules a large tenant in bounded pieces through the queue, every subscriber, each message a bounded piece', async () => {
  const [sakura, minato] = fixtureTenantParts as [TenantPart, TenantPart]
  const base = await prepareSnapshot({
    id: 'large-base',
    createdAt: fixtureCreatedAt,
    parts: [fixtureNationalPart, sakura, minato],
  })
  await publish(base)
  const count = 2_345
  const today = new Date().toISOString().slice(0, 10)
  const rows = Array.from({ length: count }, (_, i) => ({
    id: `bulk-${i}`,
    due: addDays(today, 20 + (i % 200)),
  }))
  const at = new Date().toISOString()
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
       SELECT json_extract(value, '$.id'), 'sakura-city', 'はな', 'primary', 'ja', 'email', 'hana@example.jp', 'active', ?2, ?3, ?3
       FROM json_each(?1)`,
    ).bind(JSON.stringify(rows), sentinel, at),
    env.DB.prepare(
      `INSERT INTO timelines (id, tenant_slug, due_date, created_at, updated_at)
       SELECT 'tl-' || json_extract(value, '$.id'), 'sakura-city', json_extract(value, '$.due'), ?2, ?2 FROM json_each(?1)`,
    ).bind(JSON.stringify(rows), at),
    env.DB.prepare(
      `INSERT INTO timeline_members (timeline_id, subscriber_id)
       SELECT 'tl-' || json_extract(value, '$.id'), json_extract(value, '$.id') FROM json_each(?1)`,
    ).bind(JSON.stringify(rows)),
  ])
  const weekly: TenantPart = {
    ...sakura,
    tenant: {
      ...sakura.tenant,
      program: {
        kind: 'custom',
        program: { ...standardProgram, pregnancy: { ...standardProgram.pregnancy, every: 7 } },
      },
    },
  }
  const changed = await prepareSnapshot({
    id: 'large-weekly',
    createdAt: fixtureCreatedAt,
    parts: [fixtureNationalPart, weekly, minato],
  })

  // One message does a bounded piece and hands on the rest with a cursor.
  const sent: RescheduleMessage[] = []
  const queue = {
    async send(body: RescheduleMessage) {
      sent.push(body)
    },
    async sendBatch(messages: Iterable<{ body: RescheduleMessage }>) {
      for (const m of messages) sent.push(m.body)
    },
  } as unknown as Queue<RescheduleMessage>
  await uploadParts(changed)
  await ingest('/manifests', { body: { contractVersion, manifest: changed.manifest } })
  const deps = { env, queue, now: () => new Date() }
  expect(
    await handleReschedule(deps, {
      kind: 'activation',
      previousManifestId: 'large-base',
      manifestId: 'large-weekly',
    }),
  ).toBe(0)
  expect(sent).toEqual([{ kind: 'tenant', tenant: 'sakura-city', after: 0, program: expect.any(String) }])
  const piece = await handleReschedule(deps, sent[0]!)
  expect(piece).toBe(chunksPerMessage * 200)
  expect(sent[1]).toMatchObject({ kind: 'tenant', tenant: 'sakura-city' })

  // Through the real queue (the ingest request enqueued it): in the end everyone is rescheduled.
  const expected = (due: string) =>
    nextSendFor(
      {
        state: 'active',
        pausedUntil: null,
        timelines: [
          {
            id: 't',
            dueDate: due,
            birthDate: null,
            birthReportedOn: null,
            lossDate: null,
            lossReportedOn: null,
          },
        ],
      },
      weekly.tenant,
      new Date(),
    )
  await eventually(async () => {
    const left = await env.DB.prepare(
      "SELECT count(*) AS n FROM subscribers WHERE id LIKE 'bulk-%' AND next_send_on = ?1",
    )
      .bind(sentinel)
      .first<{ n: number }>()
    return left!.n === 0
  }, 45_000)
  const { results } = await env.DB.prepare(
    `SELECT s.id, s.next_send_on AS next, t.due_date AS due FROM subscribers s
     JOIN timelines t ON t.id = 'tl-' || s.id WHERE s.id LIKE 'bulk-%'`,
  ).all<{ id: string; next: string; due: string }>()
  expect(results).toHaveLength(count)
  const wrong = results.filter((r) => r.next !== expected(r.due))
  expect(wrong).toEqual([])
  // The last page recorded the walk's end in the same transaction.
  const schedule = await env.DB.prepare(
    "SELECT rescheduled_at AS at FROM tenant_schedules WHERE tenant_slug = 'sakura-city'",
  ).first<{ at: string | null }>()
  expect(schedule?.at).toEqual(expect.any(String))
}, 90_000)
