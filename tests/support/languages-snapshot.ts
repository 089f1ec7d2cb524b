// A snapshot where sakura-city offers one language of each script, with today's message (28w0d,
// pregnancy/196, the slot a resident due in 84 days gets) in each: the sample content's own text.

import { generateSampleMessages } from '../../seed/content/generate'
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'
import type { NationalPart } from '../../shared/contract/national'
import { type PreparedSnapshot, prepareSnapshot } from '../../shared/contract/snapshot'

export const offeredLanguages = ['ja', 'ja-x-easy', 'en', 'zh-Hans', 'vi', 'ne', 'my']

export function languagesSnapshot(): Promise<PreparedSnapshot> {
  const messages = generateSampleMessages(
    ['pregnancy/196'],
    offeredLanguages.filter((tag) => tag !== 'ja').map((language) => ({ audience: 'primary', language })),
  ).map((m) => ({
    id: `msg-pregnancy-196-primary-${m.language}`,
    version: 1,
    slot: m.slot,
    audience: m.audience,
    language: m.language,
    subject: m.subject,
    body: m.body,
    shortText: m.shortText,
    topics: m.topicTags,
    supervisors: ['山田 花子（助産師）'],
    sample: true as const,
  }))
  const national: NationalPart = {
    ...fixtureNationalPart,
    messages: [...fixtureNationalPart.messages, ...messages],
  }
  const [sakura, ...others] = fixtureTenantParts
  return prepareSnapshot({
    id: 'languages-0001',
    createdAt: '2026-11-21T00:00:00.000Z',
    parts: [
      national,
      {
        ...sakura!,
        tenant: { ...sakura!.tenant, languages: { offered: offeredLanguages, fallback: ['ja'] } },
      },
      ...others,
    ],
  })
}
