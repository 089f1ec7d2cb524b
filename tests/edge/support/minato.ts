import type { TenantPart } from '../../../shared/contract'
import { fixtureNationalPart, fixtureTenantParts } from '../../../shared/contract/fixture'
import { prepareSnapshot } from '../../../shared/contract/snapshot'
import { publish } from './ingest-client'

const [sakura, minato] = fixtureTenantParts as [TenantPart, TenantPart]

/** Minato with email and SMS beside its LINE account, so every way of registering can be tried there. */
export const minatoWithEveryChannel: TenantPart = {
  ...minato,
  tenant: {
    ...minato.tenant,
    channels: {
      email: { senderName: 'みなと町 子育て', fromAddress: 'yorisoi@minato.example.jp' },
      sms: { senderName: 'MinatoTown' },
      ...minato.tenant.channels,
    },
  },
}

export const hinokiDesk = 'kosodate@hinoki.example.jp'
export const hinokiCapPerHour = 2

/** A town that pays for few texts an hour. */
export const hinoki: TenantPart = {
  ...sakura,
  tenant: {
    ...sakura.tenant,
    slug: 'hinoki-town',
    name: { ja: 'ひのき町', en: 'Hinoki Town' },
    channels: {
      ...sakura.tenant.channels,
      sms: { senderName: 'Hinoki', capPerHour: hinokiCapPerHour, capPerDay: 20 },
    },
    desk: { ...sakura.tenant.desk, email: hinokiDesk },
  },
  localEntries: [],
}

/** A town only seen to be placed: it evens the shards so that Hinoki lands on the second. */
const kaede: TenantPart = {
  ...sakura,
  tenant: { ...sakura.tenant, slug: 'kaede-town', name: { ja: 'かえで町', en: 'Kaede Town' } },
  localEntries: [],
}

/**
 * The fixture published through the ingest API, as the CMS does: each town is placed at this first
 * activation on the shard with the fewest towns, in manifest order — Sakura and Kaede on shard 1,
 * Minato and Hinoki on shard 2.
 */
export async function publishOnTwoShards(): Promise<void> {
  const snapshot = await prepareSnapshot({
    id: 'two-shards-0001',
    createdAt: '2026-11-20T00:00:00.000Z',
    parts: [fixtureNationalPart, sakura, minatoWithEveryChannel, kaede, hinoki],
  })
  const response = await publish(snapshot)
  if (!response.ok) throw new Error(`publish answered ${response.status} ${await response.text()}`)
}

/** What Minato's form needs beside the defaults: its notice's version. */
export const minatoFields = (overrides: Record<string, string> = {}) => ({
  language: 'ja',
  noticeVersion: 'v1',
  ...overrides,
})
