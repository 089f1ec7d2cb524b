import type { Audience, ResidentStage } from '../../shared/contract'
import type { ProgramWindow } from '../../shared/program'
import { poisson } from './draw'
import { stageOfWindow } from './stage-of-window'

/** One town's day as a survey or a task reaches it. */
export interface DayFlow {
  tenant: string
  date: string
  random: () => number
  /** Residents a day reaching any one stage of the program. */
  perDay: number
  /** Share of a stage's flow registered (older children's families joined fewer). */
  reach: (stage: ResidentStage | null) => number
  audienceShare: Record<Audience, number>
}

/**
 * For each survey or task in turn, the residents passing its window on the day (as many as reach
 * one stage a day, for each audience it is for, times its `share`) and what `count` draws of them;
 * one that reaches none gives nothing. Each draws from the day's PRNG in this order, so the
 * same day gives the same counts.
 */
export function eachOffered<Item extends { window: ProgramWindow; audiences: readonly Audience[] }, Row>(
  day: DayFlow,
  items: readonly Item[],
  draw: {
    share: (item: Item) => number
    count: (item: Item, offered: number, stage: ResidentStage | null) => Row
  },
): Row[] {
  const rows: Row[] = []
  for (const item of items) {
    const stage = stageOfWindow(item.window)
    const audiences = item.audiences.reduce((n, a) => n + day.audienceShare[a], 0)
    const offered = poisson(day.random, day.perDay * draw.share(item) * audiences * day.reach(stage))
    if (offered === 0) continue
    rows.push(draw.count(item, offered, stage))
  }
  return rows
}
