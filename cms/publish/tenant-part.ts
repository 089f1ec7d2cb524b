import {
  bilingual,
  contractVersion,
  type LocalSupportEntry,
  type PortableBody,
  parseContract,
  type Survey,
  type Task,
  type TenantPart,
  tenantPart,
} from '../../shared/contract'
import type { Announcement } from '../../shared/contract/announcement'
import type { Program } from '../../shared/program'
import { toProgramWindow } from '../plugin/fields/window'
import type { PublishProblem } from './checks'
import type { Built } from './national-part'

/** A tenant document as the CMS stores it (tenants collection). */
export interface TenantDoc {
  slug: string
  name: string
  nameEn?: string | null
  prefecture?: string | null
  /** The sender's postal address every email must show (特定電子メール法). */
  postalAddress?: string | null
  timeZone?: string | null
  sendTime?: string | null
  channels?: string[] | null
  senderNames?: { email?: string | null; sms?: string | null; line?: string | null } | null
  /** Sender addresses and ids; not secrets (those stay at the edge). */
  senders?: { fromAddress?: string | null; lineBasicId?: string | null } | null
  /** Against SMS pumping; empty: the edge's defaults (Japan only, its caps). */
  smsLimits?: { countries?: string[] | null; capPerHour?: number | null; capPerDay?: number | null } | null
  desk?: { name?: string | null; email?: string | null; phone?: string | null; hours?: string | null } | null
  privacyNotice?: { url?: string | null; version?: string | null } | null
  languages?: string[] | null
  languageFallback?: string[] | null
  program?: string | null
  branding?: { color?: string | null; logoUrl?: string | null } | null
  /** Days residents' data is kept after they stop or their last timeline ends. */
  retentionDays?: number | null
  /** The staff workspace: interpreter line, and how long the log, consultations and staff messages stay. */
  workspace?: {
    interpreterLine?: string | null
    retention?: {
      accessLogDays?: number | null
      consultationDays?: number | null
      staffMessageDays?: number | null
    } | null
  } | null
  /** A day the Worker could not send: skip it (the default) or send its slot once, marked late. */
  missedDay?: 'skip' | 'send-once' | null
  entriesPerMessage?: number | null
}

/** A local support entry as the CMS stores it (only `published` ones are passed in). */
export interface LocalSupportDoc {
  id: number | string
  /** Raised by the CMS on every change of content (1 for a new entry). */
  version?: number | null
  title: string
  body: string
  kind: string
  language: string
  audiences: string[]
  window: unknown
  url?: string | null
  phone?: string | null
  validFrom?: string | null
  validUntil?: string | null
  priority?: string | null
  translations?: { language: string; title: string; body: string }[] | null
}

const given = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value)

/** Plain text with blank lines between paragraphs, as the local-support textarea holds it. */
export function plainTextBody(text: string): PortableBody {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
  return { v: 1, blocks: paragraphs.map((v) => ({ t: 'p' as const, c: [{ t: 'text' as const, v }] })) }
}

function entryOf(doc: LocalSupportDoc): LocalSupportEntry {
  const date = (value: string | null | undefined) => (value ? value.slice(0, 10) : undefined)
  return {
    id: `local-${doc.id}`,
    version: doc.version ?? 1,
    kind: doc.kind as LocalSupportEntry['kind'],
    language: doc.language as LocalSupportEntry['language'],
    audiences: doc.audiences as LocalSupportEntry['audiences'],
    // The stored group (with Payload's own keys) as the engine's window; a half-filled one is reported.
    window: (toProgramWindow(doc.window) ?? doc.window) as LocalSupportEntry['window'],
    title: doc.title,
    body: plainTextBody(doc.body),
    url: given(doc.url) || undefined,
    phone: given(doc.phone) || undefined,
    validFrom: date(doc.validFrom),
    validUntil: date(doc.validUntil),
    priority: (doc.priority ?? 'normal') as LocalSupportEntry['priority'],
    translations: (doc.translations ?? []).map((t) => ({
      language: t.language,
      title: t.title,
      body: plainTextBody(t.body),
    })),
  }
}

/**
 * One tenant's part: its settings, its published local entries, its surveys, its approved
 * announcements (cms/publish/announcements.ts) and approved tasks (cms/publish/tasks.ts). Missing settings
 * come back as problems naming the field, so staff know what to fill in before publishing.
 */
export function buildTenantPart(
  tenant: TenantDoc,
  entries: readonly LocalSupportDoc[],
  surveys: readonly Survey[],
  programs: Record<string, Program>,
  announcements: readonly Announcement[] = [],
  tasks: readonly Task[] = [],
): Built<TenantPart> {
  const channels = new Set(tenant.channels ?? [])
  const programKey = tenant.program ?? 'standard'
  const problems: PublishProblem[] = []
  if (programKey !== 'standard' && !programs[programKey]) {
    problems.push({
      where: tenant.slug,
      message: bilingual(
        `プログラム ${programKey} が見つかりません`,
        `Program ${programKey} is not configured`,
      ),
    })
  }
  const draft = {
    kind: 'tenant',
    contractVersion,
    tenant: {
      slug: tenant.slug,
      name: { ja: tenant.name, en: tenant.nameEn || tenant.name },
      prefecture: given(tenant.prefecture),
      postalAddress: given(tenant.postalAddress),
      timeZone: given(tenant.timeZone),
      sendTime: given(tenant.sendTime),
      channels: {
        email: channels.has('email')
          ? { senderName: given(tenant.senderNames?.email), fromAddress: given(tenant.senders?.fromAddress) }
          : undefined,
        sms: channels.has('sms')
          ? {
              senderName: given(tenant.senderNames?.sms),
              countries: tenant.smsLimits?.countries?.length ? tenant.smsLimits.countries : undefined,
              capPerHour: given(tenant.smsLimits?.capPerHour),
              capPerDay: given(tenant.smsLimits?.capPerDay),
            }
          : undefined,
        line: channels.has('line')
          ? { accountName: given(tenant.senderNames?.line), basicId: given(tenant.senders?.lineBasicId) }
          : undefined,
      },
      desk: {
        name: given(tenant.desk?.name),
        email: given(tenant.desk?.email),
        phone: given(tenant.desk?.phone),
        hours: given(tenant.desk?.hours),
      },
      privacyNotice: { url: given(tenant.privacyNotice?.url), version: given(tenant.privacyNotice?.version) },
      languages: { offered: tenant.languages ?? ['ja'], fallback: tenant.languageFallback ?? ['ja'] },
      program:
        programKey === 'standard' || !programs[programKey]
          ? { kind: 'standard' }
          : { kind: 'custom', program: programs[programKey] },
      branding: {
        accentColor: given(tenant.branding?.color),
        logoUrl: given(tenant.branding?.logoUrl) || undefined,
      },
      retentionDays: given(tenant.retentionDays),
      missedDay: tenant.missedDay ?? 'skip',
      entriesPerMessage: given(tenant.entriesPerMessage),
      workspace: {
        interpreterLine: given(tenant.workspace?.interpreterLine) || undefined,
        retention: {
          accessLogDays: given(tenant.workspace?.retention?.accessLogDays),
          consultationDays: given(tenant.workspace?.retention?.consultationDays),
          staffMessageDays: given(tenant.workspace?.retention?.staffMessageDays),
        },
      },
    },
    localEntries: entries.map(entryOf),
    surveys,
    announcements,
    tasks,
  }
  const parsed = parseContract(tenantPart, draft)
  if (!parsed.ok) {
    problems.push(
      ...parsed.issues.map((issue) => ({ where: `${tenant.slug} ${issue.path}`, message: issue.message })),
    )
  }
  return { part: parsed.ok && problems.length === 0 ? parsed.value : null, problems }
}
