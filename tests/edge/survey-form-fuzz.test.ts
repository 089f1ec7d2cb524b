import { env } from 'cloudflare:workers'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { emptyDeliveryTables, insertExpecting, rows } from './support/delivery'
import { deliverOn, postForm, sentText, storeSurveySnapshot, surveyPaths } from './support/surveys'

let path: string

beforeAll(async () => {
  await emptyDeliveryTables()
  const snapshot = await storeSurveySnapshot()
  await insertExpecting('sub-fuzz')
  await deliverOn(snapshot, '2026-11-23')
  path = surveyPaths(await sentText('sub-fuzz@example.jp', '2026-11-23'))[0]!
})

// Plausible answers mixed with anything at all, under the survey's own field names and others.
const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
)
const maybe = (plausible: fc.Arbitrary<string>) =>
  fc.oneof({ arbitrary: plausible, weight: 5 }, { arbitrary: anyText, weight: 1 })
// Mostly one value, as a browser sends; sometimes none, or several under one name.
const field = (name: string, value: fc.Arbitrary<string>) =>
  fc
    .oneof(
      { arbitrary: value.map((v) => [v]), weight: 4 },
      { arbitrary: fc.array(value, { maxLength: 3 }), weight: 1 },
    )
    .map((values) => values.map((v): [string, string] => [name, v]))
const form = fc
  .tuple(
    field('q_feeling', maybe(fc.constantFrom('1', '3', '5', '0', '6', '-1', '3.5', ' 4 '))),
    field('q_worries', maybe(fc.constantFrom('body', 'money', 'work', 'rockets'))),
    field('q_interview', maybe(fc.constantFrom('yes', 'no'))),
    field('q_comment', maybe(fc.string({ unit: 'grapheme', minLength: 190, maxLength: 210 }))),
    field('contact', maybe(fc.constantFrom('registered', 'phone', 'email'))),
    field('contact_phone', maybe(fc.constantFrom('090-1234-5678', '0312345678', '#8000', '12'))),
    field('contact_email', maybe(fc.emailAddress())),
    field('contact_note', anyText),
    field('q_unknown', anyText),
  )
  .map((parts) => parts.flat())

const counted = async () =>
  (await rows<{ n: number }>('SELECT coalesce(sum(count), 0) AS n FROM survey_answer_counts'))[0]!.n
/** What the stored response should have added to the counts: one per option, scale value, or free text. */
const countKeys = async () =>
  (
    await rows<{ n: number }>(
      `SELECT count(*) AS n FROM (SELECT DISTINCT question_id,
         CASE WHEN question_id = 'comment' THEN '' ELSE value END FROM survey_answers)`,
    )
  )[0]!.n

/** Each response whole: its answers and its counts, or neither. */
async function halfWritten(): Promise<unknown[]> {
  return rows(
    `SELECT r.id FROM survey_responses r
     WHERE NOT EXISTS (SELECT 1 FROM survey_answers a WHERE a.response_id = r.id)
        OR (r.interview_state = 'none') = EXISTS (SELECT 1 FROM survey_answers a WHERE a.response_id = r.id
                                                   AND a.question_id = 'interview' AND a.value = 'yes')
     UNION ALL SELECT response_id FROM survey_answers WHERE response_id NOT IN (SELECT id FROM survey_responses)`,
  )
}

describe('survey form fuzzing', () => {
  it('1,000 generated forms: no 5xx, each either refused with nothing written or stored whole', async () => {
    let stored = 0
    let refused = 0
    await fc.assert(
      fc.asyncProperty(form, async (fields) => {
        const before = (await rows<{ n: number }>('SELECT count(*) AS n FROM survey_answers'))[0]!.n
        const countedBefore = await counted()
        const response = await postForm(path, fields)
        expect(response.status).toBeLessThan(500)
        expect([200, 400]).toContain(response.status)
        await response.body?.cancel()
        expect(await halfWritten()).toEqual([])
        const after = (await rows<{ n: number }>('SELECT count(*) AS n FROM survey_answers'))[0]!.n
        if (response.status === 400) {
          refused++
          expect(after).toBe(before)
          expect(await counted()).toBe(countedBefore)
        } else {
          stored++
          expect(await counted()).toBe(countedBefore + (await countKeys()))
          // Answer again next time: the resident's one response is cleared (counts stay, as they would).
          await env.DB.prepare('DELETE FROM survey_responses').run()
        }
      }),
      { numRuns: 1000 },
    )
    // Both paths were really exercised.
    expect(stored).toBeGreaterThan(20)
    expect(refused).toBeGreaterThan(20)
  }, 300_000)
})
