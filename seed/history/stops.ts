import type { StopCount, StopReason } from '../../shared/contract'
import { weighted } from '../residents/random'
import { poisson } from './draw'
import type { ResidentStock } from './stock'
import type { SampleDay } from './town'

const stopWeights: readonly (readonly [StopReason, number])[] = [
  ['moved', 30],
  ['enough', 12],
  ['too-many', 10],
  ['not-useful', 5],
  ['other', 6],
  ['not-given', 37],
]
const stopsPerResidentDay = 0.0003

/** Stops: a few a week, each from a resident chosen at random, with the reason they gave. */
export function stopsOf(day: SampleDay, stock: ResidentStock): StopCount[] {
  const { date, tenant, random } = day
  const everyone = stock.held().filter((h) => h.count > 0)
  const total = everyone.reduce((n, h) => n + h.count, 0)
  const stops = new Map<StopReason, number>()
  let left = total
  for (let n = poisson(random, total * stopsPerResidentDay); n > 0 && left > 0; n--, left--) {
    if (!stock.takeOne(random, everyone, left)) break
    const reason = weighted(random, stopWeights)
    stops.set(reason, (stops.get(reason) ?? 0) + 1)
  }
  return [...stops].map(([reason, count]) => ({ date, tenant, reason, count }))
}
