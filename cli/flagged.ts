import { BilingualError } from '../shared/calendar'
import { parseCommand } from './args'
import { ingestCaller } from './edge-api'

const callIngest = ingestCaller('YORISOI_DECISIONS_TOKEN')

// yorisoi flagged list --tenant T [--limit N] | resolve --tenant T --id ID --as was-sent|send-again [--by NAME]
// — the deliveries a person must decide about, at the edge's /ingest/tenants/{tenant}/flagged.

export const FLAGGED_USAGE =
  'yorisoi flagged list --tenant T [--limit N] | resolve --tenant T --id ID --as was-sent|send-again [--by NAME]'

interface Flagged {
  id: string
  date: string
  slots: string[]
  channel: string
  address: string
  since: string
  attempts: number
  reason: string | null
}

const options = {
  tenant: { type: 'string' },
  limit: { type: 'string' },
  id: { type: 'string' },
  as: { type: 'string' },
  by: { type: 'string' },
} as const

const outcomes: Record<string, string> = {
  sent: '送信済みにしました / marked as sent',
  'send-again:sent': '再送しました / sent again',
  'send-again:failed-permanent': '再送できませんでした（送信先が受け取れません） / could not be sent again',
  'send-again:flagged':
    '再送の結果が分かりません。もう一度確認してください / the resend is in doubt: check again',
}

export async function flagged(argv: string[]): Promise<void> {
  const { positionals, values } = parseCommand(argv, options, FLAGGED_USAGE)
  const action = positionals[0]
  const tenant = values.tenant
  if (positionals.length !== 1 || !tenant || !['list', 'resolve'].includes(action ?? '')) {
    throw new BilingualError({ ja: `使い方: ${FLAGGED_USAGE}`, en: `usage: ${FLAGGED_USAGE}` })
  }
  const base = `tenants/${encodeURIComponent(tenant)}/flagged`
  if (action === 'list') {
    const query = values.limit ? `?limit=${encodeURIComponent(values.limit)}` : ''
    const { flagged, more } = (await callIngest('GET', `${base}${query}`)) as {
      flagged: Flagged[]
      more: boolean
    }
    if (flagged.length === 0) process.stdout.write('確認待ちの配信はありません / no flagged deliveries\n')
    for (const f of flagged)
      process.stdout.write(
        `${[f.id, f.date, f.slots.join(','), f.channel, f.address, f.since, `attempts=${f.attempts}`, f.reason ?? ''].join('\t')}\n`,
      )
    if (more)
      process.stdout.write(
        'まだあります。--limit を増やすか、対応後にもう一度 / more remain: raise --limit, or list again\n',
      )
    return
  }
  const id = values.id
  const decision = values.as
  if (!id || !decision)
    throw new BilingualError({ ja: '--id と --as を指定してください', en: '--id and --as are required' })
  const { state, error } = (await callIngest('POST', `${base}/${encodeURIComponent(id)}/resolve`, {
    decision,
    ...(values.by ? { actor: values.by } : {}),
  })) as { state: string; error: string | null }
  const said = outcomes[decision === 'was-sent' ? state : `${decision}:${state}`] ?? state
  process.stdout.write(`${id}: ${said}${error ? ` (${error})` : ''}\n`)
}
