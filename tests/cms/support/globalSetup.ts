import { readdir, rm } from 'node:fs/promises'
import { resolve } from 'node:path'
import { getPayload } from 'payload'
import type { TestProject } from 'vitest/node'
import { buildCmsConfig } from '../../../cms/config/build'
import { closePayload } from '../../../cms/db/closePayload'
import { startEmbeddedPostgres } from '../../../cms/db/embedded'

export const templateDatabase = 'yorisoi_template'
const runsDir = resolve(import.meta.dirname, '../../../.data/test-postgres')

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string
    templateDatabase: string
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

// A run killed mid-way leaves its cluster directory behind; runs still going keep theirs.
async function removeDeadRuns() {
  const entries = await readdir(runsDir).catch(() => [] as string[])
  for (const entry of entries) {
    const pid = Number(/^run-(\d+)-/.exec(entry)?.[1])
    if (pid && !alive(pid)) await rm(resolve(runsDir, entry), { recursive: true, force: true })
  }
}

/**
 * Each run owns a cluster in its own directory on its own port, so two runs (two engineers, or a
 * watch and a CI run) never meet; the schema is pushed once into a template database.
 */
interface Cluster {
  adminUrl: string
  users: number
  stop: () => Promise<void>
}

// The cms and integration projects both name this setup and vitest runs it once per project, at
// the same moment, in one process: they share one cluster and one template (two started together
// would race for the same directory and schema).
const shared = globalThis as { yorisoiTestCluster?: Promise<Cluster> }

async function startCluster(): Promise<Cluster> {
  await removeDeadRuns()
  const server = await startEmbeddedPostgres({
    dataDir: resolve(runsDir, `run-${process.pid}-${Date.now()}`),
    persistent: false,
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200' },
  })
  await server.ensureDatabase(templateDatabase)
  const payload = await getPayload({
    config: buildCmsConfig({ databaseUrl: server.urlFor(templateDatabase), push: true, logLevel: 'warn' }),
  })
  await closePayload(payload)
  return { adminUrl: server.urlFor('postgres'), users: 0, stop: server.stop }
}

export default async function setup(project: TestProject) {
  shared.yorisoiTestCluster ??= startCluster()
  const cluster = await shared.yorisoiTestCluster
  cluster.users += 1
  project.provide('postgresAdminUrl', cluster.adminUrl)
  project.provide('templateDatabase', templateDatabase)
  return async () => {
    cluster.users -= 1
    if (cluster.users > 0) return
    shared.yorisoiTestCluster = undefined
    await cluster.stop()
  }
}
