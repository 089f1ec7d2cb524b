import { env, exports } from 'cloudflare:workers'
import { beforeAll, expect } from 'vitest'
import { maxPartBytes } from '../../../edge/snapshot/store'
import { contractVersion, sha256Hex } from '../../../shared/contract'
import { ingest, ingestToken } from '../../edge/support/ingest-client'
import { attack } from '../support/attempts'
import { publishTowns } from './support/towns'

// Snapshot parts sent to the ingest API too large, lying about their size or hash, or not parts
// at all: a clear 4xx (never a 500), no chunk kept past the refusal, the active manifest unchanged.

beforeAll(async () => {
  await publishTowns('attack-parts-0001')
})

type Chunk = {
  contractVersion?: number
  part: { kind: string; hash: string; size: number }
  index: number
  count: number
  chunkHash: string
  data: string
}

async function chunk(data: string, overrides: Partial<Chunk> & { partText?: string } = {}): Promise<Chunk> {
  const { partText, ...rest } = overrides
  const whole = partText ?? data
  return {
    contractVersion,
    part: { kind: 'national', hash: await sha256Hex(whole), size: new TextEncoder().encode(whole).length },
    index: 0,
    count: 1,
    chunkHash: await sha256Hex(data),
    data,
    ...rest,
  }
}

const sendRaw = (body: string, token = ingestToken) =>
  exports.default.fetch('http://edge.test/ingest/chunks', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  })

const chunksStored = async () =>
  (await env.DB.prepare('SELECT count(*) AS n FROM snapshot_part_chunks').first<{ n: number }>())!.n
const partsStored = async () =>
  (await env.DB.prepare('SELECT count(*) AS n FROM snapshot_parts').first<{ n: number }>())!.n
const active = async () => (await (await ingest('/manifests/active')).json()) as unknown

attack('oversized or malformed part', 'oversized, lying and malformed snapshot parts', async (attempts) => {
  const before = { active: await active(), parts: await partsStored(), chunks: await chunksStored() }
  const notAPart = JSON.stringify({ kind: 'national', contractVersion, messages: 'everything' })
  const half = '{"kind":"national","mess'
  const cases: [string, () => Promise<string>, number[]][] = [
    [
      'declared larger than the limit',
      async () =>
        JSON.stringify(
          await chunk('{}', {
            part: { kind: 'national', hash: await sha256Hex('{}'), size: maxPartBytes + 1 },
          }),
        ),
      [400],
    ],
    [
      'a negative size',
      async () =>
        JSON.stringify(
          await chunk('{}', { part: { kind: 'national', hash: await sha256Hex('{}'), size: -1 } }),
        ),
      [400],
    ],
    [
      'a chunk past its declared size',
      async () =>
        JSON.stringify(
          await chunk('{"kind":"national","messages":[]}', {
            part: { kind: 'national', hash: await sha256Hex('x'), size: 4 },
          }),
        ),
      [400],
    ],
    [
      'a chunk whose hash is not its own',
      async () => JSON.stringify({ ...(await chunk('{}')), chunkHash: await sha256Hex('other') }),
      [400, 422],
    ],
    [
      'a part whose hash is not its own',
      async () =>
        JSON.stringify({
          ...(await chunk('{}')),
          part: { kind: 'national', hash: await sha256Hex('other'), size: 2 },
        }),
      [400, 422],
    ],
    ['not JSON', async () => JSON.stringify(await chunk('{not json')), [422]],
    ['JSON, not a part', async () => JSON.stringify(await chunk(notAPart)), [422]],
    ['a tenant part named national', async () => JSON.stringify(await chunk('{"kind":"tenant"}')), [422]],
    [
      'an index past the count',
      async () => JSON.stringify(await chunk(half, { index: 3, count: 2, partText: `${half}ages":[]}` })),
      [400],
    ],
    ['a count of zero', async () => JSON.stringify(await chunk('{}', { count: 0 })), [400]],
    ['too many chunks', async () => JSON.stringify(await chunk('{}', { count: 1_000_000 })), [400]],
    [
      'an unknown kind',
      async () =>
        JSON.stringify(
          await chunk('{}', { part: { kind: 'everything', hash: await sha256Hex('{}'), size: 2 } }),
        ),
      [400],
    ],
    [
      'another contract version',
      async () => JSON.stringify(await chunk('{}', { contractVersion: 999 })),
      [400, 409, 422],
    ],
    ['an empty body', async () => '', [400]],
    ['a body that is not JSON', async () => '{"part":', [400]],
    ['a JSON array', async () => '[]', [400]],
    ['a chunk of 40 MB', async () => JSON.stringify(await chunk('x'.repeat(40 * 1024 * 1024))), [400, 413]],
  ]
  for (const [name, body, statuses] of cases) {
    await attempts.refused(async () => {
      const response = await sendRaw(await body())
      expect(
        statuses,
        `${name}: ${response.status} ${await response.clone().text()}`.slice(0, 400),
      ).toContain(response.status)
      // Every refusal says what is wrong in both languages.
      expect(await response.text(), name).toMatch(/[\u3040-\u30ff\u4e00-\u9fff].* \/ [A-Za-z]/)
    })
  }
  expect(await chunksStored()).toBe(before.chunks)
  expect(await partsStored()).toBe(before.parts)
  expect(await active()).toEqual(before.active)
})
