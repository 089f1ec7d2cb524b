// Reads and writes the same local D1 that a running `wrangler dev` uses, through wrangler itself.
import { spawn } from 'node:child_process'
import { quietWranglerEnv, wranglerBin } from '../../cli/wrangler'

/**
 * Runs SQL on the local D1 (`binding`: DB, the main database and shard 1, or SHARD_n); asked again
 * while the running Worker holds the database (SQLITE_BUSY).
 */
export async function executeLocalD1(persistTo: string, sql: string, binding = 'DB'): Promise<unknown[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await executeOnce(persistTo, sql, binding)
    } catch (error) {
      if (attempt >= 10 || !String(error).includes('SQLITE_BUSY')) throw error
      await new Promise((r) => setTimeout(r, 300))
    }
  }
}

/** The binding of the shard holding a town's residents, as the Worker's map places it. */
export async function townBinding(persistTo: string, town: string): Promise<string> {
  const [row] = (await executeLocalD1(
    persistTo,
    `SELECT shard FROM tenant_shards WHERE tenant_slug = '${town.replaceAll("'", "''")}'`,
  )) as { shard: number }[]
  return !row || row.shard === 1 ? 'DB' : `SHARD_${row.shard}`
}

/** SQL on the shard holding a town's residents. */
export const executeInTown = async (persistTo: string, town: string, sql: string) =>
  executeLocalD1(persistTo, sql, await townBinding(persistTo, town))

function executeOnce(persistTo: string, sql: string, binding: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        wranglerBin,
        'd1',
        'execute',
        binding,
        '--local',
        '--persist-to',
        persistTo,
        '--json',
        '--command',
        sql,
      ],
      {
        env: { ...process.env, ...quietWranglerEnv },
      },
    )
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`wrangler d1 execute failed (${code}): ${err}${out}`))
      const parsed = JSON.parse(out) as { results: unknown[] }[]
      resolve(parsed.flatMap((r) => r.results))
    })
  })
}
