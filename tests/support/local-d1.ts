// Reads and writes the same local D1 that a running `wrangler dev` uses, through wrangler itself.
import { spawn } from 'node:child_process'
import { quietWranglerEnv, wranglerBin } from '../../dev/wrangler'

/**
 * Runs SQL on the local D1 (the main database, or the binding named, e.g. SHARD_2); asked again
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
