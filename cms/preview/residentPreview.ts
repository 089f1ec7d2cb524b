import type { Payload, TypedUser } from 'payload'
import type { CivilDate } from '../../shared/calendar'
import {
  composeDay,
  indexMessages,
  programOf,
  renderEmail,
  renderLine,
  renderSms,
} from '../../shared/compose'
import type { Audience } from '../../shared/contract/primitives'
import { type Program, planDay, type TimelineFacts } from '../../shared/program'
import { approvedNationalPart } from '../publish/approved-national'
import { defaultContentSlugs, publishedEntries, tenantDocs } from '../publish/content'
import { buildTenantPart } from '../publish/tenant-part'
import type { ContentSlugs } from '../publish/types'

export type PreviewRequest = {
  /** The person asking: only a tenant they may read is composed (staff: their own towns). */
  user: unknown
  tenantId: number | string
  date: CivilDate
  due?: CivilDate
  birth?: CivilDate
  audience?: Audience
  language?: string
  nickname?: string
}

export type ResidentPreview =
  | { ok: false; reasons: string[] }
  | { ok: true; nothingToday: true }
  | {
      ok: true
      nothingToday: false
      subject: string
      /** The town's entries this day carries, and those open that day but resting (the town's cap). */
      entries: { shown: { id: string; title: string }[]; resting: { id: string; title: string }[] }
      email: { html: string; text: string }
      sms: { text: string; segments: number; characters: number } | { problems: string[] }
      line: { texts: string[] } | { problems: string[] }
    }

const links = {
  messageUrl: 'https://preview.invalid/m',
  consultUrl: 'https://preview.invalid/consult',
  selfServiceUrl: 'https://preview.invalid/me',
  unsubscribeUrl: 'https://preview.invalid/stop',
}

/**
 * Exactly what a resident of a tenant would get on a date, on each channel, composed by the same
 * shared/ code the edge uses from what publishing would send: approved versions and the
 * tenant's published entries only.
 */
export async function residentPreview(
  payload: Payload,
  request: PreviewRequest,
  programs: Record<string, Program>,
  slugs: ContentSlugs = defaultContentSlugs,
): Promise<ResidentPreview> {
  const notFound: ResidentPreview = { ok: false, reasons: ['自治体が見つかりません / Tenant not found'] }
  if (!(await mayRead(payload, slugs, request))) return notFound
  const tenantDoc = (await tenantDocs(payload, slugs)).find((t) => String(t.id) === String(request.tenantId))
  if (!tenantDoc) return notFound
  const national = await approvedNationalPart(payload, slugs)
  const tenant = buildTenantPart(
    tenantDoc,
    await publishedEntries(payload, slugs, tenantDoc.id),
    [],
    programs,
  )
  if (!national.part || !tenant.part) {
    return { ok: false, reasons: [...national.problems, ...tenant.problems].map((p) => JSON.stringify(p)) }
  }
  const timelines: TimelineFacts[] = [
    {
      from: request.date,
      ...(request.due ? { due: request.due } : {}),
      ...(request.birth ? { birth: { date: request.birth } } : {}),
    },
  ]
  const plan = planDay(timelines, request.date, programOf(tenant.part.tenant))
  if (!plan) return { ok: true, nothingToday: true }
  const composed = composeDay({
    tenant: tenant.part,
    index: indexMessages(national.part),
    subscriber: {
      nickname: request.nickname ?? 'さくら',
      audience: request.audience ?? 'primary',
      language: request.language ?? 'ja',
    },
    timelines,
    plan,
    date: request.date,
    links,
  })
  if (!composed.ok)
    return { ok: false, reasons: composed.problems.map((p) => `${p.message.ja} / ${p.message.en}`) }
  const email = renderEmail(composed.value)
  const sms = renderSms(composed.value)
  const line = renderLine(composed.value)
  const problems = (o: { problems: { message: { ja: string; en: string } }[] }) =>
    o.problems.map((p) => `${p.message.ja} / ${p.message.en}`)
  return {
    ok: true,
    nothingToday: false,
    subject: email.subject,
    entries: {
      shown: composed.value.entries.map((e) => ({ id: e.id, title: e.title })),
      resting: composed.value.entriesResting,
    },
    email: { html: email.html, text: email.text },
    sms: sms.ok ? sms.value : { problems: problems(sms) },
    line: line.ok ? { texts: line.value.map((m) => m.text) } : { problems: problems(line) },
  }
}

/** Whether the person asking may read the tenant, as the tenants collection's access says. */
async function mayRead(payload: Payload, slugs: ContentSlugs, request: PreviewRequest): Promise<boolean> {
  const found = await payload
    .find({
      collection: slugs.tenants,
      where: { id: { equals: request.tenantId } },
      depth: 0,
      limit: 1,
      overrideAccess: false,
      user: request.user as TypedUser | null,
    })
    // An id that cannot be one (text where ids are numbers) finds nothing either.
    .catch(() => null)
  return Boolean(found?.docs.length)
}
