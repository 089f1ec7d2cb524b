import { expect, it } from 'vitest'
import { eachWithLimit } from '../../shared/concurrency'

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1))

it('runs every item once with at most `limit` in flight', async () => {
  let inFlight = 0
  let most = 0
  const seen: number[] = []
  await eachWithLimit([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
    inFlight += 1
    most = Math.max(most, inFlight)
    await tick()
    seen.push(item)
    inFlight -= 1
  })
  expect(seen.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7])
  expect(most).toBe(3)
})

it('does nothing for no items and rejects with the first failure', async () => {
  await expect(eachWithLimit([], 4, async () => {})).resolves.toBeUndefined()
  await expect(
    eachWithLimit([1, 2, 3], 2, async (item) => {
      await tick()
      if (item === 2) throw new Error('two failed')
    }),
  ).rejects.toThrow('two failed')
})
