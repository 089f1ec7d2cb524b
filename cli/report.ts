import { addDays, BilingualError, checkCivilDate, daysBetween } from '../shared/calendar'
import { parseCommand } from './args'
import { ingestCaller } from './edge-api'

const callIngest = ingestCaller('YORISOI_OPERATIONS_TOKEN')

// yorisoi report --from D --to D — rebuilds the dashboard's counts of a period from what the edge
// still holds and sends them to the CMS again, through the edge's /ingest/reports/resend, a month
// at a time.

export const REPORT_USAGE = 'yorisoi report --from YYYY-MM-DD --to YYYY-MM-DD'

/** Days each request covers (the edge's resendMaxDays). */
const daysPerRequest = 31

const options = { from: { type: 'string' }, to: { type: 'string' } } as const

/** The period cut into pieces of at most `days` days, in order. */
export function periods(from: string, to: string, days = daysPerRequest): { from: string; to: string }[] {
  const pieces: { from: string; to: string }[] = []
  for (let start = from; start <= to; start = addDays(start, days)) {
    const end = addDays(start, days - 1)
    pieces.push({ from: start, to: end < to ? end : to })
  }
  return pieces
}

export async function report(argv: string[]): Promise<void> {
  const { positionals, values } = parseCommand(argv, options, REPORT_USAGE)
  const from = checkCivilDate(values.from ?? '')
  const to = checkCivilDate(values.to ?? '')
  if (positionals.length > 0 || !from.ok || !to.ok)
    throw new BilingualError({ ja: `使い方: ${REPORT_USAGE}`, en: `usage: ${REPORT_USAGE}` })
  if (daysBetween(from.date, to.date) < 0)
    throw new BilingualError({
      ja: `--to ${to.date} が --from ${from.date} より前です`,
      en: `--to ${to.date} is before --from ${from.date}`,
    })
  for (const piece of periods(from.date, to.date)) {
    const sent = (await callIngest('POST', 'reports/resend', piece)) as { shards: { shard: number }[] }
    process.stdout.write(
      `${piece.from}〜${piece.to}: ${sent.shards.length} シャードの集計を CMS に送りました / sent ${sent.shards.length} shards' counts to the CMS\n`,
    )
  }
}
