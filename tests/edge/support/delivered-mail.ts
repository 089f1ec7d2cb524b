import { env } from 'cloudflare:workers'
import { programDelivery } from '../../../edge/delivery/links'
import { runTick } from '../../../edge/delivery/tick'
import { countingAdapter, deliverAll, deps, outbox } from './consumer'
import { capturingQueue, insertExpecting, rows, storeFixture } from './delivery'

/** The origin residents' links point at in the edge tests. */
export const site = 'https://yorisoi.example.jp'

/** Delivers 2026-11-23 to one expecting resident by email; returns the paths in the mail. */
export async function deliveredMail(id = 'sub-1') {
  const snapshot = await storeFixture()
  await insertExpecting(id)
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
  await deliverAll(deps(snapshot, countingAdapter(outbox())), queue.sent)
  const [mail] = await rows<{ text: string }>(
    'SELECT text FROM outbox WHERE recipient = ?1',
    `${id}@example.jp`,
  )
  const paths = (prefix: string) =>
    [...(mail?.text ?? '').matchAll(new RegExp(`${site}(/${prefix}/[A-Za-z0-9_-]+(?:/consult)?)`, 'g'))].map(
      (m) => m[1]!,
    )
  const stop = paths('s')[0]
  const manage = paths('r').find((p) => !p.endsWith('/consult'))
  if (!stop || !manage) throw new Error(`the mail lacks a stop or manage link:\n${mail?.text}`)
  return { text: mail!.text, stop, manage }
}

/** The id of a resident's program delivery of `date` under `secret`: its message page token's hash. */
export async function programDeliveryId(
  id: string,
  date = '2026-11-23',
  secret = env.LINK_SECRET!,
): Promise<string> {
  return (await programLinks(id, date, secret)).id
}

/** A resident's program delivery of `date` as the consumer makes it: its page token ordered by their rowid. */
export async function programLinks(id: string, date = '2026-11-23', secret = env.LINK_SECRET!) {
  const [resident] = await rows<{ row: number; tenant: string; manageGeneration: number }>(
    `SELECT rowid AS row, tenant_slug AS tenant, manage_generation AS manageGeneration
     FROM subscribers WHERE id = ?1`,
    id,
  )
  if (!resident) throw new Error(`no subscriber ${id}`)
  return programDelivery({ origin: site, linkSecret: secret }, resident.tenant, date, { id, ...resident })
}

export async function messagePath(id: string): Promise<string> {
  return new URL((await programLinks(id, '2026-11-23', env.LINK_SECRET!)).links.messageUrl).pathname
}
