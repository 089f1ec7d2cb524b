import { writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { ownTemp } from '../../support/own-temp'
import { type AttackKind, type AttemptReport, attackKinds } from './kinds'

/** Where the run's count is written (printed at the end of the run too). */
export const tallyFile = join(ownTemp('yorisoi-attack'), 'attempts.json')

interface Tally {
  url: string
  reports: AttemptReport[]
  users: number
  server: Server
}

// Both attack projects (workerd and Node) name this setup; vitest runs them in one process, so
// they share one tally and the last to finish prints it.
const shared = globalThis as { yorisoiAttackTally?: Promise<Tally> }

async function startTally(): Promise<Tally> {
  const reports: AttemptReport[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/attempts') {
        reports.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as AttemptReport)
        res.writeHead(204).end()
      } else res.writeHead(404).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, reports, users: 0, server }
}

/** Attempts of each kind, made and refused, over the whole run. */
export function summarise(reports: readonly AttemptReport[]) {
  const kinds = Object.fromEntries(attackKinds.map((kind) => [kind, { made: 0, refused: 0 }])) as Record<
    AttackKind,
    { made: number; refused: number }
  >
  for (const r of reports) {
    kinds[r.kind].made += r.made
    kinds[r.kind].refused += r.refused
  }
  const made = reports.reduce((n, r) => n + r.made, 0)
  const refused = reports.reduce((n, r) => n + r.refused, 0)
  return { made, refused, allRefused: made === refused, kinds, tests: reports }
}

function print(summary: ReturnType<typeof summarise>) {
  const width = Math.max(...attackKinds.map((k) => k.length))
  const lines = Object.entries(summary.kinds).map(
    ([kind, { made, refused }]) =>
      `  ${kind.padEnd(width)}  ${String(made).padStart(5)} made  ${String(refused).padStart(5)} refused${made === 0 ? '  (none made in this run)' : ''}`,
  )
  const verdict = summary.allRefused
    ? `all ${summary.made} refused`
    : `${summary.made - summary.refused} of ${summary.made} GOT IN`
  console.log(`\n攻撃テスト / attack suite: ${verdict}\n${lines.join('\n')}\n  → ${tallyFile}\n`)
}

export default async function setup(project: TestProject) {
  shared.yorisoiAttackTally ??= startTally()
  const tally = await shared.yorisoiAttackTally
  tally.users += 1
  project.provide('attackTallyUrl', tally.url)
  project.provide('attackProject', project.name)
  return async () => {
    tally.users -= 1
    if (tally.users > 0) return
    shared.yorisoiAttackTally = undefined
    await new Promise<void>((resolve) => tally.server.close(() => resolve()))
    const summary = summarise(tally.reports)
    writeFileSync(tallyFile, `${JSON.stringify(summary, null, 2)}\n`)
    print(summary)
  }
}
