import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { contractVersion } from '../../shared/contract'
import { ingestTokens } from './support/ingest-client'

// What a client sees when a request to /ingest does not fit: the status and the whole error JSON,
// Japanese first. Pinned so that how the routes validate can change without clients noticing.
// A bad route param's detail names the param (`tenant`, `name`, `id`, `hash`).

const invalid = 'リクエストの形が契約に合いません / The request does not match the contract'
const slug =
  'スラッグは英小文字・数字・ハイフンで48文字以内にしてください / A slug is lowercase letters, digits and hyphens, at most 48 characters'
const notObject =
  '無効な入力: objectが期待されましたが、nullが入力されました / Invalid input: expected object, received null'
const notJson = 'JSON として読めません / Not readable as JSON'
const unknownName =
  '不明なシークレット名です（resend.apiKey、resend.webhookSecret、line.channelAccessToken、line.channelSecret、twilio.credentials、karaden.credentials、karaden.callbackToken） / Unknown secret name (resend.apiKey, resend.webhookSecret, line.channelAccessToken, line.channelSecret, twilio.credentials, karaden.credentials, karaden.callbackToken)'
const deliveryId = '0a1b2c3d-0000-4000-8000-00000000abcd'

function send(path: string, init: { method?: string; body?: string; contentType?: string | null } = {}) {
  const token = path.includes('/secrets')
    ? ingestTokens.secrets
    : path.includes('/flagged')
      ? ingestTokens.decisions
      : ingestTokens.publishing
  const headers: Record<string, string> = { authorization: `Bearer ${token}` }
  const contentType = init.contentType === undefined ? 'application/json' : init.contentType
  if (contentType) headers['content-type'] = contentType
  return exports.default.fetch(`http://edge.test/ingest${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(init.body === undefined ? {} : { body: init.body }),
  })
}

async function answer(response: Response) {
  return { status: response.status, body: await response.json() }
}

const refused = (...details: { path: string; message: string }[]) => ({
  status: 400,
  body: { error: { code: 'invalid-request', message: invalid, details } },
})

describe('snapshot ingest: a bad param, query or body', () => {
  it('a part hash that is not SHA-256 hex', async () => {
    for (const hash of ['not-a-hash', 'A'.repeat(64)]) {
      expect(await answer(await send(`/parts/${hash}`))).toEqual(
        refused({ path: 'hash', message: 'SHA-256 (hex) ではありません / Not a SHA-256 hex hash' }),
      )
    }
  })

  it('an activation history query out of range or not a number', async () => {
    expect(await answer(await send('/activations?limit=0'))).toEqual(
      refused({
        path: 'limit',
        message: '小さすぎる値: numberは1以上である必要があります / Too small: expected number to be >=1',
      }),
    )
    expect(await answer(await send('/activations?limit=abc'))).toEqual(
      refused({
        path: 'limit',
        message:
          '無効な入力: 数値が期待されましたが、NaNが入力されました / Invalid input: expected number, received NaN',
      }),
    )
    expect(await answer(await send('/activations?before=0'))).toEqual(
      refused({
        path: 'before',
        message: '小さすぎる値: numberは1以上である必要があります / Too small: expected number to be >=1',
      }),
    )
    // A repeated key counts once, by its first value.
    expect(await answer(await send('/activations?limit=5&limit=abc'))).toEqual({
      status: 200,
      body: { activations: [] },
    })
  })

  it('a part status body that does not fit, is not JSON, or is empty', async () => {
    expect(await answer(await send('/parts/status', { body: JSON.stringify({ hashes: [] }) }))).toEqual(
      refused({
        path: 'hashes',
        message:
          '小さすぎる値: arrayは1要素以上である必要があります / Too small: expected array to have >=1 items',
      }),
    )
    for (const body of ['{not json', '']) {
      expect(await answer(await send('/parts/status', { body }))).toEqual(
        refused({ path: '', message: notObject }),
      )
    }
    // The body is read as JSON whatever the content type says.
    const untyped = await send('/parts/status', {
      body: JSON.stringify({ hashes: ['a'.repeat(64)] }),
      contentType: null,
    })
    expect(await answer(untyped)).toEqual({
      status: 200,
      body: { parts: [{ hash: 'a'.repeat(64), exists: false, verified: false }] },
    })
  })

  it('contract bodies (chunks, manifests, rollback): not JSON, another contract version, not the contract', async () => {
    for (const path of ['/chunks', '/manifests', '/rollback']) {
      for (const body of ['{not json', '']) {
        expect(await answer(await send(path, { body }))).toEqual(refused({ path: '', message: notJson }))
      }
    }
    expect(await answer(await send('/chunks', { body: JSON.stringify({ contractVersion: 99 }) }))).toEqual({
      status: 400,
      body: {
        error: {
          code: 'unsupported-contract-version',
          message:
            '契約バージョンが違います。CMS とエッジを同じ版にそろえてください / Unsupported contract version; deploy the CMS and the edge at the same version',
          details: [
            {
              path: 'contractVersion',
              message: `受信: 99 / received: 99; 対応 / supported: ${contractVersion}`,
            },
          ],
        },
      },
    })
    expect(await answer(await send('/manifests', { body: JSON.stringify({ contractVersion }) }))).toEqual(
      refused({
        path: 'manifest',
        message:
          '無効な入力: objectが期待されましたが、undefinedが入力されました / Invalid input: expected object, received undefined',
      }),
    )
    expect(
      await answer(await send('/rollback', { body: JSON.stringify({ contractVersion, manifestId: '' }) })),
    ).toEqual(
      refused({
        path: 'manifestId',
        message:
          'マニフェストIDは英数字・_・- の64文字以内です / A manifest id is up to 64 letters, digits, _ or -',
      }),
    )
  })
})

describe('tenant secrets: a bad param or body', () => {
  it('a tenant that is not a slug, on every secret route', async () => {
    for (const [path, method] of [
      ['/tenants/Not_A_Slug/secrets', 'GET'],
      ['/tenants/Not_A_Slug/secrets/resend.apiKey', 'PUT'],
      ['/tenants/Not_A_Slug/secrets/resend.apiKey', 'DELETE'],
    ] as const) {
      const body = method === 'PUT' ? JSON.stringify({ value: 're_x' }) : undefined
      expect(await answer(await send(path, { method, body }))).toEqual(
        refused({ path: 'tenant', message: slug }),
      )
    }
  })

  it('a secret name it does not know, and a tenant and a name that are both wrong', async () => {
    for (const method of ['PUT', 'DELETE']) {
      const body = method === 'PUT' ? JSON.stringify({ value: 're_x' }) : undefined
      expect(await answer(await send('/tenants/sakura-city/secrets/no.such', { method, body }))).toEqual(
        refused({ path: 'name', message: unknownName }),
      )
    }
    const both = await send('/tenants/Not_A_Slug/secrets/no.such', { method: 'DELETE' })
    expect(await answer(both)).toEqual(
      refused({ path: 'tenant', message: slug }, { path: 'name', message: unknownName }),
    )
  })

  it('a body that is not { value: string }, not JSON, or a value that does not fit its name', async () => {
    const put = (body: string) => send('/tenants/sakura-city/secrets/resend.apiKey', { method: 'PUT', body })
    expect(await answer(await put(JSON.stringify({ value: 1 })))).toEqual(
      refused({
        path: 'value',
        message:
          '無効な入力: stringが期待されましたが、数値が入力されました / Invalid input: expected string, received number',
      }),
    )
    expect(await answer(await put('{not json'))).toEqual(refused({ path: '', message: notObject }))
    expect(await answer(await put(JSON.stringify({ value: '' })))).toEqual(
      refused({
        path: 'value',
        message: 'Resend の API キーは re_ で始まります / A Resend API key starts with re_',
      }),
    )
  })

  it('a rotation body that does not fit or is not JSON', async () => {
    expect(
      await answer(await send('/tenants/secrets/rotate', { body: JSON.stringify({ after: 1 }) })),
    ).toEqual(
      refused({
        path: 'after',
        message:
          '無効な入力: objectが期待されましたが、数値が入力されました / Invalid input: expected object, received number',
      }),
    )
    expect(await answer(await send('/tenants/secrets/rotate', { body: '{not json' }))).toEqual(
      refused({ path: '', message: notObject }),
    )
  })
})

describe('flagged deliveries: a bad param, query or body', () => {
  it('a tenant that is not a slug, or an id that is not a delivery id', async () => {
    expect(await answer(await send('/tenants/Not_A_Slug/flagged'))).toEqual(
      refused({ path: 'tenant', message: slug }),
    )
    const decision = JSON.stringify({ decision: 'was-sent' })
    expect(
      await answer(await send(`/tenants/Not_A_Slug/flagged/${deliveryId}/resolve`, { body: decision })),
    ).toEqual(refused({ path: 'tenant', message: slug }))
    expect(await answer(await send('/tenants/sakura-city/flagged/nope/resolve', { body: decision }))).toEqual(
      refused({ path: 'id', message: '配信 ID の形ではありません / Not a delivery id' }),
    )
  })

  it('a list limit out of range or not a number', async () => {
    const list = async (query: string) => answer(await send(`/tenants/sakura-city/flagged${query}`))
    expect(await list('?limit=0')).toEqual(
      refused({ path: 'limit', message: '件数は1以上 / limit is at least 1' }),
    )
    expect(await list('?limit=501')).toEqual(
      refused({ path: 'limit', message: '件数は500まで / limit is at most 500' }),
    )
    expect(await list('?limit=abc')).toEqual(
      refused({ path: 'limit', message: '件数は数字で / limit must be a number' }),
    )
    expect(await list('?limit=5&limit=abc')).toEqual({
      status: 200,
      body: { tenant: 'sakura-city', flagged: [], more: false },
    })
  })

  it('a decision it does not know, a body that is not JSON, or none', async () => {
    const resolve = (body: string, contentType?: null) =>
      send(`/tenants/sakura-city/flagged/${deliveryId}/resolve`, { body, contentType })
    expect(await answer(await resolve(JSON.stringify({ decision: 'maybe' })))).toEqual(
      refused({
        path: 'decision',
        message: 'decision は was-sent か send-again / decision is was-sent or send-again',
      }),
    )
    for (const body of ['{not json', '']) {
      expect(await answer(await resolve(body))).toEqual(refused({ path: '', message: notObject }))
    }
    // A well-formed body without a content type is read all the same: here the delivery is unknown.
    expect((await answer(await resolve(JSON.stringify({ decision: 'was-sent' }), null))).status).toBe(404)
  })
})
