import { env, exports } from 'cloudflare:workers'
import { beforeAll, expect } from 'vitest'
import { personalData } from '../../../edge/resident/personal-data'
import { allShards } from '../../../edge/shards/databases'
import { validConsultation } from '../../edge/support/consultation'
import { deleteMyData } from '../../edge/support/deletion'
import { needlesOf, traces } from '../../edge/support/erasure'
import { get, origin, post, subscriberByAddress, validRegistration } from '../../edge/support/resident-http'
import { freshIp, freshMobile } from '../../edge/support/verification'
import { svixHeaders } from '../../fakes/webhook-signatures'
import { attack } from '../support/attempts'
import { setSecret } from './support/secrets'
import { publishTowns, type Victim, victim } from './support/towns'

// "Delete my data", then an outsider (or a leaked backup) looks for the resident: every personal
// column of every table of every shard, searched for everything that was theirs — address,
// nickname, ids, token hashes, words, phone — finds nothing; their links are dead; a neighbour in
// the same town is untouched.

const svixSecret = `whsec_${btoa('erasure-resend-signing-secret-32')}`

beforeAll(async () => {
  await publishTowns('attack-erasure-0001')
  await setSecret('sakura-city', 'resend.webhookSecret', svixSecret)
})

let serial = 0

/** A resident who left every trace the pages let them leave. */
async function residentWithTraces(tenant: 'sakura-city' | 'minato-town') {
  serial += 1
  const nickname = `けすひと${serial}-${crypto.randomUUID().slice(0, 6)}`
  const r: Victim = await victim(tenant, { nickname })
  const words = `相談${serial}-${crypto.randomUUID()}`
  const phone = `03-${String(1000 + serial)}-${String(1000 + Math.floor(Math.random() * 8999))}`
  expect(
    (
      await post(
        `${r.manage}/consult`,
        validConsultation({ text: words, contact: 'phone', phone, hours: '午前' }),
      )
    ).status,
  ).toBeLessThan(400)
  expect((await post(`${r.manage}/invite`, {})).status).toBe(200)
  const mobile = freshMobile()
  const extra = [nickname, words, phone, mobile.e164]
  if (tenant === 'sakura-city') {
    // An address change to SMS left pending (a code sent), and someone registering their address again.
    expect(
      (await post(`${r.manage}/address`, { channel: 'sms', address: mobile.typed }, { ip: freshIp() }))
        .status,
    ).toBeLessThan(400)
    await post('/t/sakura-city', validRegistration({ address: r.address }), { ip: freshIp() })
    // A bounce reported by the town's provider.
    const bounce = JSON.stringify({
      type: 'email.bounced',
      created_at: new Date().toISOString(),
      data: { email_id: crypto.randomUUID(), to: [r.address] },
    })
    const headers = await svixHeaders(svixSecret, bounce)
    extra.push(headers['svix-id']!)
    expect(
      (
        await exports.default.fetch(`${origin}/webhooks/resend/sakura-city`, {
          method: 'POST',
          body: bounce,
          headers,
        })
      ).status,
    ).toBe(204)
  }
  const subscriber = await subscriberByAddress(r.address)
  const needles: string[] = []
  for (const { db: shard } of allShards(env))
    needles.push(...(await needlesOf(shard, { subscriberId: subscriber!.id, address: r.address }, extra)))
  return { ...r, needles: [...new Set(needles)] }
}

const findable = async (needles: string[]) => {
  const found: Record<string, string[]> = {}
  for (const { shard, db } of allShards(env))
    for (const [table, rows] of Object.entries(await traces(db, needles)))
      found[`shard ${shard}: ${table}`] = rows
  return found
}

attack(
  'erasure leftover',
  '"delete my data" in each shard, then every table searched for the resident',
  async (attempts) => {
    for (const tenant of ['sakura-city', 'minato-town'] as const) {
      const erased = await residentWithTraces(tenant)
      const neighbour = await residentWithTraces(tenant)
      // The search sees what it looks for.
      expect(Object.keys(await findable(erased.needles))).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/subscribers$/),
          expect.stringMatching(/consultations$/),
        ]),
      )
      const neighbourBefore = await findable(neighbour.needles)

      // Asked on the manage page, confirmed from the link sent to their address (or done by the
      // cron 7 days on where it could not be delivered).
      await deleteMyData(erased.manage)

      // One search of every table of every shard; each table is one attempt to find them.
      const left = Object.entries(await findable(erased.needles))
      for (const table of Object.keys(personalData)) {
        await attempts.refused(() => {
          expect(
            left.filter(([where]) => where.endsWith(`: ${table}`)),
            `${tenant}: ${table}`,
          ).toEqual([])
        })
      }
      for (const link of [erased.manage, erased.stop, `${erased.manage}/consult`]) {
        await attempts.refused(async () => {
          const response = await get(link)
          expect(response.status, link).toBe(404)
          expect(await response.text()).not.toContain(erased.nickname)
        })
      }
      expect(await findable(neighbour.needles)).toEqual(neighbourBefore)
    }
  },
)
