// Where a batch of 100 deliveries spends its CPU time outside D1, stage by stage, in Node (workerd's
// clock stands still during pure CPU work): the bench's residents (one pregnancy timeline, email,
// due pregnancy/196), the fixture's snapshot, the consumer's own functions, as CPU time.
// `npx tsx bench/profile-consume.ts [rounds]` (RENDER_ONLY=1: the rendering 20 times more)

import { subscribersFrom } from '../edge/delivery/due-subscribers'
import { latestMissedSlot } from '../edge/delivery/late'
import { linkToday, planToday, renderToday } from '../edge/delivery/today'
import { standingLinksMark } from '../edge/resident/link-tokens'
import { nextSendOn } from '../shared/program'
import { benchBatchRows, linkSecret } from './workers/shared'

const rounds = Number(process.argv[2] ?? 30)
const times: Record<string, number> = {}
async function time<T>(name: string, f: () => Promise<T> | T): Promise<T> {
  // CPU time, not wall time: two cores shared by many; the workers' crypto threads count too.
  const start = process.cpuUsage()
  const value = await f()
  const used = process.cpuUsage(start)
  times[name] = (times[name] ?? 0) + (used.user + used.system) / 1000
  return value
}

for (let r = 0; r < rounds + 3; r++) {
  if (r === 3) for (const k of Object.keys(times)) delete times[k]
  const { day, subscribers, timelines } = await time('batchDay', () => benchBatchRows(r))
  const due = await time('load: shape rows', () =>
    subscribersFrom(subscribers, timelines, { timeZone: day.tenant.tenant.timeZone, localDate: day.date }),
  )
  const planned = await time('planToday', () => planToday(day, due))
  const linked = await time('linkToday', () =>
    linkToday({ origin: 'https://yorisoi.example.jp', linkSecret }, day, planned.due, new Map()),
  )
  let rendered = await time('renderToday', () => renderToday(day, linked))
  if (process.env.RENDER_ONLY)
    for (let k = 0; k < 20; k++) rendered = await time('renderToday x20', () => renderToday(day, linked))
  await time('late: latestMissedSlot', () =>
    due.map((d) => latestMissedSlot(d.timelines, d.nextSendOn, day.date, day.program)),
  )
  await time('storeLinkTokens marks', async () => {
    for (const d of due) await standingLinksMark(linkSecret, d.manageGeneration)
  })
  await time('settle: nextSendOn', () => due.map((d) => nextSendOn(d.timelines, day.date, day.program)))
  if (r === 0)
    console.log(
      rendered.requests.length,
      'requests;',
      rendered.unrenderable.length,
      'unrenderable; survey',
      linked[0]?.survey?.url,
    )
}
const total = Object.values(times).reduce((a, b) => a + b, 0)
for (const [k, v] of Object.entries(times))
  console.log(`${k.padEnd(28)} ${(v / rounds).toFixed(2)} ms per batch of 100`)
console.log(`${'total'.padEnd(28)} ${(total / rounds).toFixed(2)} ms`)
