// npm run bench [-- --out FILE] [--subscribers N] [--quick] [--whole-day] [--only NAME]
// Loads every scenario in bench/scenarios/, runs them one after another, writes one JSON file
// (shape in ../shared/platform-notes.md) and prints a short table.
import { readdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import { parseArgs } from 'node:util'
import type { BenchOptions, Scenario, ScenarioResult } from './scenario'

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'bench-results.json' },
    subscribers: { type: 'string', default: '1000000' },
    quick: { type: 'boolean', default: false },
    'whole-day': { type: 'boolean', default: false },
    only: { type: 'string', multiple: true },
  },
})

const subscribers = Number(values.subscribers)
if (!Number.isInteger(subscribers) || subscribers < 1) {
  console.error(
    `--subscribers は正の整数で指定してください / --subscribers must be a positive integer: ${values.subscribers}`,
  )
  process.exit(2)
}
const options: BenchOptions = {
  subscribers,
  quick: values.quick ?? false,
  wholeDay: values['whole-day'] ?? false,
}

const dir = new URL('./scenarios/', import.meta.url)
const files = (await readdir(dir)).filter((f) => f.endsWith('.ts')).sort()
const scenarios: Scenario[] = []
for (const file of files) {
  const mod = (await import(new URL(file, dir).href)) as { default: Scenario }
  if (!values.only || values.only.includes(mod.default.name)) scenarios.push(mod.default)
}

const results: Record<string, ScenarioResult> = {}
for (const scenario of scenarios) {
  process.stderr.write(`… ${scenario.name}\n`)
  results[scenario.name] = await scenario.run(options)
}

const report = {
  machine: {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    date: new Date().toISOString(),
    options,
  },
  // Every scenario's named figures in one place (e.g. messagePageRatioToHealthz, ingestSeconds).
  figures: Object.assign({}, ...Object.values(results).map((r) => r.figures ?? {})) as Record<string, number>,
  scenarios: results,
}
await writeFile(values.out!, `${JSON.stringify(report, null, 2)}\n`)
console.log(JSON.stringify(report))

const fmt = (n: number | undefined) =>
  n === undefined ? '—' : n >= 100 ? Math.round(n).toLocaleString('en') : n.toPrecision(3)
console.error(
  '\nscenario'.padEnd(34) +
    'value'.padStart(16) +
    '  unit'.padEnd(22) +
    'baseline'.padStart(14) +
    'ratio'.padStart(9),
)
for (const [name, r] of Object.entries(results)) {
  console.error(
    name.padEnd(33) +
      fmt(r.value).padStart(16) +
      `  ${r.unit}`.padEnd(22) +
      fmt(r.baseline).padStart(14) +
      fmt(r.ratio).padStart(9),
  )
}
console.error(`\n→ ${values.out}`)
