// npx tsx bench/seed-cms.ts: times the CMS seed on a fresh embedded Postgres (as `npm start`'s
// first run meets it: default settings, schema pushed on connect), then a second run on the same data.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getPayload } from 'payload'
import { buildCmsConfig } from '../cms/config/build'
import { closePayload } from '../cms/db/closePayload'
import { startEmbeddedPostgres } from '../cms/db/embedded'
import { seed } from '../seed/index'

const server = await startEmbeddedPostgres({
  dataDir: await mkdtemp(join(tmpdir(), 'yorisoi-seed-bench-')),
  persistent: false,
})
try {
  await server.ensureDatabase('yorisoi')
  const payload = await getPayload({
    config: buildCmsConfig({ databaseUrl: server.urlFor('yorisoi'), push: true, logLevel: 'warn' }),
  })
  try {
    for (const run of ['first', 'second'] as const) {
      const started = performance.now()
      const log = (line: string) =>
        console.log(`  [${((performance.now() - started) / 1000).toFixed(1).padStart(5)}s] ${line}`)
      const summary = await seed({ payload, password: 'bench-password', log })
      const m = summary.messages
      console.log(
        `${run} seed: ${(summary.milliseconds / 1000).toFixed(1)} s — messages created ${m.created}, ` +
          `updated ${m.updated}, unchanged ${m.unchanged}, approved ${m.approved}; ` +
          `all kinds created ${summary.created}, updated ${summary.updated}`,
      )
    }
  } finally {
    await closePayload(payload)
  }
} finally {
  await server.stop()
}
