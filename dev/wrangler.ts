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
