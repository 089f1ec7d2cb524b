import { timingSafeEqual } from 'node:crypto'
import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type Where,
} from 'payload'
import { addDays, localDate } from '../../shared/calendar'
import { aggregatesReport, bilingual, reportRows } from '../../shared/contract'
import { insertRows } from './bulk'
import { type DashboardList, dashboardSlugs } from './dashboard-collections'
import { sampleDaysSlug } from './sample-days'

export interface StoreSetup {
  payload: Payload
  countsSlug: string
  forwardsSlug: string
  flaggedSlug: string
  undecidedSlug: string
  tenantsSlug: string
}

export interface ReceiveSetup extends StoreSetup {
  /** The token the edge must present; an empty one refuses everything. */
  token: string
}

export type Received =
  | { status: 200; body: { ok: true; stored: number; from: string; to: string } }
  | { status: 400 | 401 | 422 | 500; body: { ok: false; reason: string; issues?: string[] } }
type Stored = Exclude<Received, { status: 401 }>

function sameToken(presented: string, expected: string): boolean {
  if (!expected) return false
  const a = Buffer.from(presented)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * The edge's daily report, checked with the contract's schema, replacing the counts (survey
 * answers, undelivered consultations, flagged deliveries, and the dashboard's: deliveries,
 * residents, registrations, stops, reading, costs, consultations, survey responses, tasks, provider
 * pauses) of each of its tenants and days
 * in one transaction, written with multi-row inserts: the latest report of a (tenant, day) is the whole truth about it, and its ages of
 * the oldest undecided ones replace those stored for its tenants. Each shard of the edge sends its
 * own report naming its tenants (`tenants`), so one shard's report never erases another's counts;
 * a report without `tenants` (an edge from before shards) speaks for every tenant. Flagged
 * deliveries may also name earlier days; every stored day of its tenants with some still open is
 * replaced too, so an open count never outlives the decision. A bad token, a malformed report or
 * an unknown tenant changes nothing.
 */
export async function receiveReport(
  setup: ReceiveSetup,
  input: { authorization: string | null; body: unknown },
): Promise<Received> {
  const presented = /^Bearer (.+)$/.exec(input.authorization ?? '')?.[1] ?? ''
  if (!sameToken(presented, setup.token))
    return { status: 401, body: { ok: false, reason: bilingual('認証できません', 'Not authorised') } }
  return storeReport(setup, input.body)
}

/**
 * A report stored as receiveReport stores the edge's (server code; the caller vouches for it).
 * With `sample`, the local seed's sample history (seed/history): each (tenant, day) of its period
 * is also marked as sample data, a mark the next real report of that day removes with its counts.
 */
export async function storeReport(
  setup: StoreSetup,
  body: unknown,
  options: { sample?: boolean } = {},
): Promise<Stored> {
  const parsed = aggregatesReport.safeParse(body)
  if (!parsed.success) {
    return {
      status: 400,
      body: {
        ok: false,
        reason: bilingual('集計の形式が正しくありません', 'The report does not match the contract'),
        issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).slice(0, 20),
      },
    }
  }
  const report = parsed.data
  const slugs = [...new Set(reportRows(report).map((row) => row.tenant))]
  const { payload } = setup
  const tenants = await payload.find({
    collection: setup.tenantsSlug,
    where: { slug: { in: slugs } },
    depth: 0,
    limit: slugs.length || 1,
    pagination: false,
    overrideAccess: true,
  })
  const idOf = new Map(tenants.docs.map((t) => [String(t.slug), t.id]))
  const unknown = slugs.filter((s) => !idOf.has(s))
  if (unknown.length > 0) {
    return {
      status: 422,
      body: {
        ok: false,
        reason: bilingual(
          `CMS にない自治体があります: ${unknown.join(', ')}`,
          `Unknown tenants: ${unknown.join(', ')}`,
        ),
      },
    }
  }

  const theirs = await coveredBy(setup, report.tenants)
  const inPeriod = (row: { date: string }) => row.date >= report.from && row.date <= report.to
  // Each row as stored: its tenant by id, a day outside the period (but flagged deliveries') left out.
  const stored = <T extends { date: string; tenant: string }>(
    rows: readonly T[],
    keep: (row: T) => boolean = inPeriod,
  ) => rows.filter(keep).map((row) => ({ ...row, tenant: idOf.get(row.tenant) }))
  const dashboard = {
    deliveries: stored(report.deliveries),
    residents: stored(report.residents),
    registrations: stored(report.registrations),
    stops: stored(report.stops),
    reading: stored(report.reading),
    costs: stored(report.costs),
    consultations: stored(report.consultations),
    surveyResponses: stored(report.surveyResponses),
    tasks: stored(report.tasks),
    providerPauses: stored(report.providerPauses),
  } satisfies Record<DashboardList, unknown[]>
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    const period: Where = {
      and: [{ date: { greater_than_equal: report.from } }, { date: { less_than_equal: report.to } }, theirs],
    }
    // Every (tenant, day) of the period the report speaks for is replaced whole: a day absent means none.
    for (const collection of [
      setup.countsSlug,
      setup.forwardsSlug,
      ...Object.values(dashboardSlugs),
      sampleDaysSlug,
    ])
      await payload.db.deleteMany({ collection, where: period, req })
    const earlier = report.flaggedDeliveries.filter((row) => row.date < report.from)
    await payload.db.deleteMany({
      collection: setup.flaggedSlug,
      where: {
        or: [
          period,
          { and: [{ open: { greater_than: 0 } }, theirs] },
          ...earlier.map(
            (row): Where => ({
              and: [{ date: { equals: row.date } }, { tenant: { equals: idOf.get(row.tenant) } }],
            }),
          ),
        ],
      },
      req,
    })
    await insertRows(payload, req, setup.countsSlug, stored(report.surveys))
    await insertRows(
      payload,
      req,
      setup.forwardsSlug,
      stored(report.deskForwards, (row) => inPeriod(row) && row.failed + row.pending > 0),
    )
    await insertRows(
      payload,
      req,
      setup.flaggedSlug,
      stored(
        report.flaggedDeliveries,
        (row) => row.date <= report.to && row.open + row.resolved + row.deadLetters > 0,
      ),
    )
    for (const [list, rows] of Object.entries(dashboard))
      await insertRows(payload, req, dashboardSlugs[list as DashboardList], rows)
    if (options.sample)
      await insertRows(
        payload,
        req,
        sampleDaysSlug,
        (report.tenants ?? []).flatMap((slug) =>
          idOf.has(slug)
            ? daysOf(report.from, report.to).map((date) => ({ date, tenant: idOf.get(slug) }))
            : [],
        ),
      )
    // How long the oldest undecided ones have waited: as of this report, the whole truth.
    await payload.db.deleteMany({ collection: setup.undecidedSlug, where: theirs, req })
    const reportedOn = localDate(new Date(report.generatedAt), 'Asia/Tokyo')
    await insertRows(
      payload,
      req,
      setup.undecidedSlug,
      report.undecided
        .filter((row) => row.flaggedDeliveryDays !== null || row.deskForwardDays !== null)
        .map((row) => ({ ...row, date: reportedOn, tenant: idOf.get(row.tenant) })),
    )
    await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    payload.logger.error({ err: error }, 'aggregates report: storing failed')
    return {
      status: 500,
      body: { ok: false, reason: bilingual('集計を保存できませんでした', 'The report could not be stored') },
    }
  }
  return {
    status: 200,
    body: { ok: true, stored: reportRows(report).length, from: report.from, to: report.to },
  }
}

/**
 * The stored rows a report speaks for: those of the tenants it names (the ones the CMS knows; an
 * unknown one has nothing stored), or every row when it names none (an edge from before shards).
 */
async function coveredBy(setup: StoreSetup, slugs: readonly string[] | undefined): Promise<Where> {
  if (!slugs) return { id: { exists: true } }
  const { docs } = await setup.payload.find({
    collection: setup.tenantsSlug,
    where: { slug: { in: [...slugs] } },
    depth: 0,
    limit: slugs.length || 1,
    pagination: false,
    overrideAccess: true,
  })
  // No known tenant: a condition no row meets.
  return docs.length > 0 ? { tenant: { in: docs.map((t) => t.id) } } : { id: { exists: false } }
}

function daysOf(from: string, to: string): string[] {
  const days: string[] = []
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day)
  return days
}
