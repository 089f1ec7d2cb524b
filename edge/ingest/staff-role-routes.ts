import { Hono } from 'hono'
import { staffRoleChange } from '../../shared/contract'
import type { Env } from '../env'
import { recordRoleChange } from '../staff/role-changes'
import { requireIngestToken } from './bearer'
import { jsonBody } from './request'

/**
 * POST /ingest/staff-role-changes: the CMS tells the edge that an admin changed someone's roles or
 * towns (the users afterChange hook), under the CMS's INGEST_TOKEN — the admin holds no staff role,
 * so no staff assertion could carry it. Each town before or after gets an access-log row.
 */
export const staffRoleRoutes = new Hono<{ Bindings: Env }>().post(
  '/staff-role-changes',
  requireIngestToken,
  jsonBody(staffRoleChange),
  async (c) => {
    const answer = await recordRoleChange(c.env, c.req.valid('json'))
    if (answer === 'moving')
      return c.text(
        '自治体のデータを移しています。1分ほどしてからもう一度お試しください / A town is being moved; try again in a minute',
        503,
        { 'retry-after': '60' },
      )
    return c.json(answer, 201)
  },
)
