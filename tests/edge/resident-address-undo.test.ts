import { env } from 'cloudflare:workers'
import type { D1Database } from '@cloudflare/workers-types'
import { beforeAll, describe, expect, it } from 'vitest'
import { suppressAddress } from '../../edge/resident/suppression'
import { deletionsAt } from './support/deletion'
import { minatoWithEveryChannel } from './support/minato'
import { get, linkInOutbox, origin, post, registeredResident } from './support/resident-http'
import { residentInShard, storeOnTwoShards } from './support/second-shard'
import { shardNumberOf, shardOf } from './support/shards'
import { freshIp, outboxFor } from './support/verification'

// Someone holding a resident's forwarded manage link changes where the messages go. The address it
// replaced is told, with a "this was not me" link valid 14 days: following it brings the messages
// back and ends the manage links the other person holds. The stop link works all along.

beforeAll(async () => {
  await storeOnTwoShards('address-undo-0001', { minato: minatoWithEveryChannel })
  expect(await shardNumberOf('minato-town')).toBe(2)
})

const undoPattern = (shard: number) => new RegExp(`${origin}(/u/${shard}[A-Za-z0-9_-]{22})`)

/** The "not me" link in the latest message to this address (SMS, LINE or email). */
async function undoLinkFor(address: string, shard = 1): Promise<string> {
  const messages = await outboxFor(address)
  const link = messages
    .map((m) => m.text.match(undoPattern(shard))?.[1])
    .filter(Boolean)
    .at(-1)
  if (!link) throw new Error(`no undo link for ${address}: ${JSON.stringify(messages.map((m) => m.text))}`)
  return link
}

/** Changes the address to a new email from the manage page, proved by its link (the attacker's inbox). */
async function changeToEmail(manage: string, to: string) {
  const asked = await post(`${manage}/address`, { channel: 'email', address: to }, { ip: freshIp() })
  expect(asked.status, await asked.clone().text()).toBe(200)
  const proof = (await outboxFor(to))
    .at(-1)!
    .text.match(/http:\/\/edge\.test(\/v\/[0-9][A-Za-z0-9_-]{22})/)![1]!
  const done = await post(proof, {}, { ip: freshIp() })
  expect(done.status).toBe(303)
}

async function subscriberIn(db: D1Database, id: string) {
  return db
    .prepare('SELECT channel, address, state FROM subscribers WHERE id = ?1')
    .bind(id)
    .first<{ channel: string; address: string; state: string }>()
}

const idOf = async (address: string) =>
  (await env.DB.prepare('SELECT id FROM subscribers WHERE address = ?1').bind(address).first<string>('id'))!

const manageLinkOn = (page: string) => page.match(/\/r\/[0-9][A-Za-z0-9_-]{22}/g)?.at(-1)

describe('"this was not me" after a change of address', () => {
  it('tells the old address; its link brings the messages back and ends the attacker’s manage link; the stop link works throughout', async () => {
    const owner = await registeredResident()
    const stop = await linkInOutbox(owner.address, '/s/')
    const id = await idOf(owner.address)
    const attacker = `taker-${crypto.randomUUID().slice(0, 8)}@example.jp`

    await changeToEmail(owner.manage, attacker)
    expect(await subscriberIn(env.DB, id)).toMatchObject({ address: attacker })

    const notice = (await outboxFor(owner.address)).at(-1)!
    expect(notice.subject).toContain('受け取り先が変更されました')
    expect(notice.text).toContain(`t***@example.jp`)
    const undo = await undoLinkFor(owner.address)

    // Opening the link (a mail scanner) changes nothing; the button does.
    const shown = await get(undo)
    expect(shown.status).toBe(200)
    expect(await shown.text()).toContain('元に戻す')
    expect(await subscriberIn(env.DB, id)).toMatchObject({ address: attacker })

    const undone = await post(undo, {})
    expect(undone.status).toBe(200)
    const page = await undone.text()
    expect(page).toContain('受け取り先を元に戻しました')
    expect(await subscriberIn(env.DB, id)).toMatchObject({
      channel: 'email',
      address: owner.address,
      state: 'active',
    })

    // The manage link the attacker used (and every earlier one) ends; the owner gets a new one.
    expect((await get(owner.manage)).status).toBe(404)
    expect(
      (await post(`${owner.manage}/address`, { channel: 'email', address: 'x@example.jp' })).status,
    ).toBe(404)
    const fresh = manageLinkOn(page)
    expect(fresh).toBeDefined()
    expect(fresh).not.toBe(owner.manage)
    expect((await get(fresh!)).status).toBe(200)

    // Used once.
    expect((await post(undo, {})).status).toBe(404)
    expect((await get(undo)).status).toBe(404)

    // The stop link in the first message still stops in one tap.
    const stopped = await post(stop, { 'List-Unsubscribe': 'One-Click' }, { origin: null })
    expect(stopped.status).toBe(200)
    expect(await subscriberIn(env.DB, id)).toMatchObject({ state: 'stopped' })
  })

  it('expires after 14 days', async () => {
    const owner = await registeredResident()
    const id = await idOf(owner.address)
    const attacker = `late-${crypto.randomUUID().slice(0, 8)}@example.jp`
    await changeToEmail(owner.manage, attacker)
    const undo = await undoLinkFor(owner.address)
    const fifteenDaysAgo = new Date(Date.now() - 15 * 86_400_000).toISOString()
    const row = await env.DB.prepare(
      'SELECT created_at AS createdAt, expires_at AS expiresAt FROM address_changes WHERE subscriber_id = ?1',
    )
      .bind(id)
      .first<{ createdAt: string; expiresAt: string }>()
    expect(Date.parse(row!.expiresAt) - Date.parse(row!.createdAt)).toBe(14 * 86_400_000)
    await env.DB.prepare(
      'UPDATE address_changes SET created_at = ?2, expires_at = ?3 WHERE subscriber_id = ?1',
    )
      .bind(id, fifteenDaysAgo, new Date(Date.parse(fifteenDaysAgo) + 14 * 86_400_000).toISOString())
      .run()
    expect((await post(undo, {})).status).toBe(404)
    expect(await subscriberIn(env.DB, id)).toMatchObject({ address: attacker })
  })

  it('sends nothing to an old address its town may no longer write to', async () => {
    const owner = await registeredResident()
    await suppressAddress(env.DB, {
      tenant: 'sakura-city',
      channel: 'email',
      address: owner.address,
      reason: 'bounced',
      eventId: `evt-${owner.address}`,
      now: new Date(),
    })
    const before = (await outboxFor(owner.address)).length
    await changeToEmail(owner.manage, `fixed-${crypto.randomUUID().slice(0, 8)}@example.jp`)
    expect((await outboxFor(owner.address)).length).toBe(before)
  })
})

describe('an old address refused since the notice went out', () => {
  it('comes back paused, as a bounce leaves it, and the manage page says how to fix it', async () => {
    const owner = await registeredResident()
    const id = await idOf(owner.address)
    await changeToEmail(owner.manage, `bounce-${crypto.randomUUID().slice(0, 8)}@example.jp`)
    const undo = await undoLinkFor(owner.address)
    await suppressAddress(env.DB, {
      tenant: 'sakura-city',
      channel: 'email',
      address: owner.address,
      reason: 'bounced',
      eventId: `evt-late-${id}`,
      now: new Date(),
    })
    const page = await (await post(undo, {})).text()
    expect(await subscriberIn(env.DB, id)).toMatchObject({ address: owner.address, state: 'paused' })
    const manage = await (await get(manageLinkOn(page)!)).text()
    expect(manage).toContain('受け取り先を直す')
  })
})

describe('a deletion confirmed at the new address while the old one may still undo', () => {
  it('waits for the 14 days instead of deleting at once, and the undo cancels it', async () => {
    const owner = await registeredResident()
    const id = await idOf(owner.address)
    const attacker = `wipe-${crypto.randomUUID().slice(0, 8)}@example.jp`
    await changeToEmail(owner.manage, attacker)
    const undo = await undoLinkFor(owner.address)

    // The attacker asks to delete; the confirmation goes to their own address, and they confirm.
    expect((await post(`${owner.manage}/delete`, {})).status).toBe(200)
    const confirm = (await outboxFor(attacker))
      .at(-1)!
      .text.match(/http:\/\/edge\.test(\/d\/1[A-Za-z0-9_-]{22})/)![1]!
    const confirmed = await post(confirm, {})
    expect(confirmed.status).toBe(200)
    expect(await confirmed.text()).toContain('受け取り先の変更から14日間')
    expect(await subscriberIn(env.DB, id)).toMatchObject({ address: attacker })
    await deletionsAt(new Date(Date.now() + 8 * 86_400_000))
    expect(await subscriberIn(env.DB, id)).not.toBeNull()

    // The owner undoes within the 14 days: the deletion is gone with the attacker's access.
    expect((await post(undo, {})).status).toBe(200)
    await deletionsAt(new Date(Date.now() + 15 * 86_400_000))
    expect(await subscriberIn(env.DB, id)).toMatchObject({ address: owner.address })
  })

  it('without an undo, deletes once the 14 days are over', async () => {
    const owner = await registeredResident()
    const id = await idOf(owner.address)
    const moved = `moved-${crypto.randomUUID().slice(0, 8)}@example.jp`
    await changeToEmail(owner.manage, moved)
    expect((await post(`${owner.manage}/delete`, {})).status).toBe(200)
    const confirm = (await outboxFor(moved))
      .at(-1)!
      .text.match(/http:\/\/edge\.test(\/d\/1[A-Za-z0-9_-]{22})/)![1]!
    expect((await post(confirm, {})).status).toBe(200)
    await deletionsAt(new Date(Date.now() + 13 * 86_400_000))
    expect(await subscriberIn(env.DB, id)).not.toBeNull()
    await deletionsAt(new Date(Date.now() + 14 * 86_400_000 + 3_600_000))
    expect(await subscriberIn(env.DB, id)).toBeNull()
  })
})

describe('on shard 2, from an SMS number, after a second change', () => {
  it('the text to the old number carries the undo; it restores the number and spends the later change’s undo and any change waiting', async () => {
    const owner = await residentInShard('undo-sms', { tenant: 'minato-town', channel: 'sms' })
    const db = await shardOf('minato-town')
    const first = `first-${crypto.randomUUID().slice(0, 8)}@example.jp`
    const second = `second-${crypto.randomUUID().slice(0, 8)}@example.jp`

    await changeToEmail(owner.manage, first)
    const text = (await outboxFor(owner.address)).at(-1)!
    expect(text.channel).toBe('sms')
    expect(text.text).toContain('変更')
    const undo = await undoLinkFor(owner.address, 2)

    // The attacker changes again (the second change's undo goes to their first address), and asks
    // for a third, left waiting.
    await changeToEmail(owner.manage, second)
    const later = await undoLinkFor(first, 2)
    const third = `third-${crypto.randomUUID().slice(0, 8)}@example.jp`
    expect(
      (await post(`${owner.manage}/address`, { channel: 'email', address: third }, { ip: freshIp() })).status,
    ).toBe(200)
    const waiting = (await outboxFor(third))
      .at(-1)!
      .text.match(/http:\/\/edge\.test(\/v\/2[A-Za-z0-9_-]{22})/)![1]!

    expect((await post(undo, {})).status).toBe(200)
    expect(await subscriberIn(db, owner.id)).toMatchObject({ channel: 'sms', address: owner.address })
    // Nothing the attacker holds changes it again.
    expect((await post(later, {})).status).toBe(404)
    expect((await post(waiting, {}, { ip: freshIp() })).status).toBe(404)
    expect((await get(owner.manage)).status).toBe(404)
    expect(await subscriberIn(db, owner.id)).toMatchObject({ channel: 'sms', address: owner.address })
    // Nothing of it in the main database.
    expect(
      await env.DB.prepare(
        "SELECT COUNT(*) AS n FROM address_changes WHERE subscriber_id = 'undo-sms'",
      ).first<number>('n'),
    ).toBe(0)

    // The stop link still stops.
    expect((await post(owner.stop, {}, { origin: null })).status).toBe(200)
    expect(await subscriberIn(db, owner.id)).toMatchObject({ state: 'stopped' })
  })

  it('a LINE account that was replaced is told through LINE', async () => {
    const owner = await residentInShard('undo-line', { tenant: 'minato-town', channel: 'line' })
    await changeToEmail(owner.manage, `line-taker-${crypto.randomUUID().slice(0, 8)}@example.jp`)
    const pushed = (await outboxFor(owner.address)).at(-1)
    expect(pushed?.channel).toBe('line')
    expect((await post(await undoLinkFor(owner.address, 2), {})).status).toBe(200)
    expect(await subscriberIn(await shardOf('minato-town'), owner.id)).toMatchObject({
      channel: 'line',
      address: owner.address,
    })
  })
})
