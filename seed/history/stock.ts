import { type Audience, type ResidentCount, type ResidentStage, residentStages } from '../../shared/contract'
import { binomial, randomOf, roundByChance } from './draw'
import { audienceShare, type SampleDay, type SampleTown, sharesOf, uptakeOf } from './town'

type Cell = Pick<ResidentCount, 'stage' | 'audience' | 'channel' | 'language' | 'state'>
export type Held = { cell: Cell; count: number }
const cellKey = (c: Cell) => `${c.stage}|${c.audience}|${c.channel}|${c.language}|${c.state}`

/** Days a resident spends in each stage (registration at about week 8, so 妊娠前期 is short). */
const stageDays: Record<ResidentStage, number> = {
  'pregnancy-early': 42,
  'pregnancy-mid': 98,
  'pregnancy-late': 84,
  'day-0-100': 101,
  'to-1': 264,
  'to-2': 365,
  'to-3': 365,
}
/**
 * On the eve of the month, the share of each stage's steady flow that is registered: the service
 * began about two years ago, so older children's families joined fewer, and some have stopped.
 */
const filled: Record<ResidentStage, number> = {
  'pregnancy-early': 1,
  'pregnancy-mid': 1,
  'pregnancy-late': 0.99,
  'day-0-100': 0.95,
  'to-1': 0.75,
  'to-2': 0.45,
  'to-3': 0.2,
}

/** Share of a stage's flow registered (every stage's for no stage). */
export const reachOf = (stage: ResidentStage | null) => (stage ? filled[stage] : 1)

/**
 * A town's registered residents through the month, by stage, audience, channel, language and
 * state: on the eve every stage filled as a steady flow would fill it; then day by day they move
 * on, join, stop and are paused.
 */
export function residentStock(town: SampleTown) {
  const stock = new Map<string, Held>()
  const add = (cell: Cell, n: number) => {
    if (n <= 0) return
    const key = cellKey(cell)
    const held = stock.get(key)
    if (held) held.count += n
    else stock.set(key, { cell, count: n })
  }
  const random = randomOf(town.slug, 'start')
  const { channels, languages } = sharesOf(town)
  const perDay = (town.birthsPerYear * uptakeOf(town.birthsPerYear)) / 365
  for (const stage of residentStages)
    for (const [audience, aShare] of Object.entries(audienceShare) as [Audience, number][])
      for (const [channel, cShare] of channels)
        for (const [language, lShare] of languages)
          for (const [state, sShare] of [
            ['active', 0.98],
            ['paused', 0.02],
          ] as const) {
            const expected = perDay * stageDays[stage] * filled[stage] * aShare * cShare * lShare * sShare
            add({ stage, audience, channel, language, state }, roundByChance(random, expected))
          }
  return {
    add,
    /** Every cell held, in the order first held. */
    held: () => [...stock.values()],
    /** Residents in the cells `where` picks. */
    count: (where: (cell: Cell) => boolean) =>
      [...stock.values()].filter((h) => where(h.cell)).reduce((n, h) => n + h.count, 0),
    /** Stages move on (the oldest leave at three), the oldest stage first. */
    moveOn(random: () => number) {
      for (let s = residentStages.length - 1; s >= 0; s--) {
        const stage = residentStages[s]!
        for (const held of [...stock.values()].filter((h) => h.cell.stage === stage)) {
          const moving = binomial(random, held.count, 1 / stageDays[stage])
          held.count -= moving
          const next = residentStages[s + 1]
          if (next) add({ ...held.cell, stage: next }, moving)
        }
      }
    },
    /** One resident of `among` (`left` in all) chosen at random and taken out of their cell. */
    takeOne(random: () => number, among: readonly Held[], left: number): Held | undefined {
      const pick = Math.floor(random() * left)
      let seen = 0
      const held = among.find((h) => {
        seen += h.count
        return pick < seen
      })
      if (held) held.count--
      return held
    },
    /** The day's `residents` rows: every cell not empty. */
    rows: (day: SampleDay): ResidentCount[] =>
      [...stock.values()]
        .filter((h) => h.count > 0)
        .map(({ cell, count }) => ({ date: day.date, tenant: day.tenant, ...cell, count })),
  }
}
export type ResidentStock = ReturnType<typeof residentStock>
