import { env } from 'cloudflare:workers'
import { expect, it } from 'vitest'
import { recordOutcomes } from '../../edge/channels/record-claimed'
import type { Outcome } from '../../edge/channels/send-claimed'
import { insertDelivery, insertSubscriber } from './support/residents'

it('refuses a second delivery of the same kind to the same resident on the same local date', async () => {
  const subscriber = await insertSubscriber('sub-once')
  await insertDelivery(subscriber, '2026-11-23', 'program')
  await expect(insertDelivery(subscriber, '2026-11-23', 'program')).rejects.toThrow(
    /UNIQUE constraint failed/,
  )
})

it('allows a confirmation and an announcement beside the program message that day, and the next day', async () => {
  const subscriber = await insertSubscriber('sub-kinds')
  await insertDelivery(subscriber, '2026-11-23', 'program')
  await insertDelivery(subscriber, '2026-11-23', 'confirmation')
  await insertDelivery(subscriber, '2026-11-23', 'announcement')
  await insertDelivery(subscriber, '2026-11-24', 'program')
})

it('keeps the unique key per resident: another resident gets their own program message that day', async () => {
  await insertDelivery(await insertSubscriber('sub-a'), '2026-11-23', 'program')
  await insertDelivery(await insertSubscriber('sub-b'), '2026-11-23', 'program')
})

it('refuses a kind that is not program, confirmation or announcement', async () => {
  const subscriber = await insertSubscriber('sub-kind-check')
  await expect(insertDelivery(subscriber, '2026-11-23', 'reminder')).rejects.toThrow(
    /CHECK constraint failed/,
  )
})

it('records a batch of outcomes on the deliveries still held, each with its own provider id, and leaves one taken over meanwhile alone', async () => {
  const subscriber = await insertSubscriber('sub-outcomes')
  const days = Array.from(
    { length: 130 },
    (_, i) =>
      `2026-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
  )
  for (const day of days) await insertDelivery(subscriber, day, 'program')
  await env.DB.prepare("UPDATE deliveries SET state = 'sending', attempts = 1").run()
  const { results } = await env.DB.prepare('SELECT id FROM deliveries ORDER BY local_date').all<{
    id: string
  }>()
  const keys = results.map((r) => r.id)
  // Another consumer took the 7th over (a stale claim): its attempt is no longer this consumer's.
  await env.DB.prepare('UPDATE deliveries SET attempts = 2 WHERE id = ?1').bind(keys[6]).run()
  const outcomes: Outcome[] = keys.map((key, i) =>
    i < 100
      ? { key, attempt: 1, state: 'sent', providerMessageId: `pm-${i}` }
      : i < 120
        ? { key, attempt: 1, state: 'failed-permanent', error: 'bounced' }
        : { key, attempt: 1, state: 'sent' },
  )
  const landed = await recordOutcomes(env.DB, outcomes, new Date('2026-11-23T00:10:00Z'))
  expect(landed.map((o) => o.key)).toEqual(keys.filter((_, i) => i !== 6))
  const rows = await env.DB.prepare(
    'SELECT id, state, attempts, provider_message_id AS pm, error, claim FROM deliveries ORDER BY local_date',
  ).all<{
    id: string
    state: string
    attempts: number
    pm: string | null
    error: string | null
    claim: string | null
  }>()
  for (const [i, row] of rows.results.entries()) {
    if (i === 6) expect(row).toMatchObject({ state: 'sending', attempts: 2, pm: null })
    else if (i < 100) expect(row).toMatchObject({ state: 'sent', pm: `pm-${i}`, error: null })
    else if (i < 120) expect(row).toMatchObject({ state: 'failed-permanent', pm: null, error: 'bounced' })
    else expect(row).toMatchObject({ state: 'sent', pm: null, error: null })
  }
  expect(new Set(rows.results.filter((_, i) => i !== 6).map((r) => r.claim)).size).toBe(1)
})
