import { env } from 'cloudflare:workers'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { CONSULTATION_MAX_CHARS, consultationCategoryIds } from '../../shared/consultation'
import { everyUrgencyWord } from '../../shared/consultation/urgency'
import { deskAddress, halfWrittenConsultations, residentWithManageLink } from './support/consultation'
import { emptyDeliveryTables, rows, storeFixture } from './support/delivery'
import { post } from './support/resident-http'

beforeAll(async () => {
  await emptyDeliveryTables()
  await storeFixture()
})

// Plausible values mixed with anything at all, words of urgency among them: the form must answer
// without a server error, store a consultation whole (with its forward) or not at all, and
// forward to the desk exactly what it stored.
const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
)
const maybe = <T>(plausible: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: plausible, weight: 4 }, { arbitrary: anyText, weight: 1 })
const urgentWord = fc.constantFrom(...everyUrgencyWord)
const words = fc.oneof(
  anyText,
  fc.tuple(anyText, urgentWord, anyText).map((parts) => parts.join(' ')),
  fc.integer({ min: CONSULTATION_MAX_CHARS - 2, max: CONSULTATION_MAX_CHARS + 2 }).map((n) => 'あ'.repeat(n)),
  fc.constantFrom('', '   ', '\r\n\t', '相談です\u0007'),
)

describe('consultation form fuzzing', () => {
  it('1,000 generated forms: no 5xx, nothing half-written, the desk gets what was stored', async () => {
    const residents = [
      await residentWithManageLink('fz-mail', 'email'),
      await residentWithManageLink('fz-sms', 'sms'),
      await residentWithManageLink('fz-line', 'line'),
    ]
    const statuses = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: residents.length - 1 }),
        fc.nat({ max: 39 }).map((n) => n === 0),
        fc.record({
          category: maybe(fc.constantFrom(...consultationCategoryIds)),
          text: words,
          contact: maybe(fc.constantFrom('registered', 'phone', 'none')),
          phone: maybe(fc.constantFrom('090-1234-5678', '03-1234-5678', '+81 90 1234 5678', '110')),
          hours: maybe(fc.constantFrom('', '平日の午前', '夜9時以降')),
        }),
        async (who, aDayPasses, fields) => {
          const resident = residents[who]!
          // Now and then a day passes, so the daily limit is met but does not end the run.
          if (aDayPasses)
            await env.DB.prepare(
              "UPDATE consultations SET created_at = '2000-01-01T00:00:00.000Z' WHERE subscriber_id = ?1",
            )
              .bind(resident.id)
              .run()
          const response = await post(`${resident.manage}/consult`, fields)
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
          expect([303, 422, 429]).toContain(response.status)
          const body = await response.text()
          // What the browser sends: lone surrogates arrive as U+FFFD.
          const sent = fields.text.replace(/\p{Cs}/gu, '\uFFFD')
          if (response.status === 422 && !/[<>&"']/.test(sent)) expect(body).toContain(`${sent}</textarea>`)
          if (response.status === 303) {
            const id = response.headers.get('location')!.split('/').pop()!
            const [stored] = await rows<{ text: string }>('SELECT text FROM consultations WHERE id = ?1', id)
            expect(stored!.text).toBe(sent.replace(/\r\n?/g, '\n').trim())
            expect([...stored!.text].length).toBeLessThanOrEqual(CONSULTATION_MAX_CHARS)
            const [mail] = await rows<{ text: string }>(
              'SELECT text FROM outbox WHERE idempotency_key = ?1 AND recipient = ?2',
              `consultation-${id}`,
              deskAddress,
            )
            expect(mail!.text).toContain(stored!.text)
          }
        },
      ),
      { numRuns: 1000 },
    )
    expect(statuses.get(303)).toBeGreaterThan(50)
    expect(statuses.get(422)).toBeGreaterThan(50)
    expect(statuses.get(429)).toBeGreaterThan(0)
    expect(await halfWrittenConsultations()).toEqual([])
    expect(await rows("SELECT state FROM consultation_forwards WHERE state != 'sent'")).toEqual([])
  }, 300_000)
})
