import { Hono } from 'hono'
import type { Env } from '../env'
import { linkRotationBody, storeStandingLinksPage } from '../resident/link-rotation'
import { linkSecrets } from '../resident/link-tokens'
import { requireToken } from './bearer'
import { jsonBody } from './request'

/**
 * The end of a LINK_SECRET rotation (`npx yorisoi link-secret rotate`), opened by
 * OPERATIONS_TOKEN: one page of storing every subscriber's standing links under the current
 * LINK_SECRET; the command pages until `next` is null, then LINK_SECRET_PREVIOUS can go. No body
 * at all starts from the beginning.
 */
export const linkRoutes = new Hono<{ Bindings: Env }>().post(
  '/rotate',
  requireToken('OPERATIONS_TOKEN'),
  jsonBody(linkRotationBody, {}),
  async (c) => {
    const { current } = linkSecrets(c.env)
    const page = await storeStandingLinksPage(c.env, current, c.req.valid('json').after, new Date())
    console.info('ingest: standing links stored', page.stored, 'remaining', page.remaining)
    return c.json(page)
  },
)
