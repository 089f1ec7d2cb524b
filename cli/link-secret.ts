import { BilingualError } from '../shared/calendar'
import { parseCommand } from './args'
import { ingestCaller } from './edge-api'

const callIngest = ingestCaller('YORISOI_OPERATIONS_TOKEN')

// yorisoi link-secret rotate — after LINK_SECRET changed (the old one in LINK_SECRET_PREVIOUS):
// stores every resident's stop and manage links under the new secret, page by page in every shard,
// through the edge's /ingest/links/rotate; then LINK_SECRET_PREVIOUS can go.

export const LINK_SECRET_USAGE = 'yorisoi link-secret rotate'

interface Cursor {
  shard: number
  subscriber: string
}

export async function linkSecret(argv: string[]): Promise<void> {
  const { positionals } = parseCommand(argv, {}, LINK_SECRET_USAGE)
  if (positionals.length !== 1 || positionals[0] !== 'rotate')
    throw new BilingualError({ ja: `使い方: ${LINK_SECRET_USAGE}`, en: `usage: ${LINK_SECRET_USAGE}` })
  let after: Cursor | null = null
  let stored = 0
  let remaining = 0
  do {
    const page = (await callIngest('POST', 'links/rotate', after ? { after } : {})) as {
      stored: number
      next: Cursor | null
      remaining: number
    }
    stored += page.stored
    remaining = page.remaining
    after = page.next
  } while (after)
  process.stdout.write(
    `${stored} 人のリンクを新しい LINK_SECRET で保存しました / stored ${stored} residents' links under the new LINK_SECRET\n`,
  )
  process.stdout.write(
    remaining === 0
      ? 'すべて済みました。LINK_SECRET_PREVIOUS は削除できます / all done: LINK_SECRET_PREVIOUS can be removed\n'
      : `${remaining} 人が残っています。もう一度 rotate してください / ${remaining} left: run rotate again\n`,
  )
}
