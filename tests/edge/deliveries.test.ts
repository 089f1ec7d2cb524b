import { expect, it } from 'vitest'
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
