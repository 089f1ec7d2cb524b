import { build } from 'esbuild'
import { type CivilDate, fromDayNumber, toDayNumber } from '../../shared/calendar'
import type * as Program from '../../shared/program'
import type { TimelineFacts } from '../../shared/program'
import type { BenchOptions, Scenario, ScenarioResult } from '../scenario'

// Engine decisions per second on one core: for each resident, today's bundled slots (planDay)
// and the next send date (nextSendOn), as the daily job does. Baseline: the same decisions with
// the next send date found by walking day by day, the naive way.

const TODAY: CivilDate = '2026-11-23'
const WALK_LIMIT = 4 * 366

/** A deterministic mixed population: pregnancies, children up to three, siblings, late reports, losses. */
export function population(size: number, today: CivilDate = TODAY): TimelineFacts[][] {
  const t = toDayNumber(today)
  let seed = 20261123
  const random = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return seed % n
  }
  const d = fromDayNumber
  const pregnancy = (): TimelineFacts => {
    const due = t + 280 - (random(290) + 4) // 3w … 45w today
    return { from: d(Math.min(t, due - 280 + 40 + random(200))), due: d(due) }
  }
  const child = (): TimelineFacts => {
    const birth = t - random(3 * 365 + 10)
    const due = birth + random(28) - 14
    return {
      from: d(Math.min(t, birth + random(400))),
      due: d(due),
      birth: { date: d(birth), reportedOn: d(birth + random(5)) },
    }
  }
  const residents: TimelineFacts[][] = []
  for (let i = 0; i < size; i++) {
    const kind = random(100)
    if (kind < 45) residents.push([pregnancy()])
    else if (kind < 90) residents.push([child()])
    else if (kind < 97) residents.push([child(), pregnancy()])
    else {
      const lost = pregnancy()
      const reported = t - random(70)
      residents.push([{ ...lost, loss: { date: d(reported - random(3)), reportedOn: d(reported) } }])
    }
  }
  return residents
}

type Decide = (timelines: readonly TimelineFacts[]) => unknown

/** Engine decisions per second of CPU time (one core; less disturbed than wall time on a busy machine). */
function rate(residents: readonly TimelineFacts[][], decide: Decide): number {
  // Warm up with a whole round: the daily job decides for a million residents, so the optimised
  // steady state is what it runs in, not V8's first tiers.
  for (const timelines of residents) decide(timelines)
  let best = 0
  for (let round = 0; round < 3; round++) {
    const start = process.cpuUsage()
    for (const timelines of residents) decide(timelines)
    const used = process.cpuUsage(start)
    best = Math.max(best, residents.length / ((used.user + used.system) / 1e6))
  }
  return best
}

type Engine = Pick<typeof Program, 'decideDay' | 'planDay' | 'standardProgram'> & {
  addDays: (date: CivilDate, days: number) => CivilDate
}

// The engine as the Worker runs it: bundled by esbuild into one ES module (running it through tsx's
// per-module CommonJS wrappers would measure the loader, not the engine).
async function bundledEngine(): Promise<Engine> {
  const result = await build({
    stdin: {
      contents:
        "export { decideDay, planDay, standardProgram } from './shared/program'\nexport { addDays } from './shared/calendar'",
      resolveDir: new URL('../..', import.meta.url).pathname,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]!.text
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)
}

function decisions(engine: Engine): { fast: Decide; naive: Decide } {
  const { decideDay, planDay, standardProgram, addDays } = engine
  const walkNext = (timelines: readonly TimelineFacts[]): CivilDate | null => {
    for (let i = 1; i <= WALK_LIMIT; i++) {
      const date = addDays(TODAY, i)
      if (planDay(timelines, date)) return date
    }
    return null
  }
  return {
    fast: (timelines) => decideDay(timelines, TODAY, standardProgram),
    naive: (timelines) => ({ plan: planDay(timelines, TODAY), nextSendOn: walkNext(timelines) }),
  }
}

const engine: Scenario = {
  name: 'engine',
  async run(options: BenchOptions): Promise<ScenarioResult> {
    const size = Math.min(options.subscribers, options.quick ? 20_000 : 200_000)
    const residents = population(size)
    const { fast, naive } = decisions(await bundledEngine())
    const value = rate(residents, fast)
    const baseline = rate(residents.slice(0, Math.min(size, options.quick ? 2_000 : 10_000)), naive)
    return {
      value: Math.round(value),
      unit: 'decisions/s',
      baseline: Math.round(baseline),
      ratio: Math.round((value / baseline) * 10) / 10,
      notes:
        `one decision = a resident's bundled slots for ${TODAY} + next send date (decideDay = planDay + nextSendOn); ` +
        `${size} synthetic residents (45% pregnant, 45% a child under 3, 7% sibling + pregnancy, 3% after a loss), one core; ` +
        'the engine bundled by esbuild as the Worker runs it; per second of CPU time, best of 3 rounds after a warm-up round; baseline = the same decisions with the next send date found by a day-by-day walk; ratio = value / baseline (higher is better)',
    }
  },
}

export default engine
