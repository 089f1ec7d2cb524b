/**
 * The dashboard's period and town: from the query, else the four weeks up to yesterday in Tokyo
 * (the edge reports a day once it is over).
 */
export interface Period {
  from: string
  to: string
  /** A tenant id, or null for every town the user may see. */
  tenant: string | null
}

const civil = /^\d{4}-\d{2}-\d{2}$/

const day = (date: Date) => date.toISOString().slice(0, 10)

export const addDays = (date: string, days: number): string =>
  day(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000))

export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1

const valid = (value: unknown): value is string =>
  typeof value === 'string' && civil.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value)

/** Today in Japan, where every town is. */
export const todayInTokyo = (now = new Date()) => day(new Date(now.getTime() + 9 * 3_600_000))

export function periodFrom(query: Record<string, unknown> | undefined, now = new Date()): Period {
  const q = query ?? {}
  const to = valid(first(q.to)) ? (first(q.to) as string) : addDays(todayInTokyo(now), -1)
  let from = valid(first(q.from)) ? (first(q.from) as string) : addDays(to, -27)
  if (from > to) from = to
  const tenant = first(q.tenant)
  return { from, to, tenant: typeof tenant === 'string' && /^[\w-]+$/.test(tenant) ? tenant : null }
}

/** The period's weeks from its first day: [start, end] each, the last one perhaps shorter. */
export function weeksOf(period: Pick<Period, 'from' | 'to'>): [string, string][] {
  const weeks: [string, string][] = []
  for (let start = period.from; start <= period.to; start = addDays(start, 7)) {
    const end = addDays(start, 6)
    // biome-ignore lint/complexity/useMathMinMax: dates as text, which Math.min cannot compare
    weeks.push([start, end < period.to ? end : period.to])
  }
  return weeks
}

/** The calendar months (YYYY-MM) the period touches. */
export function monthsOf(period: Pick<Period, 'from' | 'to'>): string[] {
  const months: string[] = []
  for (let d = period.from; d <= period.to; d = addDays(d, 1)) {
    const month = d.slice(0, 7)
    if (!months.includes(month)) months.push(month)
  }
  return months
}

export const periodQuery = (period: Period) =>
  new URLSearchParams({
    from: period.from,
    to: period.to,
    ...(period.tenant ? { tenant: period.tenant } : {}),
  })

/**
 * The period cut for a series: by day up to five weeks, by week up to half a year, else by
 * month, so a year's report still fits its page. Each span: [label, first day, last day].
 */
export function spansOf(period: Pick<Period, 'from' | 'to'>): {
  unit: 'day' | 'week' | 'month'
  spans: [string, string, string][]
} {
  const days = daysBetween(period.from, period.to)
  if (days <= 35) {
    const spans: [string, string, string][] = []
    for (let d = period.from; d <= period.to; d = addDays(d, 1)) spans.push([d, d, d])
    return { unit: 'day', spans }
  }
  if (days <= 182)
    return { unit: 'week', spans: weeksOf(period).map(([start, end]) => [`${start}〜${end}`, start, end]) }
  return { unit: 'month', spans: monthsOf(period).map((month) => [month, `${month}-01`, `${month}-31`]) }
}
