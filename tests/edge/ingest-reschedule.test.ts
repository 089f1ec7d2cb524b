import { env } from 'cloudflare:workers'
import { expect, it } from 'vitest'
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
import { ingest, publish } from './support/ingest-client'

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
  expect(await nextSendOn('sakura-active')).toBe(schedule(due, weekly))
  expect(await nextSendOn('sakura-stopped')).toBe(sentinel)
  expect(await nextSendOn('minato-active')).toBe(sentinel)

  const back = await ingest('/rollback', { body: { contractVersion, manifestId: first.manifest.id } })
  expect(back.status).toBe(200)
  expect(await nextSendOn('sakura-active')).toBe(schedule(due, sakura))
  expect(await nextSendOn('minato-active')).toBe(sentinel)
})
