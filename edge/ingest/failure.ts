import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ContractIssue, IngestError } from '../../shared/contract'
import { bilingual } from '../../shared/contract'

type Code = IngestError['error']['code']

type Answer = { status: ContentfulStatusCode; message: string | ((secret: string) => string) }

const answers: Record<Code, Answer> = {
  unauthorized: {
    status: 401,
    message: (secret) =>
      secret === 'INGEST_TOKEN'
        ? bilingual(
            '取り込みトークンが正しくありません。CMS の設定を確認してください',
            'The ingest token is missing or wrong; check the CMS settings',
          )
        : bilingual(
            `取り込みトークンが正しくありません。この操作には ${secret} が要ります`,
            `The ingest token is missing or wrong; this needs ${secret}`,
          ),
  },
  'token-not-set': {
    status: 503,
    message: (secret) =>
      bilingual(
        `エッジに ${secret} が設定されていないため、この操作は閉じています（wrangler secret put ${secret}）`,
        `${secret} is not set at the edge, so this is closed (wrangler secret put ${secret})`,
      ),
  },
  'invalid-request': {
    status: 400,
    message: bilingual('リクエストの形が契約に合いません', 'The request does not match the contract'),
  },
  'unsupported-contract-version': {
    status: 400,
    message: bilingual(
      '契約バージョンが違います。CMS とエッジを同じ版にそろえてください',
      'Unsupported contract version; deploy the CMS and the edge at the same version',
    ),
  },
  'chunk-hash-mismatch': {
    status: 422,
    message: bilingual(
      'チャンクが途中で壊れました（ハッシュ不一致）。もう一度送ってください',
      'The chunk was corrupted on the way (hash mismatch); send it again',
    ),
  },
  'part-hash-mismatch': {
    status: 422,
    message: bilingual(
      'パート全体のハッシュまたはサイズが合いません。パートを最初から送り直してください',
      "The whole part's hash or size does not match; upload the part again from the start",
    ),
  },
  'part-invalid': {
    status: 422,
    message: bilingual(
      'パートの中身が契約に合いません（種類・自治体・形式）',
      'The part content does not match the contract (kind, tenant or shape)',
    ),
  },
  'missing-parts': {
    status: 409,
    message: bilingual(
      'まだ届いていない、または検証されていないパートがあります。公開中の内容は変わっていません',
      'Some parts have not arrived or been verified yet; what is live did not change',
    ),
  },
  'active-manifest-changed': {
    status: 409,
    message: bilingual(
      '準備中に別の公開が行われました。最新の公開内容に合わせて作り直してください',
      'Someone else published meanwhile; compose the snapshot again from what is now live',
    ),
  },
  'unknown-manifest': {
    status: 404,
    message: bilingual('そのマニフェストは記録されていません', 'No such manifest has been recorded'),
  },
  'unknown-tenant': {
    status: 404,
    message: bilingual(
      'その自治体は公開中のスナップショットにありません',
      'No such tenant in the active snapshot',
    ),
  },
  'tenant-secrets-unavailable': {
    status: 503,
    message: bilingual(
      'エッジに TENANT_SECRETS_KEY が設定されていません（wrangler secret put TENANT_SECRETS_KEY）',
      'TENANT_SECRETS_KEY is not set at the edge (wrangler secret put TENANT_SECRETS_KEY)',
    ),
  },
  'unknown-delivery': {
    status: 404,
    message: bilingual(
      'その自治体にその配信はありません（yorisoi flagged list で ID を確認してください）',
      'No such delivery in this tenant (see yorisoi flagged list for the ids)',
    ),
  },
  'delivery-not-flagged': {
    status: 409,
    message: bilingual(
      'この配信は確認待ちではありません（対応済みか、送信中です）。何も変えていません',
      'This delivery is not awaiting a decision (already resolved, or being sent); nothing changed',
    ),
  },
}

/**
 * The ingest API's one error shape: a code, a message in Japanese then English, and details.
 * `secret` names the token a refusal is about.
 */
export function ingestFailure(c: Context, code: Code, details?: ContractIssue[], secret = 'INGEST_TOKEN') {
  const { status, message: text } = answers[code]
  const message = typeof text === 'function' ? text(secret) : text
  const body: IngestError = { error: { code, message, ...(details?.length ? { details } : {}) } }
  return c.json(body, status)
}
