import { env } from 'cloudflare:workers'
import type { D1Database } from '@cloudflare/workers-types'
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { app } from '../../edge/app'
import { storeTenantSecret } from '../../edge/channels/secrets'
import { afterRuns } from '../../edge/housekeeping'
import { suppressAddress } from '../../edge/resident/suppression'
import { loadActiveSnapshot } from '../../edge/snapshot/read'
import { minatoWithEveryChannel } from './support/minato'
import { get, linkInOutbox, origin, post, registeredResident } from './support/resident-http'
import { residentInShard, storeOnTwoShards } from './support/second-shard'
import { shardOf } from './support/shards'
import { outboxFor } from './support/verification'

// "Delete my data" from the manage page — which whoever holds a forwarded link can press — is
// confirmed through the resident's current address; when that cannot be reached, the deletion
// takes effect after 7 days unless cancelled on the manage page. Stopping stays one tap.

beforeAll(async () => {
  await storeOnTwoShards('deletion-0001', { minato: minatoWithEveryChannel })
})

const DAY_MS = 86_400_000

async function state(db: D1Database, id: string) {
  return db.prepare('SELECT state FROM subscribers WHERE id = ?1').bind(id).first<string>('state')
}

const idOf = async (address: string) =>
  (await env.DB.prepare('SELECT id FROM subscribers WHERE address = ?1').bind(address).first<string>('id'))!

async function confirmationLink(address: string, shard = 1) {
  const text = (await outboxFor(address)).at(-1)?.text ?? ''
  const link = text.match(new RegExp(`${origin}(/d/${shard}[A-Za-z0-9_-]{22})`))?.[1]
  if (!link) throw new Error(`no deletion link for ${address}: ${text}`)
  return link
}

/** The cron's housekeeping at `now`, deletions only. */
async function housekeepingAt(now: Date) {
  const snapshot = await loadActiveSnapshot(env.DB)
  const chores = (await afterRuns(env, snapshot!, now)).filter((c) => c.name.startsWith('deletions'))
  expect(chores.length).toBeGreaterThanOrEqual(2)
  for (const chore of chores) await chore.run()
}

describe('"delete my data" is confirmed through the current address', () => {
  it('sends a confirmation and deletes nothing until it is followed; the stop link works meanwhile', async () => {
    const owner = await registeredResident()
    const id = await idOf(owner.address)
    const stop = await linkInOutbox(owner.address, '/s/')

    const asked = await post(`${owner.manage}/delete`, {})
    expect(asked.status).toBe(200)
    expect(await asked.text()).toContain('確認のメッセージを送りました')
    expect(await state(env.DB, id)).toBe('active')
    const mail = (await outboxFor(owner.address)).at(-1)!
    expect(mail.subject).toContain('データの削除')
    const link = await confirmationLink(owner.address)

    // The manage page says a deletion waits, with a way to cancel it.
    const page = await (await get(owner.manage)).text()
    expect(page).toContain('削除の確認を待っています')
    expect(page).toContain(`action="${owner.manage}/delete/cancel"`)

    // Stopping is still one tap, and immediate.
    expect((await post(stop, { 'List-Unsubscribe': 'One-Click' }, { origin: null })).status).toBe(200)
    expect(await state(env.DB, id)).toBe('stopped')

    // Opening the link (a mail scanner) deletes nothing; the button does.
    expect((await get(link)).status).toBe(200)
    expect(await state(env.DB, id)).toBe('stopped')
    const done = await post(link, {})
    expect(done.status).toBe(200)
    expect(await done.text()).toContain('削除しました')
    expect(await state(env.DB, id)).toBeNull()
    expect((await post(link, {})).status).toBe(404)
    expect((await get(owner.manage)).status).toBe(404)
  })

  it('a cancelled request leaves everything, and its link no longer deletes', async () => {
    const owner = await registeredResident()
    const id = await idOf(owner.address)
    expect((await post(`${owner.manage}/delete`, {})).status).toBe(200)
    const link = await confirmationLink(owner.address)
    const cancelled = await post(`${owner.manage}/delete/cancel`, {})
    expect(cancelled.status).toBe(303)
    const page = await (await get(cancelled.headers.get('location')!)).text()
    expect(page).toContain('削除の手続きを取り消しました')
    expect(page).not.toContain('削除の確認を待っています')
    expect((await post(link, {})).status).toBe(404)
    expect(await state(env.DB, id)).toBe('active')
  })

  it('with an address that cannot be reached, deletes after 7 days through the cron and not before; stop works meanwhile', async () => {
    const owner = await registeredResident()
    const id = await idOf(owner.address)
    const stop = await linkInOutbox(owner.address, '/s/')
    await suppressAddress(env.DB, {
      tenant: 'sakura-city',
      channel: 'email',
      address: owner.address,
      reason: 'bounced',
      eventId: `evt-${id}`,
      now: new Date(),
    })
    const sent = (await outboxFor(owner.address)).length

    const asked = await post(`${owner.manage}/delete`, {})
    expect(asked.status).toBe(200)
    expect(await asked.text()).toContain('7日後に削除します')
    expect((await outboxFor(owner.address)).length).toBe(sent)
    expect(await (await get(owner.manage)).text()).toContain('削除を予定しています')

    await housekeepingAt(new Date(Date.now() + 6 * DAY_MS))
    expect(await state(env.DB, id)).toBe('paused')
    expect((await post(stop, {}, { origin: null })).status).toBe(200)
    expect(await state(env.DB, id)).toBe('stopped')

    await housekeepingAt(new Date(Date.now() + 7 * DAY_MS + 60_000))
    expect(await state(env.DB, id)).toBeNull()
    const counted = await env.DB.prepare(
      "SELECT SUM(count) AS n FROM erasures WHERE tenant_slug = 'sakura-city' AND reason = 'requested'",
    ).first<number>('n')
    expect(counted).toBeGreaterThanOrEqual(1)
  })

  it('on shard 2: a deletion scheduled for an unreachable LINE account is cancelled from the manage page and never happens', async () => {
    const db = await shardOf('minato-town')
    const owner = await residentInShard('del-line', { tenant: 'minato-town', channel: 'line' })
    const other = await residentInShard('del-line-2', { tenant: 'minato-town', channel: 'line' })
    for (const r of [owner, other])
      await suppressAddress(db, {
        tenant: 'minato-town',
        channel: 'line',
        address: r.address,
        reason: 'unfollowed',
        eventId: `evt-${r.id}`,
        now: new Date(),
      })
    expect((await post(`${owner.manage}/delete`, {})).status).toBe(200)
    expect((await post(`${other.manage}/delete`, {})).status).toBe(200)
    expect((await post(`${owner.manage}/delete/cancel`, {})).status).toBe(303)

    await housekeepingAt(new Date(Date.now() + 8 * DAY_MS))
    expect(await state(db, owner.id)).toBe('paused')
    expect(await state(db, other.id)).toBeNull()
    expect((await get(owner.manage)).status).toBe(200)
  })
})

describe('when the email provider fails the confirmation', { timeout: 30_000 }, () => {
  const fake = inject('fakeResendUrl')
  const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
  const withResend = { ...env, TENANT_SECRETS_KEY: secretsKey, RESEND_BASE_URL: fake }
  const control = (path: string, body?: unknown) =>
    fetch(`${fake}/__fake/${path}`, { method: 'POST', body: JSON.stringify(body ?? null) })

  afterEach(async () => {
    await env.DB.prepare('DELETE FROM tenant_secrets').run()
    await control('reset')
  })

  it('schedules the deletion 7 days on, cancellable, instead of waiting for a link that never left', async () => {
    const owner = await registeredResident()
    const id = await idOf(owner.address)
    await storeTenantSecret(env.DB, secretsKey, {
      tenant: 'sakura-city',
      name: 'resend.apiKey',
      value: 're_test',
      now: new Date(),
    })
    await control('reset')
    await control('faults', ['server-error'])
    const asked = await app.fetch(
      new Request(`${origin}${owner.manage}/delete`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
        body: '',
      }),
      withResend,
    )
    expect(asked.status).toBe(200)
    expect(await asked.text()).toContain('7日後に削除します')
    await housekeepingAt(new Date(Date.now() + 6 * DAY_MS))
    expect(await state(env.DB, id)).toBe('active')
    await housekeepingAt(new Date(Date.now() + 7 * DAY_MS + 60_000))
    expect(await state(env.DB, id)).toBeNull()
  })
})
