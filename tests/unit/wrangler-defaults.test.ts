import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, it } from 'vitest'

// What wrangler.toml ships is what a deployment gets unless someone remembers to change it: the
// outbox (every link and code the local adapter stored) must never be on there.
const toml = readFileSync(resolve(import.meta.dirname, '../../wrangler.toml'), 'utf8')

it('does not turn the outbox page on: only the local system (npm start, tests) does', () => {
  expect(toml).not.toMatch(/^\s*OUTBOX_PAGE\s*=\s*"on"/m)
})

it('names the outbox key among the secrets, never with a value', () => {
  expect(toml).toMatch(/^#\s+OUTBOX_KEY\s/m)
  expect(toml).not.toMatch(/^\s*OUTBOX_KEY\s*=/m)
})
