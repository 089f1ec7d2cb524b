import { exports } from 'cloudflare:workers'
import { expect, it } from 'vitest'

it('answers /healthz with the contract version and no active snapshot yet', async () => {
  const response = await exports.default.fetch('http://edge.test/healthz')
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ status: 'ok', contractVersion: 1, activeManifestId: null })
})
