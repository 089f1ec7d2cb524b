import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { maxPartBytes } from '../../edge/snapshot/store'
import { contractVersion, sha256Hex } from '../../shared/contract'
import { ingestToken } from './support/ingest-client'

// Sizes are checked before a part's slices are joined, and a part that is not JSON is the ingest
// API's bilingual refusal, never a 500.

const bilingual = /[\u3040-\u30ff\u4e00-\u9fff].* \/ [A-Za-z]/

async function sendChunks(texts: string[], size: number, hashOf = texts.join('')) {
  const hash = await sha256Hex(hashOf)
  const responses: {
    status: number
    body: { error?: { code: string; message: string; details?: unknown } }
  }[] = []
  for (const [index, data] of texts.entries()) {
    const response = await exports.default.fetch('http://edge.test/ingest/chunks', {
      method: 'POST',
      headers: { authorization: `Bearer ${ingestToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        contractVersion,
        part: { kind: 'national', hash, size },
        index,
        count: texts.length,
        chunkHash: await sha256Hex(data),
        data,
      }),
    })
    responses.push({ status: response.status, body: await response.json() })
  }
  return { hash, responses }
}

const storedChunks = async (hash: string) =>
  (
    await env.DB.prepare('SELECT count(*) AS n FROM snapshot_part_chunks WHERE part_hash = ?1')
      .bind(hash)
      .first<{ n: number }>()
  )?.n

describe('snapshot ingest: part sizes and malformed parts', () => {
  it('refuses a part declared larger than the limit on its first chunk, storing nothing', async () => {
    const { hash, responses } = await sendChunks(['{"kind":', '"national"}'], maxPartBytes + 1)
    expect(responses[0]?.status).toBe(400)
    expect(responses[0]?.body.error).toMatchObject({
      code: 'invalid-request',
      message: expect.stringMatching(bilingual),
    })
    expect(JSON.stringify(responses[0]?.body.error?.details)).toMatch(/part\.size.*上限.* \/ .*limit/)
    expect(await storedChunks(hash)).toBe(0)
  })

  it('refuses a chunk that takes the chunks past the declared size, before they are joined', async () => {
    const texts = ['{"kind":"nat', 'ional","messages":[]}']
    const { hash, responses } = await sendChunks(texts, 12, texts.join(''))
    expect(responses[0]?.status).toBe(200)
    expect(responses[1]?.status).toBe(400)
    expect(responses[1]?.body.error).toMatchObject({
      code: 'invalid-request',
      message: expect.stringMatching(bilingual),
    })
    expect(await storedChunks(hash)).toBe(1)
  })

  it('answers a part that is not JSON with the bilingual part-invalid refusal, in one chunk or many', async () => {
    for (const texts of [['{not json'], ['{not', ' json']]) {
      const { hash, responses } = await sendChunks(texts, texts.join('').length)
      const last = responses.at(-1)
      expect(last?.status).toBe(422)
      expect(last?.body.error).toMatchObject({
        code: 'part-invalid',
        message: expect.stringMatching(bilingual),
      })
      expect(await storedChunks(hash)).toBe(0)
    }
  })
})
