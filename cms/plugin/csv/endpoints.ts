import type { Endpoint } from 'payload'
import { bilingual } from '../i18n'
import { hasRole } from '../roles'
import type { ResolvedOptions } from '../types'
import { exportMessagesCsv } from './exportCsv'
import { importMessagesCsv } from './importCsv'

/** GET /api/messages/csv downloads the messages; POST /api/messages/csv (text/csv) imports them. */
export const csvEndpoints = (options: ResolvedOptions): Endpoint[] => [
  {
    path: '/csv',
    method: 'get',
    handler: async (req) => {
      if (!req.user)
        return Response.json(
          { errors: [{ message: bilingual('ログインしてください', 'Log in first') }] },
          { status: 401 },
        )
      const csv = await exportMessagesCsv(req.payload, options.slugs, req.user)
      return new Response(csv, {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="messages.csv"',
        },
      })
    },
  },
  {
    path: '/csv',
    method: 'post',
    handler: async (req) => {
      if (!hasRole(req.user, 'admin', 'editor')) {
        return Response.json(
          {
            errors: [
              { message: bilingual('CSVの取り込みは編集者が行います', 'Only editors import messages') },
            ],
          },
          { status: 403 },
        )
      }
      const csv = (await req.text?.()) ?? ''
      const result = await importMessagesCsv(req.payload, options, csv, req.user)
      return Response.json(result, { status: result.ok ? 200 : 400 })
    },
  },
]
