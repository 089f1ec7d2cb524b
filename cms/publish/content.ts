import type { Payload } from 'payload'
import { type ApprovedVersionDoc, publishableMessages } from '../plugin/publishable'
import type { LocalSupportDoc, TenantDoc } from './tenant-part'
import type { ContentSlugs, SurveyDoc } from './types'

/** The collections publishing reads, as the yorisoi plugin names them by default. */
export const defaultContentSlugs: ContentSlugs = {
  tenants: 'tenants',
  messages: 'messages',
  approvedMessageVersions: 'approved-message-versions',
  localSupport: 'local-support',
  surveys: 'surveys',
}

/**
 * For every message, the version its `approved` pointer names — and nothing else: a working draft
 * or a version awaiting review is never read here. The plugin's reader is the one source.
 */
export function approvedVersions(payload: Payload, slugs: ContentSlugs): Promise<ApprovedVersionDoc[]> {
  return publishableMessages(payload, slugs)
}

export async function tenantDocs(
  payload: Payload,
  slugs: ContentSlugs,
): Promise<(TenantDoc & { id: number | string })[]> {
  const found = await payload.find({
    collection: slugs.tenants,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return found.docs as unknown as (TenantDoc & { id: number | string })[]
}

/** A tenant's entries in the published state only. */
export async function publishedEntries(
  payload: Payload,
  slugs: ContentSlugs,
  tenantId: number | string,
): Promise<LocalSupportDoc[]> {
  const found = await payload.find({
    collection: slugs.localSupport,
    where: { and: [{ tenant: { equals: tenantId } }, { state: { equals: 'published' } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    sort: 'id',
  })
  return found.docs as unknown as LocalSupportDoc[]
}

/** National surveys (no tenant) or one tenant's own. */
export async function surveyDocs(
  payload: Payload,
  slugs: ContentSlugs,
  tenantId: number | string | null,
): Promise<SurveyDoc[]> {
  const found = await payload.find({
    collection: slugs.surveys,
    where: tenantId === null ? { tenant: { exists: false } } : { tenant: { equals: tenantId } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    sort: 'id',
  })
  return found.docs as unknown as SurveyDoc[]
}
