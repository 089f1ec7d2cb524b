import { env, exports } from 'cloudflare:workers'
import type { D1Database } from '@cloudflare/workers-types'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { app } from '../../edge/app'
import type { OutgoingMessage } from '../../edge/channels/adapter'
import { storeTenantSecret } from '../../edge/channels/secrets'
import type { DeliveryBatch } from '../../edge/queues'
import { type LoadedSnapshot, loadSnapshot } from '../../edge/snapshot/read'
import { validConsultation } from './support/consultation'
import { deliverInShards, keepingAdapter } from './support/consumer'
import { get, origin, post } from './support/resident-http'
import { residentInShard, storeOnTwoShards } from './support/second-shard'
import { shardOf } from './support/shards'

// さくら市 on shard 1, みなと町 on shard 2. Every household's due date makes 2026-11-23 its
// pregnancy/196, the day the fixture has a message for.

const manifest = 'nurse-known-0001'
const sakura = 'sakura-city'
const minato = 'minato-town'
const sakuraDesk = 'kosodate@sakura.example.jp'
const minatoDesk = 'hoken@minato.example.jp'
const satoLine = '担当の保健師が さとう さんになりました（連絡先 0120-000-000）'

let snapshot: LoadedSnapshot
const residents: Record<string, { manage: string }> = {}

async function assignNurse(
  tenant: string,
  household: string,
  nurse: { user: string; name: string; contact: string | null; email: string | null; at?: string },
) {
  const db = await shardOf(tenant)
  await db
    .prepare(
      `INSERT INTO household_nurses (household_id, tenant_slug, nurse_user, nurse_name, nurse_contact, nurse_email, assigned_by, assigned_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'desk-1', ?7)
       ON CONFLICT (household_id) DO UPDATE SET nurse_user = ?3, nurse_name = ?4, nurse_contact = ?5,
         nurse_email = ?6, assigned_at = ?7, told_at = NULL`,
    )
    .bind(
      household,
      tenant,
      nurse.user,
      nurse.name,
      nurse.contact,
      nurse.email,
      nurse.at ?? '2026-11-20T01:00:00.000Z',
    )
    .run()
}

/** A partner following the household `t-{of}`, on email. */
async function partnerOf(id: string, of: string, tenant: string) {
  const db = await shardOf(tenant)
  const at = '2026-11-01T00:00:00.000Z'
  await db.batch([
    db
      .prepare(
        `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state,
                                  next_send_on, address_verified_at, created_at, updated_at)
         VALUES (?1, ?2, 'けん', 'partner', 'ja', 'email', ?1 || '@example.jp', 'active', '2026-11-23', ?3, ?3, ?3)`,
      )
      .bind(id, tenant, at),
    db
      .prepare('INSERT INTO timeline_members (timeline_id, subscriber_id) VALUES (?1, ?2)')
      .bind(`t-${of}`, id),
  ])
}

const toldAt = async (tenant: string, household: string) =>
  (await shardOf(tenant))
    .prepare('SELECT told_at FROM household_nurses WHERE household_id = ?1')
    .bind(household)
    .first<string | null>('told_at')

/** One day's program messages for these subscribers of a town, as the queue's consumer sends them. */
async function deliverDay(tenant: string, date: string, ids: string[]) {
  const provider = keepingAdapter()
  const batch: DeliveryBatch = { tenant, localDate: date, manifestId: manifest, subscriberIds: ids }
  await deliverInShards(snapshot, provider, [batch], `${date}T00:10:00Z`)
  const to = (address: string) => provider.messages.find((m) => m.to === address)
  return { messages: provider.messages, to }
}

/** The message page its link opens (links are https, as the messages carry them). */
const openMessagePage = (message: OutgoingMessage | undefined) => {
  const url = message?.text.match(/https:\/\/yorisoi\.example\.jp\/m\/[A-Za-z0-9_-]+/)?.[0]
  if (!url) throw new Error(`no message page link in ${message?.text}`)
  return exports.default.fetch(url, { redirect: 'manual' })
}

/** Moves a household's due date so that `date` is again its pregnancy/196. */
async function day196On(tenant: string, household: string, due: string) {
  await (await shardOf(tenant))
    .prepare('UPDATE timelines SET due_date = ?2 WHERE id = ?1')
    .bind(household, due)
    .run()
}

beforeAll(async () => {
  await storeOnTwoShards(manifest)
  snapshot = (await loadSnapshot(env.DB, manifest))!
  const due = '2027-02-15'
  for (const [id, tenant, channel] of [
    ['nk-hana', sakura, 'email'],
    ['nk-sms', sakura, 'sms'],
    ['nk-none', sakura, 'email'],
    ['nk-shy', sakura, 'email'],
    ['nk-yui', minato, 'line'],
    ['nk-mnone', minato, 'line'],
  ] as const)
    residents[id] = await residentInShard(id, { tenant, channel, due })
  await partnerOf('nk-ken', 'nk-hana', sakura)
  await assignNurse(sakura, 't-nk-hana', {
    user: 'nurse-sato',
    name: 'さとう',
    contact: '0120-000-000',
    email: 'sato@sakura.example.jp',
  })
  await assignNurse(sakura, 't-nk-sms', { user: 'nurse-suzuki', name: 'すずき', contact: null, email: null })
  // She shows no name to families: her notices reach her, the family's pages say nothing of her.
  await assignNurse(sakura, 't-nk-shy', {
    user: 'nurse-shy',
    name: '',
    contact: null,
    email: 'shy@sakura.example.jp',
  })
  await assignNurse(minato, 't-nk-yui', {
    user: 'nurse-tanaka',
    name: '保健師 たなか',
    contact: '町保健センター 0120-111-222',
    email: 'tanaka@minato.example.jp',
  })
})

describe('the family knows its nurse', { timeout: 60_000 }, () => {
  it('the manage page shows her name and how to reach her, in both shards', async () => {
    const hana = await (await get(residents['nk-hana']!.manage)).text()
    expect(hana).toContain('担当の保健師')
    expect(hana).toContain('Your public health nurse')
    expect(hana).toContain('<strong lang="ja">さとう</strong>')
    expect(hana).toContain('<a href="tel:0120000000">0120-000-000</a>')
    expect(hana).toContain('ご相談は、まず担当の保健師に届きます。')
    expect(hana).not.toContain('sato@sakura.example.jp')

    const yui = await (await get(residents['nk-yui']!.manage)).text()
    expect(yui).toContain('<strong lang="ja">保健師 たなか</strong>')
    expect(yui).toContain('町保健センター 0120-111-222')
  })

  it('a household without a nurse, or whose nurse shows no name, sees nothing new', async () => {
    for (const id of ['nk-none', 'nk-shy', 'nk-mnone']) {
      const page = await get(residents[id]!.manage)
      expect(page.status).toBe(200)
      expect(await page.text()).not.toContain('担当の保健師')
    }
  })

  it('the next program message tells of her once: email, SMS, LINE and the partner the same day, then never again', async () => {
    const sakuraDay = await deliverDay(sakura, '2026-11-23', ['nk-hana', 'nk-sms', 'nk-none', 'nk-shy'])
    const hana = sakuraDay.to('nk-hana@example.jp')
    expect(hana?.text).toContain(satoLine)
    expect(hana?.html).toContain(satoLine)
    expect(hana?.subject).not.toContain('保健師')
    expect(sakuraDay.to('+819012345678')?.text).toContain('担当の保健師が すずき さんになりました')
    for (const address of ['nk-none@example.jp', 'nk-shy@example.jp'])
      expect(sakuraDay.to(address)?.text).not.toContain('担当の保健師')
    expect(await toldAt(sakura, 't-nk-hana')).toBe('2026-11-23T00:10:00.000Z')
    expect(await toldAt(sakura, 't-nk-sms')).toBe('2026-11-23T00:10:00.000Z')
    expect(await toldAt(sakura, 't-nk-shy')).toBeNull()

    // The partner's batch of the same day, after hers: the household is told to both.
    const partnerDay = await deliverDay(sakura, '2026-11-23', ['nk-ken'])
    expect(partnerDay.to('nk-ken@example.jp')?.text).toContain(satoLine)

    const minatoDay = await deliverDay(minato, '2026-11-23', ['nk-yui', 'nk-mnone'])
    expect(minatoDay.to('Unk-yui')?.bubbles?.join('\n')).toContain(
      '担当の保健師が 保健師 たなか さんになりました（連絡先 町保健センター 0120-111-222）',
    )
    expect(minatoDay.to('Unk-mnone')?.text).not.toContain('保健師')
    expect(await toldAt(minato, 't-nk-yui')).toBe('2026-11-23T00:10:00.000Z')

    // The next day: the message comes, the line does not.
    await day196On(sakura, 't-nk-hana', '2027-02-16')
    await day196On(minato, 't-nk-yui', '2027-02-16')
    const next = await deliverDay(sakura, '2026-11-24', ['nk-hana', 'nk-ken'])
    expect(next.messages).toHaveLength(2)
    for (const m of next.messages) expect(m.text).not.toContain('担当の保健師')
    const nextMinato = await deliverDay(minato, '2026-11-24', ['nk-yui'])
    expect(nextMinato.messages).toHaveLength(1)
    expect(nextMinato.messages[0]?.text).not.toContain('担当の保健師')
    expect(await toldAt(sakura, 't-nk-hana')).toBe('2026-11-23T00:10:00.000Z')

    // Another nurse takes the household over: the next message tells of her, once.
    await assignNurse(sakura, 't-nk-hana', {
      user: 'nurse-takahashi',
      name: 'たかはし',
      contact: null,
      email: 'takahashi@sakura.example.jp',
      at: '2026-11-24T05:00:00.000Z',
    })
    await day196On(sakura, 't-nk-hana', '2027-02-17')
    const changed = await deliverDay(sakura, '2026-11-25', ['nk-hana'])
    expect(changed.to('nk-hana@example.jp')?.text).toContain('担当の保健師が たかはし さんになりました')
    expect(changed.to('nk-hana@example.jp')?.text).not.toContain('さとう')
    expect(await toldAt(sakura, 't-nk-hana')).toBe('2026-11-25T00:10:00.000Z')
  })

  it('a message page shows her as she is today, in both shards; without a nurse it shows none', async () => {
    await day196On(sakura, 't-nk-none', '2027-02-18')
    await day196On(minato, 't-nk-mnone', '2027-02-18')
    const sakuraDay = await deliverDay(sakura, '2026-11-26', ['nk-none'])
    const minatoDay = await deliverDay(minato, '2026-11-26', ['nk-mnone'])
    await day196On(sakura, 't-nk-hana', '2027-02-18')
    await day196On(minato, 't-nk-yui', '2027-02-18')
    const hanaDay = await deliverDay(sakura, '2026-11-26', ['nk-hana'])
    const yuiDay = await deliverDay(minato, '2026-11-26', ['nk-yui'])

    const hana = await openMessagePage(hanaDay.to('nk-hana@example.jp'))
    expect(hana.status).toBe(200)
    const hanaPage = await hana.text()
    expect(hanaPage).toContain('担当の保健師')
    expect(hanaPage).toContain('<strong lang="ja">たかはし</strong>')
    const yui = await (await openMessagePage(yuiDay.to('Unk-yui'))).text()
    expect(yui).toContain('<strong lang="ja">保健師 たなか</strong>')
    expect(yui).toContain('町保健センター 0120-111-222')

    for (const message of [sakuraDay.to('nk-none@example.jp'), minatoDay.to('Unk-mnone')]) {
      const page = await openMessagePage(message)
      expect(page.status).toBe(200)
      expect(await page.text()).not.toContain('担当の保健師')
    }
  })

  it('a consultation goes to her with the desk in copy, and the acknowledgement names her, in both shards', async () => {
    const cases = [
      { id: 'nk-hana', tenant: sakura, to: 'takahashi@sakura.example.jp', cc: sakuraDesk, name: 'たかはし' },
      { id: 'nk-yui', tenant: minato, to: 'tanaka@minato.example.jp', cc: minatoDesk, name: '保健師 たなか' },
    ]
    for (const c of cases) {
      const received = await consult(residents[c.id]!.manage)
      expect(received).toContain(`このご相談は、担当の保健師 ${c.name} さんに届きました。`)
      expect(received).toContain(`Your question went to your public health nurse, ${c.name}.`)
      const [mail] = await outboxOf(await shardOf(c.tenant), c.id)
      expect(mail).toMatchObject({ recipient: c.to, cc: c.cc })
      expect(mail?.text).toContain('担当の保健師')
      expect(mail?.subject).not.toContain(c.name)
    }
  })

  it('a consultation of a household without a nurse with an address goes to the desk as before', async () => {
    for (const [id, tenant] of [
      ['nk-none', sakura],
      ['nk-sms', sakura],
      ['nk-mnone', minato],
    ] as const) {
      const received = await consult(residents[id]!.manage)
      expect(received).not.toContain('担当の保健師')
      const [mail] = await outboxOf(await shardOf(tenant), id)
      expect(mail).toMatchObject({ recipient: tenant === sakura ? sakuraDesk : minatoDesk, cc: null })
      expect(mail?.text).not.toContain('担当の保健師')
    }
  })

  it('a nurse who shows no name still has the consultation first, unnamed to the family', async () => {
    const received = await consult(residents['nk-shy']!.manage)
    expect(received).not.toContain('担当の保健師')
    const [mail] = await outboxOf(await shardOf(sakura), 'nk-shy')
    expect(mail).toMatchObject({ recipient: 'shy@sakura.example.jp', cc: sakuraDesk })
  })
})

describe('through Resend', { timeout: 30_000 }, () => {
  it('the nurse is the addressee and the desk has a copy, on the wire', async () => {
    const fake = inject('fakeResendUrl')
    const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
    await storeTenantSecret(env.DB, secretsKey, {
      tenant: sakura,
      name: 'resend.apiKey',
      value: 're_test',
      now: new Date(),
    })
    try {
      const sent = await app.fetch(
        new Request(`${origin}${residents['nk-hana']!.manage}/consult`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
          body: new URLSearchParams(validConsultation({ category: 'feelings' })),
          redirect: 'manual',
        }),
        { ...env, TENANT_SECRETS_KEY: secretsKey, RESEND_BASE_URL: fake },
      )
      expect(sent.status).toBe(303)
      const id = sent.headers.get('location')!.split('/').pop()!
      const accepted = (await (
        await fetch(`${fake}/__fake/emails?to=${encodeURIComponent('takahashi@sakura.example.jp')}`)
      ).json()) as { ref: string; to: string[]; cc?: string[] }[]
      expect(accepted.filter((e) => e.ref === `consultation-${id}`)).toEqual([
        expect.objectContaining({ to: ['takahashi@sakura.example.jp'], cc: [sakuraDesk] }),
      ])
    } finally {
      await env.DB.prepare("DELETE FROM tenant_secrets WHERE tenant_slug = 'sakura-city'").run()
    }
  })
})

async function consult(manage: string): Promise<string> {
  const sent = await post(`${manage}/consult`, validConsultation())
  expect(sent.status, await sent.clone().text()).toBe(303)
  const page = await get(sent.headers.get('location')!)
  expect(page.status).toBe(200)
  return page.text()
}

/** The consultation forwards about one resident, as the local outbox keeps them in their shard. */
const outboxOf = async (db: D1Database, subscriberId: string) =>
  (
    await db
      .prepare(
        `SELECT recipient, cc, subject, text FROM outbox
          WHERE subscriber_id = ?1 AND idempotency_key LIKE 'consultation-%' ORDER BY created_at`,
      )
      .bind(subscriberId)
      .all<{ recipient: string; cc: string | null; subject: string; text: string }>()
  ).results
