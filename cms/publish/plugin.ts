import type { Config, Endpoint, Plugin } from 'payload'
import { bilingual } from '../../shared/contract'
import { type Program, standardProgram } from '../../shared/program'
import { serverCode, systemOwned } from '../plugin/access/systemOwned'
import { withAdminView } from '../plugin/adminView'
import { approvedNationalPart } from './approved-national'
import { buildScope } from './build'
import { defaultContentSlugs } from './content'
import { type EdgeTarget, edgeFromEnvironment } from './edge-client'
import { activationHistory } from './history'
import { previewPublish } from './preview'
import { publicationsCollection } from './publications'
import { publish } from './publish'
import { rollback } from './rollback'
import type { ContentSlugs, PublishSetup } from './types'

export interface PublishPluginOptions {
  /** Where the edge is; by default YORISOI_EDGE_URL and YORISOI_INGEST_TOKEN from the environment. */
  edge?: () => EdgeTarget
  slugs?: Partial<ContentSlugs & { publications: string; users: string }>
  programs?: Record<string, Program>
}

/**
 * The publications collection and its actions: POST /api/{publications}/publish
 * { scope: 'national' | { tenant }, confirmGaps }, POST /api/{publications}/rollback { publication },
 * GET …/preview and …/history; and the admin screen that puts them together, /admin/publish.
 */
export const publishPlugin =
  (options: PublishPluginOptions = {}): Plugin =>
  (config: Config): Config => {
    const slugs = { ...defaultContentSlugs, publications: 'publications', users: 'users', ...options.slugs }
    const programs = options.programs ?? { standard: standardProgram }
    const setupFor = (payload: PublishSetup['payload']): PublishSetup => ({
      payload,
      edge: (options.edge ?? edgeFromEnvironment)(),
      slugs,
      programs,
    })
    const endpoints: Endpoint[] = [
      {
        path: '/preview',
        method: 'get',
        handler: async (req) => {
          const scope = scopeFromQuery(req.searchParams?.get('scope'))
          if (!scope) {
            return Response.json(
              { ok: false, reason: bilingual('範囲の指定が正しくありません', 'The scope is not valid') },
              { status: 400 },
            )
          }
          const outcome = await previewPublish(setupFor(req.payload), { user: req.user, scope })
          return Response.json(outcome, { status: outcome.ok ? 200 : outcome.status })
        },
      },
      {
        path: '/history',
        method: 'get',
        handler: async (req) => {
          const outcome = await activationHistory(setupFor(req.payload), { user: req.user })
          return Response.json(outcome, { status: outcome.ok ? 200 : outcome.status })
        },
      },
      {
        path: '/publish',
        method: 'post',
        handler: async (req) => {
          const body = (await req.json?.()) as { scope?: unknown; confirmGaps?: boolean } | undefined
          const scope =
            body?.scope && typeof body.scope === 'object' && 'tenant' in body.scope
              ? { kind: 'tenant' as const, tenantId: (body.scope as { tenant: number | string }).tenant }
              : { kind: 'national' as const }
          const outcome = await publish(setupFor(req.payload), {
            user: req.user,
            scope,
            confirmGaps: body?.confirmGaps,
          })
          return Response.json(outcome, { status: outcome.ok ? 200 : outcome.status })
        },
      },
      {
        path: '/rollback',
        method: 'post',
        handler: async (req) => {
          const body = (await req.json?.()) as { publication?: number | string } | undefined
          const outcome = await rollback(setupFor(req.payload), {
            user: req.user,
            publicationId: body?.publication ?? '',
          })
          return Response.json(outcome, { status: outcome.ok ? 200 : outcome.status })
        },
      },
    ]
    const withView = withAdminView(config, 'publish', {
      path: '/publish',
      // Resolved from the import map's base directory (cms/).
      Component: { path: '/publish/view/PublishView#PublishView', serverProps: { slugs, programs } },
    })
    return {
      ...withView,
      onInit: async (payload) => {
        await withView.onInit?.(payload)
        // Served for people (next start), the national part is built once in the background as the
        // server starts, so the first publish screen or preview does not convert every approved
        // version while someone waits; it is kept while no approval changes it (approved-national.ts).
        if (process.env.NODE_ENV === 'production')
          void buildScope(setupFor(payload), { kind: 'national' })
            .then(() => approvedNationalPart(payload, slugs))
            .catch(() => undefined)
      },
      collections: [
        ...(withView.collections ?? []),
        // Every field is publish's and rollback's (server code): nobody writes a publication record.
        { ...systemOwned(publicationsCollection(slugs.publications, slugs), 'all', serverCode), endpoints },
      ],
    }
  }

/** `national` or `tenant:<id>`, as the admin's publish view and its links name a scope. */
export function scopeFromQuery(
  value: string | null | undefined,
): { kind: 'national' } | { kind: 'tenant'; tenantId: string } | null {
  if (value === 'national') return { kind: 'national' }
  const match = /^tenant:([A-Za-z0-9-]{1,64})$/.exec(value ?? '')
  return match ? { kind: 'tenant', tenantId: match[1]! } : null
}
