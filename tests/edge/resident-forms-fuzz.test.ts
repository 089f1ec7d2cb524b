import { env } from 'cloudflare:workers'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkCivilDate } from '../../shared/calendar'
import { dateFromToday, post, registeredResident, seedFixtureTenants } from './support/resident-http'

beforeAll(seedFixtureTenants)

// Plausible values mixed with anything at all: the forms must answer without a server error and
// leave the database either fully changed or not changed at all.
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
const maybe = <T>(plausible: fc.Arbitrary<T>) => fc.oneof(plausible, anyText)

async function halfWritten(): Promise<unknown[]> {
  const { results } = await env.DB.prepare(
    `SELECT s.id FROM subscribers s
     WHERE (SELECT COUNT(*) FROM consents c WHERE c.subscriber_id = s.id) != 1
        OR (SELECT COUNT(*) FROM timeline_members m WHERE m.subscriber_id = s.id) != 1
        OR (SELECT COUNT(*) FROM access_tokens t WHERE t.subscriber_id = s.id AND t.purpose = 'stop') != 1
        OR (s.state = 'active' AND s.next_send_on IS NULL AND s.address_verified_at IS NULL)
     UNION ALL
     SELECT t.id FROM timelines t WHERE NOT EXISTS (SELECT 1 FROM timeline_members m WHERE m.timeline_id = t.id)`,
  ).all()
  return results
}

describe('form fuzzing', () => {
  it('registration: 1,000 generated forms, no 5xx, nothing half-written', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          nickname: maybe(fc.constantFrom('はな', 'そら', 'Hana')),
          audience: maybe(fc.constantFrom('primary', 'partner', 'family')),
          stage: maybe(fc.constantFrom('due', 'birth')),
          date: dateLike,
          language: maybe(fc.constantFrom('ja', 'en')),
          channel: maybe(fc.constantFrom('email', 'sms', 'line')),
          address: maybe(fc.emailAddress()),
          consent: maybe(fc.constant('yes')),
          noticeVersion: maybe(fc.constant('2026-04')),
        }),
        async (fields) => {
          run += 1
          const response = await post('/t/sakura-city', fields, { ip: `10.0.${run >> 8}.${run & 255}` })
          expect(response.status).toBeLessThan(500)
          expect([303, 422]).toContain(response.status)
          await response.body?.cancel()
        },
      ),
      { numRuns: 1000 },
    )
    expect(await halfWritten()).toEqual([])
  }, 120_000)

  it('self-service: 1,000 generated changes, no 5xx, dates stay sound', async () => {
    const { manage } = await registeredResident({ date: dateFromToday(150) })
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('nickname', 'due', 'birth', 'pause', 'loss', 'resume'),
        fc.record({
          nickname: anyText,
          date: dateLike,
          timeline: anyText,
          messages: maybe(fc.constant('support')),
        }),
        async (form, fields) => {
          const response = await post(`${manage}/${form}`, fields)
          expect(response.status).toBeLessThan(500)
          await response.body?.cancel()
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
    expect(await halfWritten()).toEqual([])
  }, 120_000)
})
