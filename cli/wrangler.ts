import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

// wrangler's package exports do not include its bin; find it beside package.json.
export const wranglerBin = join(
  dirname(createRequire(import.meta.url).resolve('wrangler/package.json')),
  'bin',
  'wrangler.js',
)

/** No metrics, no network at start, no interactive prompts. */
export const quietWranglerEnv = {
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  NO_COLOR: '1',
  CI: 'true',
}

/** The D1 bindings wrangler.toml declares (DB, then the shards), in file order. */
export function d1Bindings(configPath = join(import.meta.dirname, '..', 'wrangler.toml')): string[] {
  const blocks = readFileSync(configPath, 'utf8')
    .split(/^\[\[d1_databases\]\]\s*$/m)
    .slice(1)
  return blocks.flatMap((block) => {
    const body = block.split(/^\[/m)[0] ?? ''
    const binding = /^binding\s*=\s*"([A-Z0-9_]+)"/m.exec(body)?.[1]
    return binding ? [binding] : []
  })
}
