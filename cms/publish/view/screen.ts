import type { Payload } from 'payload'
import type { Program } from '../../../shared/program'
import { defaultContentSlugs } from '../content'
import type { EdgeTarget } from '../edge-client'
import { activationHistory } from '../history'
import { previewPublish } from '../preview'
import type { ContentSlugs, PublishSetup } from '../types'
import { mayPublishNational, mayPublishTenant, publisherOf } from '../who'
import { messageChangePage, summaryOf } from './changes'
import type { PublishPanelProps, ScopeChoice } from './PublishPanel'
import { inBoth, scopeNames } from './words'

export interface PublishScreenInput {
  payload: Payload
  user: unknown
  slugs: ContentSlugs
  publications?: string
  programs: Record<string, Program>
  edge: EdgeTarget
  /** `?scope=` of the request. */
  scope?: string
  /** `?page=`: which page of the message changes. */
  page?: string
  /** `?published=`: the manifest a publish just made live (the notice after the reload). */
  published?: string
  adminRoute: string
  apiRoute: string
}

/** Everything the publish screen shows this person: their scopes, the preview of one, the history. */
export async function publishScreen(input: PublishScreenInput): Promise<PublishPanelProps> {
  const publications = input.publications ?? 'publications'
  const setup: PublishSetup = {
    payload: input.payload,
    edge: input.edge,
    slugs: {
      ...defaultContentSlugs,
      tenants: input.slugs.tenants,
      messages: input.slugs.messages,
      approvedMessageVersions: input.slugs.approvedMessageVersions,
      localSupport: input.slugs.localSupport,
      surveys: input.slugs.surveys,
      publications,
    },
    programs: input.programs,
  }
  const who = publisherOf(input.user)
  const scopes: ScopeChoice[] = []
  if (who && mayPublishNational(who))
    scopes.push({ value: 'national', label: inBoth(scopeNames.national), name: scopeNames.national })
  if (who) {
    const tenants = await input.payload.find({
      collection: input.slugs.tenants,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      sort: 'name',
    })
    for (const tenant of tenants.docs as {
      id: number | string
      name: string
      nameEn?: string
      slug: string
    }[]) {
      if (mayPublishTenant(who, tenant.id))
        scopes.push({
          value: `tenant:${tenant.id}`,
          label: `${tenant.name}（${tenant.slug}）`,
          name: { ja: tenant.name, en: tenant.nameEn || tenant.slug },
        })
    }
  }
  const current = scopes.find((s) => s.value === input.scope) ?? scopes[0] ?? null
  const scope = current
    ? current.value === 'national'
      ? ({ kind: 'national' } as const)
      : ({ kind: 'tenant', tenantId: current.value.slice('tenant:'.length) } as const)
    : null
  const [preview, history] = await Promise.all([
    scope ? previewPublish(setup, { user: input.user, scope }) : Promise.resolve(null),
    activationHistory(setup, { user: input.user }),
  ])
  const changes =
    preview?.ok === true
      ? {
          summary: summaryOf(preview.diff),
          messages: await messageChangePage(
            input.payload,
            input.slugs.messages,
            preview.diff,
            Number.parseInt(input.page ?? '1', 10) || 1,
          ),
        }
      : null
  const published = /^[A-Za-z0-9-]{1,80}$/.test(input.published ?? '') ? (input.published ?? null) : null
  return {
    scopes,
    current,
    preview,
    changes,
    published,
    history,
    api: `${input.apiRoute}/${publications}`,
    viewPath: `${input.adminRoute}/publish`,
  }
}
