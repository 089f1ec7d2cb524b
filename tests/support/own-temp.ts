import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A folder of the system temp folder that belongs to this user: a fixed name shared by every user
 * fails for all but the first (root's 0700 browser, a folder another user cannot write).
 */
export function ownTemp(name: string): string {
  const dir = join(tmpdir(), `${name}-${process.getuid?.() ?? 'user'}`)
  mkdirSync(dir, { recursive: true })
  return dir
}
