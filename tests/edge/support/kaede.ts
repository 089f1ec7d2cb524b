import { env } from 'cloudflare:workers'
import { storeSnapshot } from '../../../edge/snapshot/store'
import type { TenantPart } from '../../../shared/contract'
import { fixtureNationalPart, fixtureTenantParts } from '../../../shared/contract/fixture'
import { prepareSnapshot } from '../../../shared/contract/snapshot'

/** A third town running yorisoi, with email, another time zone and send time, its own notice. */
export const kaede: TenantPart = {
  ...fixtureTenantParts[0]!,
  tenant: {
    ...fixtureTenantParts[0]!.tenant,
    slug: 'kaede-town',
    name: { ja: 'かえで町', en: 'Kaede Town' },
    timeZone: 'Pacific/Honolulu',
    sendTime: '06:15',
    privacyNotice: { url: 'https://kaede.example.jp/privacy', version: 'k-2026' },
    languages: { offered: ['ja'], fallback: ['ja'] },
  },
  localEntries: [],
}

/** The fixture's towns and Kaede, published under `id`. */
export async function storeWithKaede(id: string): Promise<void> {
  await storeSnapshot(
    env.DB,
    await prepareSnapshot({
      id,
      createdAt: '2026-11-21T00:00:00.000Z',
      parts: [fixtureNationalPart, ...fixtureTenantParts, kaede],
    }),
  )
}
