import { Hono } from 'hono'
import { addDays } from '../../shared/calendar'
import { bilingual } from '../../shared/contract'
import { pruneOptionsFrom } from '../delivery/prune'
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
    // Older days' delivery rows are rolled up already: their opens, clicks and segments are gone,
    // and sending them again would replace the CMS's counts with less.
    const holds = addDays(new Date().toISOString().slice(0, 10), 2 - pruneOptionsFrom(c.env).keepDays)
    if (from < holds)
      return c.json(
        {
          error: {
            code: 'invalid-request',
            message: bilingual(
              `エッジが配信の記録を持っているのは ${holds} からです。それより前の集計は CMS にあるものが最後です`,
              `The edge holds delivery rows from ${holds} on; the CMS's counts of earlier days are the last`,
            ),
          },
        },
        400,
      )
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
