import { randomBytes, randomInt } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultContentSlugs } from '../../cms/publish/content'
import { type PublishSetup, publish } from '../../cms/publish/publish'
import { type LocalWorker, startLocalWorker } from '../../dev/local-worker'
import { standardProgram } from '../../shared/program'
import { type Cms, startCms } from '../cms/support/cms'
import { messageData } from '../cms/support/content'
import { createWorld, type Person, type World } from '../cms/support/people'
import { makePublishable } from '../cms/support/publishable-tenant'

// A town's SMS cap set in the CMS, published, and honoured by the Worker in workerd: staff lower
// 港区's cap to 2 an hour, the third SMS sign-up is refused; an administrator raises it to 4 and,
// once published, two more go through and the fifth is refused again.
const token = randomBytes(24).toString('base64url')
let cms: Cms
let payload: Payload
let world: World
let worker: LocalWorker
let dir: string
let setup: PublishSetup

const as = (who: Person) => ({ overrideAccess: false, user: world.users[who] }) as const

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yorisoi-sms-limits-'))
  ;[cms, worker] = await Promise.all([
    startCms(),
    startLocalWorker({
      persistTo: dir,
      vars: { INGEST_TOKEN: token, IP_HASH_SALT: 'sms-limits-salt', LINK_SECRET: 'sms-limits-link-secret' },
    }),
  ])
  payload = cms.payload
  world = await createWorld(payload)
  setup = {
    payload,
    edge: { url: worker.url, token },
    slugs: { ...defaultContentSlugs, publications: 'publications' },
    programs: { standard: standardProgram },
  }
  // The national part must be live before a town's part.
  const message = await payload.create({
    collection: 'messages',
    data: messageData('pregnancy/100'),
    ...as('editor'),
  })
  await payload.update({
    collection: 'messages',
    id: message.id,
    data: { reviewState: 'in-review' },
    ...as('editor'),
  })
  await payload.update({
    collection: 'messages',
    id: message.id,
    data: { reviewState: 'approved' },
    ...as('supervisor'),
  })
  expect(
    await publish(setup, { user: world.users.editor, scope: { kind: 'national' }, confirmGaps: true }),
  ).toMatchObject({ ok: true })
  await makePublishable(payload, world.tenantA.id, 'minato')
  await payload.update({
    collection: 'tenants',
    id: world.tenantA.id,
    overrideAccess: true,
    data: { channels: ['email', 'sms'], senderNames: { email: '子育て応援便', sms: 'Minato' } },
  })
})

afterAll(async () => {
  await Promise.all([cms?.stop(), worker?.stop()])
  rmSync(dir, { recursive: true, force: true })
})

async function setCaps(who: Person, capPerHour: number) {
  await payload.update({
    collection: 'tenants',
    id: world.tenantA.id,
    data: { smsLimits: { capPerHour } },
    ...as(who),
  })
  const outcome = await publish(setup, {
    user: world.users[who],
    scope: { kind: 'tenant', tenantId: world.tenantA.id },
    confirmGaps: true,
  })
  expect(outcome).toMatchObject({ ok: true })
}

/** Today in Tokyo plus n days, as YYYY-MM-DD. */
const fromToday = (days: number) =>
  new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)

/** A family signing up by SMS on 港区's page, each with its own mobile and connection. */
function signUpBySms(): Promise<Response> {
  const mobile = `090-${randomInt(1000, 9999)}-${randomInt(1000, 9999)}`
  return fetch(`${worker.url}/t/minato`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: worker.url,
      'cf-connecting-ip': `198.51.100.${randomInt(1, 254)}`,
    },
    body: new URLSearchParams({
      nickname: 'はな',
      audience: 'primary',
      stage: 'due',
      date: fromToday(120),
      language: 'ja',
      channel: 'sms',
      address: mobile,
      consent: 'yes',
      noticeVersion: '2026-04',
    }),
  })
}

describe('an SMS cap set in the CMS, at the edge', () => {
  it('refuses the SMS sign-up past the cap staff published, and lets more through once an administrator raises it', async () => {
    await setCaps('staffA', 2)
    expect((await signUpBySms()).status).toBe(303)
    expect((await signUpBySms()).status).toBe(303)
    const refused = await signUpBySms()
    expect(refused.status).toBe(429)
    expect(await refused.text()).toContain('SMSでの受付')

    await setCaps('admin', 4)
    expect((await signUpBySms()).status).toBe(303)
    expect((await signUpBySms()).status).toBe(303)
    expect((await signUpBySms()).status).toBe(429)
  })
})
