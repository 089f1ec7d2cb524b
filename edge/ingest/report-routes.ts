import { Hono } from 'hono'
import { bilingual } from '../../shared/contract'
import type { Env } from '../env'
import { resendBody, resendReports } from '../reports/resend'
import { requireToken } from './bearer'
import { jsonBody } from './request'

/**
 * A period's counts rebuilt from what the edge still holds and sent to the CMS again
 * (`npx yorisoi report --from D --to D`), opened by OPERATIONS_TOKEN: after the CMS lost them, or
 * once a new count exists, for the days before it.
 */
export const reportRoutes = new Hono<{ Bindings: Env }>().post(
  '/resend',
  requireToken('OPERATIONS_TOKEN'),
  jsonBody(resendBody),
  async (c) => {
    const { from, to } = c.req.valid('json')
    const sent = await resendReports(c.env, { from, to, now: new Date() })
    if (sent.outcome === 'not-configured')
      return c.json(
        {
          outcome: 'not-configured',
          message: bilingual(
            'CMS_AGGREGATES_URL と AGGREGATES_TOKEN が設定されていません',
            'CMS_AGGREGATES_URL and AGGREGATES_TOKEN are not set',
          ),
        },
        503,
      )
    console.info('ingest: reports resent', from, to, sent.outcome)
    if (sent.outcome === 'failed')
      return c.json(
        {
          from,
          to,
          ...sent,
          error: {
            message: bilingual(
              'CMS が一部のシャードの集計を受け取りませんでした。もう一度実行してください',
              'The CMS did not take some shards’ counts; run it again',
            ),
          },
        },
        502,
      )
    return c.json({ from, to, ...sent })
  },
)
