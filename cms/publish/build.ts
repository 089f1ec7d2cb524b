import {
  bilingual,
  canonicalJson,
  type NationalPart,
  type PartRef,
  type SnapshotPart,
  sha256Hex,
  type TenantPart,
} from '../../shared/contract'
import type { Program } from '../../shared/program'
import { approvedAnnouncements } from './announcements'
import { approvedNationalPart } from './approved-national'
import type { PublishProblem } from './checks'
import { publishedEntries, surveyDocs, tenantDocs } from './content'
import { type CoverageGap, coverageGaps } from './coverage'
import type { EntryIndex, SnapshotIndex } from './diff'
import { approvedSurveyDocs, surveysOf } from './surveys'
import { approvedTasks } from './tasks'
import { buildTenantPart } from './tenant-part'
import type { PublishRequest, PublishSetup } from './types'

/** One scope's part as it would be published now, with everything a person should see first. */
export interface BuiltScope {
  part: SnapshotPart | null
  problems: PublishProblem[]
  gaps: CoverageGap[]
  national: NationalPart | null
  /** What the part holds item by item, to diff against what is live. */
  messages: SnapshotIndex['messages'] | null
  entries: { tenant: string; index: Record<string, EntryIndex> } | null
}

/** Builds the national part or one tenant's part from approved and published content only. */
export async function buildScope(
  setup: PublishSetup,
  scope: PublishRequest['scope'],
): Promise<BuiltScope | { missing: string }> {
  const { payload, slugs } = setup
  const tenants = await tenantDocs(payload, slugs)
  const nationalTasks =
    scope.kind === 'national' ? await approvedTasks(payload, slugs, null) : { tasks: [], problems: [] }
  const national = await approvedNationalPart(
    payload,
    slugs,
    scope.kind === 'national' ? surveysOf(await approvedSurveyDocs(payload, slugs)) : [],
    nationalTasks.tasks,
  )
  let part: SnapshotPart | null
  let problems: PublishProblem[]
  let entries: BuiltScope['entries'] = null
  if (scope.kind === 'national') {
    part = nationalTasks.problems.length ? null : national.part
    problems = [...nationalTasks.problems, ...national.problems]
  } else {
    const tenant = tenants.find((t) => String(t.id) === String(scope.tenantId))
    if (!tenant) return { missing: bilingual('自治体が見つかりません', 'No such tenant') }
    const docs = await publishedEntries(payload, slugs, tenant.id)
    const townTasks = await approvedTasks(payload, slugs, tenant.id)
    const built = buildTenantPart(
      tenant,
      docs,
      surveysOf(await surveyDocs(payload, slugs, tenant.id)),
      setup.programs,
      await approvedAnnouncements(payload, tenant.id),
      townTasks.tasks,
    )
    part = townTasks.problems.length ? null : built.part
    problems = [...townTasks.problems, ...built.problems]
    if (built.part) entries = { tenant: tenant.slug, index: await entryIndex(built.part) }
  }
  return {
    part,
    problems,
    gaps: gapsFor(national.part, scope, tenants, setup.programs),
    national: national.part,
    messages: scope.kind === 'national' ? messageIndex(national.part) : null,
    entries,
  }
}

/** The index of the snapshot this scope's part makes, on top of what was live. */
export function nextIndex(
  built: BuiltScope,
  before: SnapshotIndex | null,
  parts: readonly PartRef[],
): SnapshotIndex {
  const entries = { ...(before?.entries ?? {}) }
  if (built.entries) {
    const prefix = `${built.entries.tenant} `
    for (const key of Object.keys(entries)) if (key.startsWith(prefix)) delete entries[key]
    for (const [id, entry] of Object.entries(built.entries.index)) entries[`${prefix}${id}`] = entry
  }
  return {
    messages: built.messages ?? before?.messages ?? {},
    tenants: Object.fromEntries(parts.flatMap((p) => (p.kind === 'tenant' ? [[p.tenant, p.hash]] : []))),
    entries,
  }
}

/** The index of a whole snapshot built at once (the seed's): its messages, towns and their entries. */
export async function snapshotIndex(
  national: NationalPart,
  tenants: readonly { part: TenantPart; hash: string }[],
): Promise<SnapshotIndex> {
  const entries: Record<string, EntryIndex> = {}
  for (const { part } of tenants)
    for (const [id, entry] of Object.entries(await entryIndex(part)))
      entries[`${part.tenant.slug} ${id}`] = entry
  return {
    messages: messageIndex(national),
    tenants: Object.fromEntries(tenants.map(({ part, hash }) => [part.tenant.slug, hash])),
    entries,
  }
}

function messageIndex(national: NationalPart | null): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of national?.messages ?? [])
    out[`${m.slot} ${m.audience} ${m.language}`] = `${m.id}@${m.version}`
  return out
}

async function entryIndex(part: TenantPart): Promise<Record<string, EntryIndex>> {
  const out: Record<string, EntryIndex> = {}
  for (const entry of part.localEntries) {
    out[entry.id] = {
      version: entry.version,
      title: entry.title,
      hash: (await sha256Hex(canonicalJson(entry))).slice(0, 16),
    }
  }
  return out
}

function gapsFor(
  national: NationalPart | null,
  scope: PublishRequest['scope'],
  tenants: Awaited<ReturnType<typeof tenantDocs>>,
  programs: Record<string, Program>,
): CoverageGap[] {
  if (!national) return []
  const relevant =
    scope.kind === 'tenant' ? tenants.filter((t) => String(t.id) === String(scope.tenantId)) : tenants
  return relevant.flatMap((doc) => {
    const part = buildTenantPart(doc, [], [], programs).part
    return part ? coverageGaps(national, part.tenant) : []
  })
}
