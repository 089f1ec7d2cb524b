import { env } from 'cloudflare:workers'
import { beforeEach, expect, inject, it } from 'vitest'
import { app } from '../../edge/app'
import { storeTenantSecret } from '../../edge/channels/secrets'
import type { Env } from '../../edge/env'
import { retryPendingInterviews } from '../../edge/surveys/interview-retry'
import { emptyDeliveryTables, insertExpecting, rows } from './support/delivery'
import { deliverOn, sentText, site, storeSurveySnapshot, surveyPaths } from './support/surveys'

const fake = inject('fakeResendUrl')
const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const withResend = { ...env, TENANT_SECRETS_KEY: secretsKey, RESEND_BASE_URL: fake } as Env

async function control(path: string, body?: unknown) {
  const response = await fetch(`${fake}/__fake/${path}`, {
    method: 'POST',
    body: JSON.stringify(body ?? null),
  })
  return (await response.json()) as { deliveries: Record<string, number> }
}

beforeEach(async () => {
  await emptyDeliveryTables()
  await env.DB.prepare('DELETE FROM tenant_secrets').run()
  await control('reset')
})

const interview = () =>
  rows<{ id: string; interview_state: string; interview_error: string | null; contact: string | null }>(
    'SELECT id, interview_state, interview_error, interview_contact AS contact FROM survey_responses',
  ).then((r) => r[0]!)

it('an interview request the desk’s provider refused stays pending, says so kindly, and the cron tick delivers it once', async () => {
  const snapshot = await storeSurveySnapshot()
  await insertExpecting('sub-retry')
  await deliverOn(snapshot, '2026-11-23')
  const [path] = surveyPaths(await sentText('sub-retry@example.jp', '2026-11-23'))
  await storeTenantSecret(env.DB, secretsKey, {
    tenant: 'sakura-city',
    name: 'resend.apiKey',
    value: 're_test_key',
    now: new Date(),
  })
  await control('faults', ['server-error'])
  const answered = await app.fetch(
    new Request(`${site}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site },
      body: new URLSearchParams([
        ['q_feeling', '2'],
        ['q_interview', 'yes'],
        ['contact', 'phone'],
        ['contact_phone', '090-1234-5678'],
      ]),
    }),
    withResend,
  )
  expect(answered.status).toBe(200)
  expect(await answered.text()).toContain('まもなくさくら市 子育て世代包括支援センターにお伝えし')
  const pending = await interview()
  expect(pending.interview_state).toBe('pending')
  expect(pending.interview_error).toContain('500')
  expect(pending.contact).toContain('090-1234-5678')
  expect((await control('stats')).deliveries).toEqual({})

  // Too soon after the form's own attempt: left for later.
  expect(await retryPendingInterviews(withResend, new Date())).toBe(0)
  const later = new Date(Date.now() + 6 * 60_000)
  expect(await retryPendingInterviews(withResend, later)).toBe(1)
  expect(await interview()).toMatchObject({ interview_state: 'sent', contact: null })
  expect((await control('stats')).deliveries).toEqual({ [`interview-${pending.id}`]: 1 })
  await retryPendingInterviews(withResend, new Date(later.getTime() + 3_600_000))
  expect((await control('stats')).deliveries).toEqual({ [`interview-${pending.id}`]: 1 })
}, 60_000)
