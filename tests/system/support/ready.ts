import { readFile } from 'node:fs/promises'
import { inject } from 'vitest'

// Every system file starts once the admin built in globalSetup answers (or fails with its reason).
const { readyFile } = inject('system')
const deadline = Date.now() + 15 * 60_000
for (;;) {
  const status = await readFile(readyFile, 'utf8').then(
    (text) => JSON.parse(text) as { ready: boolean; error?: string },
    () => undefined,
  )
  if (status?.ready) break
  if (status) throw new Error(`the admin could not start:\n${status.error}`)
  if (Date.now() > deadline) throw new Error('the admin was not ready within 15 minutes')
  await new Promise((resolve) => setTimeout(resolve, 1000))
}
