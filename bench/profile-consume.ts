// Where a batch of 100 deliveries spends its CPU time outside D1, stage by stage, in Node (workerd's
// clock stands still during pure CPU work): the bench's residents (one pregnancy timeline, email,
// due pregnancy/196), the fixture's snapshot, the consumer's own functions, as CPU time.
// `npx tsx bench/profile-consume.ts [rounds]` (RENDER_ONLY=1: the rendering 20 times more)

import { batchDay } from '../edge/delivery/batch-day'
import { subscribersFrom } from '../edge/delivery/due-subscribers'
import { latestMissedSlot } from '../edge/delivery/late'
import { linkToday, planToday, renderToday } from '../edge/delivery/today'
import { standingLinksMark } from '../edge/resident/link-tokens'
import type { LoadedSnapshot } from '../edge/snapshot/read'
import { fixtureNationalPart, fixtureTenantParts } from '../shared/contract/fixture'
import { nextSendOn } from '../shared/program'
import { benchDay, linkSecret } from './workers/shared'

const tenant = fixtureTenantParts[0]!
const snapshot = {
  manifest: { id: 'bench-1', contractVersion: 1, createdAt: '2026-11-20T00:00:00.000Z', parts: [] },
  national: fixtureNationalPart,
  tenants: new Map([[tenant.tenant.slug, tenant]]),
} as unknown as LoadedSnapshot

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
  const ids = Array.from({ length: 100 }, (_, i) => `s${r * 100 + i}`)
  const batch = { tenant: tenant.tenant.slug, localDate: benchDay, manifestId: 'bench-1', subscriberIds: ids }
  const day = await time('batchDay', () => batchDay(snapshot, batch as never))
  const rows = ids.map((id) => ({
    id,
    nickname: 'はな',
    audience: 'primary' as const,
    language: 'ja',
    channel: 'email' as const,
    address: `${id}@example.jp`,
    nextSendOn: benchDay,
    manageGeneration: 0,
    standingLinks: 'x',
    createdAt: '2026-10-01T00:00:00.000Z',
    timelines: JSON.stringify([
      {
        dueDate: '2027-02-15',
        birthDate: null,
        birthReportedOn: null,
        lossDate: null,
        lossReportedOn: null,
        endedOn: null,
        createdAt: '2026-10-01T00:00:00.000Z',
      },
    ]),
  }))
  const due = await time('load: parse rows', () => {
    const timelines = rows.flatMap((row) =>
      (JSON.parse(row.timelines) as object[]).map((t) => ({ ...t, subscriberId: row.id })),
    )
    return subscribersFrom(rows, timelines as never, {
      timeZone: day.tenant.tenant.timeZone,
      localDate: day.date,
    })
  })
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
