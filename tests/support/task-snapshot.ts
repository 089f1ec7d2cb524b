// A snapshot where さくら市 offers Vietnamese too and has one task for pregnancy month 8, tapped done
// by the resident and reminded the day after its first offer — so the next day's message carries
// the reminder unless the tap was recorded. A message every day from 28w0d to 28w3d.
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'
import { type PreparedSnapshot, prepareSnapshot } from '../../shared/contract/snapshot'
import type { Task } from '../../shared/contract/task'

export const benefitTask: Task = {
  id: 'sakura-benefit',
  version: 1,
  window: { unit: 'pregnancy-month', from: 8, to: 8 },
  audiences: ['primary'],
  doneBy: 'resident',
  remindAfterDays: [1, 7],
  url: 'https://sakura.example.jp/kosodate/kyufu',
  texts: [
    {
      language: 'ja',
      title: '妊婦のための支援給付の申請',
      line: '妊婦のための支援給付の申請はお済みですか。',
    },
    {
      language: 'en',
      title: 'Apply for the pregnancy benefit',
      line: 'Have you applied for the pregnancy benefit?',
    },
    {
      language: 'vi',
      title: 'Đăng ký trợ cấp hỗ trợ thai phụ',
      line: 'Bạn đã đăng ký trợ cấp hỗ trợ thai phụ chưa?',
    },
  ],
  supervisors: [],
  sample: false,
}

export function taskSnapshot(): Promise<PreparedSnapshot> {
  const model = fixtureNationalPart.messages.find((m) => m.id === 'msg-pregnancy-196-primary-ja')!
  const days = [197, 198, 199].map((day) => ({
    ...model,
    id: `msg-pregnancy-${day}-primary-ja`,
    slot: `pregnancy/${day}`,
  }))
  const [sakura, ...others] = fixtureTenantParts
  return prepareSnapshot({
    id: 'tasks-e2e-0001',
    createdAt: '2026-11-21T00:00:00.000Z',
    parts: [
      { ...fixtureNationalPart, messages: [...fixtureNationalPart.messages, ...days] },
      {
        ...sakura!,
        tenant: { ...sakura!.tenant, languages: { offered: ['ja', 'en', 'vi'], fallback: ['ja'] } },
        tasks: [benefitTask],
      },
      ...others,
    ],
  })
}
