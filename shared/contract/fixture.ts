import type { PortableBody } from './body'
import type { NationalPart } from './national'
import { type PreparedSnapshot, prepareSnapshot } from './snapshot'
import { workspaceRetentionDefaults } from './tenant'
import type { TenantPart } from './tenant-part'
import { contractVersion } from './version'

// A small valid snapshot for tests: three messages, one national survey, two tenants.

const paragraph = (...text: string[]): PortableBody => ({
  v: 1,
  blocks: text.map((v) => ({ t: 'p', c: [{ t: 'text', v }] })),
})

export const fixtureNationalPart: NationalPart = {
  kind: 'national',
  contractVersion,
  messages: [
    {
      id: 'msg-pregnancy-196-primary-ja',
      version: 3,
      slot: 'pregnancy/196',
      audience: 'primary',
      language: 'ja',
      subject: '今日のお便り',
      body: {
        v: 1,
        blocks: [
          {
            t: 'p',
            c: [
              { t: 'ph', name: 'nickname' },
              { t: 'text', v: 'さん、今日で' },
              { t: 'ph', name: 'pregnancyWeekLabel' },
              { t: 'text', v: 'です。' },
            ],
          },
          { t: 'p', c: [{ t: 'text', v: '8か月の面談の予約はお済みですか。' }] },
          {
            t: 'p',
            c: [
              { t: 'text', v: '気になることは' },
              { t: 'link', href: '{{consultUrl}}', c: [{ t: 'text', v: '相談窓口' }] },
              { t: 'text', v: 'へどうぞ。' },
            ],
          },
        ],
      },
      shortText: '{{nickname}}さん、{{pregnancyWeekLabel}}です。8か月面談の予約を。{{messageUrl}}',
      topics: ['面談', '体調'],
      supervisors: ['山田 花子（助産師）'],
      sample: true,
    },
    {
      id: 'msg-pregnancy-196-partner-ja',
      version: 1,
      slot: 'pregnancy/196',
      audience: 'partner',
      language: 'ja',
      subject: '今日のお便り',
      body: paragraph('パートナーの体調の変化に気づいたら、声をかけてみましょう。'),
      shortText: '{{nickname}}さん、今日はパートナーに声をかけてみましょう。{{messageUrl}}',
      topics: ['パートナー'],
      supervisors: ['山田 花子（助産師）'],
      sample: true,
    },
    {
      id: 'msg-newborn-30-primary-en',
      version: 2,
      slot: 'newborn/30',
      audience: 'primary',
      language: 'en',
      subject: "Today's letter",
      body: paragraph('One month already. The one-month checkup is a good time to ask anything.'),
      shortText: '{{nickname}}, one month today. {{messageUrl}}',
      topics: ['checkup'],
      supervisors: ['Dr. Sato Ken'],
      sample: true,
    },
  ],
  surveys: [
    {
      id: 'survey-mood-8m',
      version: 1,
      language: 'ja',
      title: '8か月ごろの気持ちについて',
      window: { unit: 'pregnancy-month', from: 8, to: 8 },
      audiences: ['primary'],
      questions: [
        {
          id: 'mood',
          kind: 'single',
          label: '最近の気持ちに近いものは？',
          required: true,
          options: [
            { value: 'good', label: '落ち着いている', requestsInterview: false },
            { value: 'worried', label: '不安がある', requestsInterview: false },
            { value: 'talk', label: '保健師と話したい', requestsInterview: true },
          ],
        },
      ],
      maxReminders: 1,
      remindAfterDays: 7,
    },
  ],
  tasks: [],
}

export const fixtureTenantParts: TenantPart[] = [
  {
    kind: 'tenant',
    contractVersion,
    tenant: {
      slug: 'sakura-city',
      name: { ja: 'さくら市', en: 'Sakura City' },
      prefecture: '東京都',
      timeZone: 'Asia/Tokyo',
      sendTime: '09:00',
      channels: {
        email: { senderName: 'さくら市 子育て応援便', fromAddress: 'yorisoi@sakura.example.jp' },
        sms: { senderName: 'SakuraCity' },
      },
      desk: {
        name: 'さくら市 子育て世代包括支援センター',
        email: 'kosodate@sakura.example.jp',
        phone: '03-1234-5678',
        hours: '平日 8:30〜17:15',
      },
      postalAddress: '〒100-0000 東京都さくら市本町1-1 さくら市役所',
      privacyNotice: { url: 'https://sakura.example.jp/yorisoi/privacy', version: '2026-04' },
      languages: { offered: ['ja', 'en'], fallback: ['ja'] },
      program: { kind: 'standard' },
      branding: { accentColor: '#d35f8d' },
      retentionDays: 90,
      missedDay: 'skip',
      entriesPerMessage: 3,
      workspace: { retention: workspaceRetentionDefaults },
    },
    localEntries: [
      {
        id: 'sakura-checkup-8m',
        version: 1,
        kind: 'checkup',
        language: 'ja',
        audiences: ['primary', 'partner'],
        window: { unit: 'pregnancy-week', from: 28, to: 31 },
        title: '妊娠8か月面談のご案内',
        body: paragraph('保健センターで面談を受けられます。予約は電話で。'),
        url: 'https://sakura.example.jp/kosodate/mensetsu',
        validFrom: '2026-04-01',
        validUntil: '2027-03-31',
        priority: 'normal',
        translations: [],
      },
    ],
    surveys: [],
    announcements: [],
    tasks: [],
  },
  {
    kind: 'tenant',
    contractVersion,
    tenant: {
      slug: 'minato-town',
      name: { ja: 'みなと町', en: 'Minato Town' },
      prefecture: '北海道',
      timeZone: 'Asia/Tokyo',
      sendTime: '07:30',
      channels: { line: { accountName: 'みなと町 子育て', basicId: '@minato-kosodate' } },
      desk: {
        name: 'みなと町 保健福祉課',
        email: 'hoken@minato.example.jp',
        phone: '0123-45-6789',
        hours: '平日 9:00〜17:00',
      },
      postalAddress: '〒000-0000 北海道みなと町港町1-1 みなと町役場',
      privacyNotice: { url: 'https://minato.example.jp/privacy', version: 'v1' },
      languages: { offered: ['ja'], fallback: ['ja'] },
      program: { kind: 'standard' },
      branding: { accentColor: '#2f7f9f' },
      retentionDays: 90,
      missedDay: 'skip',
      entriesPerMessage: 3,
      workspace: { retention: workspaceRetentionDefaults },
    },
    localEntries: [],
    surveys: [],
    announcements: [],
    tasks: [],
  },
]

export const fixtureManifestId = 'fixture-0001'
export const fixtureCreatedAt = '2026-11-20T00:00:00.000Z'

/** The fixture parts, hashed and named in a manifest. */
export function fixtureSnapshot(): Promise<PreparedSnapshot> {
  return prepareSnapshot({
    id: fixtureManifestId,
    createdAt: fixtureCreatedAt,
    parts: [fixtureNationalPart, ...fixtureTenantParts],
  })
}
