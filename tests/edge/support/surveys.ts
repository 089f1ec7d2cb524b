import { env, exports } from 'cloudflare:workers'
import { runTick } from '../../../edge/delivery/tick'
import { type LoadedSnapshot, loadSnapshot } from '../../../edge/snapshot/read'
import { storeSnapshot } from '../../../edge/snapshot/store'
import { prepareSnapshot, type Survey } from '../../../shared/contract'
import { fixtureNationalPart, fixtureTenantParts } from '../../../shared/contract/fixture'
import { countingAdapter, deliverAll, deps, outbox } from './consumer'
import { capturingQueue, rows } from './delivery'

export const site = 'https://yorisoi.example.jp'

/** さくら市's own survey for pregnancy month 8: every kind of question, one option asking for an interview. */
export const sakuraSurvey: Survey = {
  id: 'sakura-8m',
  version: 1,
  language: 'ja',
  title: '妊娠8か月のアンケート',
  window: { unit: 'pregnancy-month', from: 8, to: 8 },
  audiences: ['primary'],
  questions: [
    {
      id: 'feeling',
      kind: 'scale',
      label: 'この1週間の気分は？',
      required: true,
      min: 1,
      max: 5,
    },
    {
      id: 'worries',
      kind: 'multiple',
      label: '気になっていること',
      required: false,
      options: [
        { value: 'body', label: 'からだの調子', requestsInterview: false },
        { value: 'money', label: 'お金や手続き', requestsInterview: false },
        { value: 'work', label: '仕事のこと', requestsInterview: false },
      ],
    },
    {
      id: 'interview',
      kind: 'single',
      label: '保健師との面談を希望しますか',
      required: true,
      options: [
        { value: 'yes', label: '希望する', requestsInterview: true },
        { value: 'no', label: '希望しない', requestsInterview: false },
      ],
    },
    { id: 'comment', kind: 'text', label: 'ご意見', required: false, maxLength: 200 },
  ],
  maxReminders: 1,
  remindAfterDays: 7,
}

// The fixture writes a message for a few slots; these tests follow a resident day after day.
const dailyPregnancyMessages = () => {
  const model = fixtureNationalPart.messages.find((m) => m.id === 'msg-pregnancy-196-primary-ja')!
  const taken = new Set(fixtureNationalPart.messages.map((m) => `${m.slot} ${m.audience} ${m.language}`))
  return Array.from({ length: 300 }, (_, i) => `pregnancy/${i + 1}`)
    .filter((slot) => !taken.has(`${slot} primary ja`))
    .map((slot) => ({ ...model, id: `msg-${slot.replace('/', '-')}-primary-ja`, slot }))
}

/**
 * The fixture's content with さくら市's survey as the only survey, active from 2026-11-20; `offered`:
 * the languages さくら市 offers, when a test needs more than the fixture's.
 */
export async function storeSurveySnapshot(
  surveys: Survey[] = [sakuraSurvey],
  offered?: string[],
): Promise<LoadedSnapshot> {
  const [fixtureSakura, ...others] = fixtureTenantParts
  const sakura = offered
    ? { ...fixtureSakura!, tenant: { ...fixtureSakura!.tenant, languages: { offered, fallback: ['ja'] } } }
    : fixtureSakura
  const national = {
    ...fixtureNationalPart,
    messages: [...fixtureNationalPart.messages, ...dailyPregnancyMessages()],
    surveys: [],
  }
  const snapshot = await prepareSnapshot({
    id: 'surveys-0001',
    createdAt: '2026-11-20T00:00:00.000Z',
    parts: [national, { ...sakura!, surveys }, ...others],
  })
  await storeSnapshot(env.DB, snapshot, new Date('2026-11-20T00:00:00Z'))
  return (await loadSnapshot(env.DB, 'surveys-0001'))!
}

/** Runs the 09:00 JST delivery of `date` and returns what the outbox holds for that day. */
export async function deliverOn(snapshot: LoadedSnapshot, date: string) {
  const queue = capturingQueue()
  const now = `${date}T00:05:00Z`
  await runTick({ db: env.DB, queue, snapshot, now: new Date(now) })
  await deliverAll(deps(snapshot, countingAdapter(outbox()), now), queue.sent)
}

/** The text sent to one recipient on one local date (from the outbox, through the delivery key). */
export async function sentText(recipient: string, date: string): Promise<string> {
  const found = await rows<{ text: string }>(
    `SELECT o.text FROM outbox o JOIN deliveries d ON d.idempotency_key = o.idempotency_key
     WHERE o.recipient = ?1 AND d.local_date = ?2`,
    recipient,
    date,
  )
  if (!found[0]) throw new Error(`nothing was sent to ${recipient} on ${date}`)
  return found[0].text
}

export const surveyPaths = (text: string) =>
  [...text.matchAll(new RegExp(`${site}(/q/[0-9]{0,4}[A-Za-z0-9_-]{27})`, 'g'))].map((m) => m[1]!)

export const getPage = (path: string) => exports.default.fetch(`${site}${path}`, { redirect: 'manual' })

/** A form post from our own page; repeated names for checkboxes. */
export function postForm(path: string, fields: [string, string][]): Promise<Response> {
  return exports.default.fetch(`${site}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  })
}
