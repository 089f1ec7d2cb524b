import { createScheduledController } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeAll, expect, inject, it } from 'vitest'
import { storeTenantSecret } from '../../edge/channels/secrets'
import type { Env } from '../../edge/env'
import worker from '../../edge/index'
import { storeSnapshot } from '../../edge/snapshot/store'
import { prepareSnapshot, type TenantPart } from '../../shared/contract'
import { fixtureCreatedAt, fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'
import { shardNumberOf, shardOf } from './support/shards'
import { sakuraSurvey } from './support/surveys'

const fake = inject('fakeResendUrl')
const secretsKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const withResend = { ...env, TENANT_SECRETS_KEY: secretsKey, RESEND_BASE_URL: fake } as Env
const control = async (path: string) =>
  (await (await fetch(`${fake}/__fake/${path}`, { method: 'POST', body: 'null' })).json()) as {
    deliveries: Record<string, number>
  }
const [sakura, minato] = fixtureTenantParts as [TenantPart, TenantPart]
const survey = { ...sakuraSurvey, id: 'minato-8m' }

// Placed as the ingest places them: sakura-city on shard 1 (main), minato-town on shard 2, whose
// part offers an 8-month survey.
beforeAll(async () => {
  const snapshot = await prepareSnapshot({
    id: 'minato-survey',
    createdAt: fixtureCreatedAt,
    parts: [fixtureNationalPart, sakura, { ...minato, surveys: [survey] }],
  })
  await storeSnapshot(env.DB, snapshot, new Date(), env)
  await storeTenantSecret(env.DB, secretsKey, {
    tenant: 'minato-town',
    name: 'resend.apiKey',
    value: 're_test',
    now: new Date(),
  })
  await control('reset')
})

it('a town on shard 2: the cron tick hands its waiting interview request to the desk from shard 2, once', async () => {
  expect(await shardNumberOf('minato-town')).toBe(2)
  const shard = await shardOf('minato-town')
  const at = new Date(Date.now() - 10 * 60_000).toISOString()
  const contact = JSON.stringify({ contact: { how: 'phone', phone: '090-1234-5678' }, note: '' })
  await shard.batch([
    shard
      .prepare(
        `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
         VALUES ('s-minato', 'minato-town', 'はな', 'primary', 'ja', 'email', 's-minato@example.jp', 'active', '2099-01-01', ?1, ?1)`,
      )
      .bind(at),
    shard
      .prepare(
        `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, manifest_id, channel, state, idempotency_key,
                                 survey_id, survey_version, survey_reminder, created_at, updated_at)
         VALUES ('d-minato', 's-minato', 'minato-town', '2026-11-23', 'program', 'minato-survey', 'email', 'sent', 'd-minato',
                 'minato-8m', 1, 0, ?1, ?1)`,
      )
      .bind(at),
    shard
      .prepare(
        `INSERT INTO survey_responses (id, subscriber_id, tenant_slug, survey_id, survey_version, delivery_id, answered_on, interview_state, interview_contact, interview_error, created_at)
         VALUES ('r-minato', 's-minato', 'minato-town', 'minato-8m', 1, 'd-minato', '2026-11-23', 'pending', ?2, 'resend 500', ?1)`,
      )
      .bind(at, contact),
  ])
  const tick = () =>
    worker.scheduled(
      createScheduledController({ cron: '*/5 * * * *', scheduledTime: Date.now() }),
      withResend,
    )

  await tick()
  const response = await shard
    .prepare(
      "SELECT interview_state AS state, interview_contact AS contact FROM survey_responses WHERE id = 'r-minato'",
    )
    .first<{ state: string; contact: string | null }>()
  expect(response).toEqual({ state: 'sent', contact: null })
  await tick()
  expect((await control('stats')).deliveries).toEqual({ 'interview-r-minato': 1 })
})
