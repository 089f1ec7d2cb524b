import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { maxPartBytes } from '../../edge/snapshot/store'
import { canonicalJson, contractVersion, type NationalPart, sha256Hex, utf8Size } from '../../shared/contract'
import { fixtureNationalPart } from '../../shared/contract/fixture'
import { storeFixture } from './support/delivery'
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

// A republished national part is checked in full only where its messages differ from the live
// part's (edge/snapshot/message-digests.ts): what changed, and the part as a whole, are still refused.
describe('snapshot ingest: a national part republished with the live part in place', () => {
  const republish = async (part: NationalPart, slices: number) => {
    const text = canonicalJson(part)
    const step = Math.ceil(text.length / slices)
    const texts = Array.from({ length: slices }, (_, i) => text.slice(i * step, (i + 1) * step))
    return (await sendChunks(texts, utf8Size(text))).responses.at(-1)
  }
  const edited = (change: (m: NationalPart['messages'][number]) => object) => ({
    ...fixtureNationalPart,
    messages: fixtureNationalPart.messages.map((m, i) => (i === 0 ? { ...m, ...change(m) } : m)),
  })

  it('refuses an edited message that breaks the schema, and a live message repeated, in one slice or many', async () => {
    await storeFixture()
    const revealing = edited(() => ({ subject: '妊娠28週のお知らせ', version: 2 }))
    const repeated = {
      ...fixtureNationalPart,
      messages: [...fixtureNationalPart.messages, fixtureNationalPart.messages[0]!],
    }
    for (const part of [revealing, repeated]) {
      for (const slices of [1, 3]) {
        const last = await republish(part, slices)
        expect(last?.status).toBe(422)
        expect(last?.body.error?.code).toBe('part-invalid')
      }
    }
  })

  it('takes a valid edit of one message, the others as they were', async () => {
    await storeFixture()
    for (const slices of [1, 3]) {
      const last = await republish(
        edited((m) => ({ version: m.version + slices, shortText: `改訂${slices}` })),
        slices,
      )
      expect(last?.status).toBe(200)
      expect(last?.body).toMatchObject({ verified: true })
    }
  })
})
