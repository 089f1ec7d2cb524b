import { env } from 'cloudflare:workers'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { storeSnapshot } from '../../edge/snapshot/store'
import { checkCivilDate } from '../../shared/calendar'
import type { TenantPart } from '../../shared/contract'
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'
import { prepareSnapshot } from '../../shared/contract/snapshot'
import { dateFromToday, get, post, registeredResident, subscriberByAddress } from './support/resident-http'

const kaede: TenantPart = {
  ...fixtureTenantParts[0]!,
  tenant: {
    ...fixtureTenantParts[0]!.tenant,
    slug: 'kaede-town',
    name: { ja: 'かえで町', en: 'Kaede Town' },
    privacyNotice: { url: 'https://kaede.example.jp/privacy', version: 'k-2026' },
  },
  localEntries: [],
}

beforeAll(async () => {
  await storeSnapshot(
    env.DB,
    await prepareSnapshot({
      id: 'household-fuzz',
      createdAt: '2026-11-21T00:00:00.000Z',
      parts: [fixtureNationalPart, ...fixtureTenantParts, kaede],
    }),
  )
})

// Plausible values mixed with anything at all, as in resident-forms-fuzz.test.ts.
const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
)
const dateLike = fc.oneof(
  fc.integer({ min: -1200, max: 400 }).map(dateFromToday),
  fc.constantFrom('', '2026-02-29', '2027-13-01', '0001-01-01', '9999-12-31', '2026-1-1'),
  anyText,
)
// Mostly plausible, so that whole valid forms come up often enough to be written.
const maybe = <T>(plausible: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: plausible, weight: 4 }, { arbitrary: anyText, weight: 1 })

async function invitationLink(manage: string): Promise<string> {
  const page = await (await post(`${manage}/invite`, {})).text()
  const path = page.match(/http:\/\/edge\.test(\/i\/[0-9]{0,4}[A-Za-z0-9_-]{22})/)?.[1]
  if (!path) throw new Error('no invitation link')
  return path
}

/** Rows that only make sense whole: a subscriber without its consent or timeline, an orphan timeline. */
async function halfWritten(): Promise<unknown[]> {
  const { results } = await env.DB.prepare(
    `SELECT s.id FROM subscribers s
     WHERE NOT EXISTS (SELECT 1 FROM consents c WHERE c.subscriber_id = s.id)
        OR (s.state != 'stopped' AND NOT EXISTS (SELECT 1 FROM timeline_members m WHERE m.subscriber_id = s.id))
        OR (s.state != 'stopped' AND (SELECT COUNT(*) FROM consents c WHERE c.subscriber_id = s.id AND c.withdrawn_at IS NULL) != 1)
        OR (SELECT COUNT(*) FROM access_tokens t WHERE t.subscriber_id = s.id AND t.purpose = 'stop') != 1
        OR s.tenant_slug NOT IN ('sakura-city', 'minato-town', 'kaede-town')
     UNION ALL
     SELECT t.id FROM timelines t WHERE NOT EXISTS (SELECT 1 FROM timeline_members m WHERE m.timeline_id = t.id)`,
  ).all()
  return results
}

describe('household forms fuzzing', () => {
  it('invitation: 1,000 generated forms (and forged links), no 5xx, one invitee per spent link', async () => {
    const primary = await registeredResident({ date: dateFromToday(120) })
    let link = await invitationLink(primary.manage)
    let run = 0
    let accepted = 0
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          nickname: maybe(fc.constantFrom('たろう', 'ばあば', 'Taro')),
          audience: maybe(fc.constantFrom('partner', 'family', 'primary')),
          language: maybe(fc.constantFrom('ja', 'en')),
          channel: maybe(fc.constantFrom('email', 'email', 'sms', 'line')),
          address: maybe(
            fc.oneof(
              fc.uuid().map((u) => `${u.slice(0, 8)}@example.jp`),
              fc.emailAddress(),
              fc.constantFrom('090-1234-5678', '+81 80 2345 6789', '03-1234-5678'),
            ),
          ),
          consent: maybe(fc.constant('yes')),
          noticeVersion: maybe(fc.constant('2026-04')),
        }),
        // Now and then a forged or mangled link instead of the real one.
        fc.oneof({ arbitrary: fc.constant(null), weight: 9 }, { arbitrary: anyText, weight: 1 }),
        async (fields, forged) => {
          run += 1
          const path = forged === null ? link : `/i/${encodeURIComponent(forged)}`
          const response = await post(path, fields, { ip: `10.1.${run >> 8}.${run & 255}` })
          expect(response.status).toBeLessThan(500)
          // 429: the same mobile number asked for too many codes (the SMS limits).
          expect(forged === null ? [303, 422, 429] : [404]).toContain(response.status)
          await response.body?.cancel()
          if (response.status === 303) {
            accepted += 1
            link = await invitationLink(primary.manage)
          }
        },
      ),
      { numRuns: 1000 },
    )
    expect(accepted).toBeGreaterThan(0)
    const spent = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM access_tokens WHERE purpose = 'invite' AND used_at IS NOT NULL",
    ).first<{ n: number }>()
    const invitees = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM consents WHERE method LIKE 'invitation/%'",
    ).first<{ n: number }>()
    expect(spent!.n).toBe(accepted)
    expect(invitees!.n).toBe(accepted)
    expect(await halfWritten()).toEqual([])
  }, 300_000)

  it('self-service: 1,000 generated family, timeline, language and move forms, no 5xx, nothing half-written', async () => {
    let resident = await registeredResident({ date: dateFromToday(150) })
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'timelines',
          'language',
          'invite',
          'members/remove',
          'move',
          'move/kaede-town',
          'move/minato-town',
          'move/sakura-city',
        ),
        fc.record({
          stage: maybe(fc.constantFrom('due', 'birth')),
          date: dateLike,
          language: maybe(fc.constantFrom('ja', 'en', 'fr')),
          timeline: anyText,
          member: anyText,
          to: maybe(fc.constantFrom('kaede-town', 'minato-town', 'sakura-city', 'elsewhere', '')),
          consent: maybe(fc.constant('yes')),
          noticeVersion: maybe(fc.constantFrom('k-2026', 'v1', '2026-04')),
        }),
        async (form, fields) => {
          const response = await post(`${resident.manage}/${form}`, fields)
          expect(response.status).toBeLessThan(500)
          await response.body?.cancel()
          // A goodbye stops everything; carry on with someone new.
          if ((await subscriberByAddress(resident.address))?.state === 'stopped')
            resident = await registeredResident({ date: dateFromToday(150) })
        },
      ),
      { numRuns: 1000 },
    )
    const { results } = await env.DB.prepare(
      'SELECT due_date AS due, birth_date AS birth, loss_date AS loss FROM timelines',
    ).all<Record<string, string | null>>()
    for (const row of results) {
      for (const value of Object.values(row)) if (value !== null) expect(checkCivilDate(value).ok).toBe(true)
    }
    const crowded = await env.DB.prepare(
      'SELECT subscriber_id FROM timeline_members GROUP BY subscriber_id HAVING COUNT(*) > 6',
    ).all()
    expect(crowded.results).toEqual([])
    expect(await halfWritten()).toEqual([])
    expect((await get(resident.manage)).status).toBe(200)
  }, 300_000)
})
