import { describe, expect, it } from 'vitest'
import { composeParts } from '../../cms/publish/compose-manifest'
import { coverageGaps } from '../../cms/publish/coverage'
import { diffIndexes } from '../../cms/publish/diff'
import { type ApprovedVersionDoc, buildNationalPart } from '../../cms/publish/national-part'
import { buildTenantPart, type TenantDoc } from '../../cms/publish/tenant-part'
import { fixtureSnapshot, fixtureTenantParts } from '../../shared/contract/fixture'
import { allSendSlots, standardProgram } from '../../shared/program'

const lexical = (...children: unknown[]) => ({
  root: { type: 'root', children: [{ type: 'paragraph', children }] },
})
const text = (value: string) => ({ type: 'text', text: value, format: 0 })

function approved(overrides: Partial<ApprovedVersionDoc> = {}): ApprovedVersionDoc {
  return {
    message: 7,
    version: 2,
    slot: 'pregnancy/196',
    audience: 'primary',
    language: 'ja',
    subject: '今日のお便り',
    body: lexical(text('{{nickname}}さん、体調はいかがですか。')),
    shortText: '{{nickname}}さん、今日のお便りです。{{messageUrl}}',
    supervisingExperts: ['助産師 山田花子'],
    approverName: '医師 佐藤',
    ...overrides,
  }
}

const sakura: TenantDoc = {
  slug: 'sakura-city',
  name: 'さくら市',
  nameEn: 'Sakura City',
  prefecture: '東京都',
  postalAddress: '〒100-0000 東京都さくら市本町1-1 さくら市役所',
  timeZone: 'Asia/Tokyo',
  sendTime: '09:00',
  channels: ['email'],
  senderNames: { email: 'さくら市 子育て応援便' },
  senders: { fromAddress: 'yorisoi@sakura.example.jp' },
  desk: {
    name: '子育て世代包括支援センター',
    email: 'kosodate@sakura.example.jp',
    phone: '03-1234-5678',
    hours: '平日 8:30〜17:15',
  },
  privacyNotice: { url: 'https://sakura.example.jp/privacy', version: '2026-04' },
  languages: ['ja', 'en'],
  languageFallback: ['ja'],
  program: 'standard',
  branding: { color: '#d35f8d' },
}

describe('building the national part', () => {
  it('carries approved versions over in the portable form', () => {
    const { part, problems } = buildNationalPart([approved()])
    expect(problems).toEqual([])
    expect(part?.messages[0]).toMatchObject({
      id: 'message-7',
      version: 2,
      supervisors: ['助産師 山田花子'],
      body: {
        v: 1,
        blocks: [
          {
            t: 'p',
            c: [
              { t: 'ph', name: 'nickname' },
              { t: 'text', v: 'さん、体調はいかがですか。' },
            ],
          },
        ],
      },
    })
  })

  it('keeps sample content marked as sample, and reviewed content not', () => {
    const { part } = buildNationalPart([
      approved({ sample: true }),
      approved({ message: 8, slot: 'pregnancy/197' }),
    ])
    expect(part?.messages.map((m) => [m.id, m.sample])).toEqual([
      ['message-7', true],
      ['message-8', false],
    ])
  })

  it('refuses, naming the message, a short text too long for SMS once filled, a broken link and a revealing subject', () => {
    const { part, problems } = buildNationalPart([
      approved({ shortText: `${'あ'.repeat(601)}{{messageUrl}}` }),
      approved({
        slot: 'pregnancy/197',
        body: lexical({ type: 'link', fields: { url: 'https://exa mple' }, children: [text('案内')] }),
      }),
      approved({ slot: 'pregnancy/198', subject: '妊娠28週のお便り' }),
    ])
    expect(part).toBeNull()
    expect(problems.map((p) => p.where)).toEqual([
      'pregnancy/196 primary ja',
      'pregnancy/197 primary ja',
      'pregnancy/198 primary ja',
    ])
    expect(problems[0]!.message).toMatch(/^短文が差し込み後に最大661文字.+ \/ Once filled/)
    expect(problems[1]!.message).toMatch(/リンク https:\/\/exa mple の形が正しくありません/)
    expect(problems[2]!.message).toMatch(/件名に「妊娠」は使えません/)
  })
})

describe('readings written {漢字|かんじ} in the CMS', () => {
  it('go out as ruby in the body and as 漢字（かんじ） in the short text, counted that way', () => {
    const { part, problems } = buildNationalPart([
      approved({
        body: lexical(text('{妊娠|にんしん}8か月の{面談|めんだん}です。')),
        shortText: `{面談|めんだん}があります。${'あ'.repeat(40)}`,
      }),
    ])
    expect(problems).toEqual([])
    const message = part!.messages[0]!
    expect(message.body.blocks[0]).toEqual({
      t: 'p',
      c: [
        { t: 'ruby', base: '妊娠', reading: 'にんしん' },
        { t: 'text', v: '8か月の' },
        { t: 'ruby', base: '面談', reading: 'めんだん' },
        { t: 'text', v: 'です。' },
      ],
    })
    expect(message.shortText).toBe(`面談（めんだん）があります。${'あ'.repeat(40)}`)
    // {面談|めんだん} is 9 characters as typed and 8 as sent: the cap of 660 applies to what is sent.
    const atCap = buildNationalPart([approved({ shortText: `{面談|めんだん}${'あ'.repeat(652)}` })])
    expect(atCap.problems).toEqual([])
    const overCap = buildNationalPart([approved({ shortText: `{面談|めんだん}${'あ'.repeat(653)}` })])
    expect(overCap.problems[0]!.message).toMatch(/^短文が差し込み後に最大661文字/)
  })

  it('refuse an unfinished reading in the short text, in both languages', () => {
    const { problems } = buildNationalPart([approved({ shortText: '{面談|めんだん があります' })])
    expect(problems).toEqual([
      {
        where: 'pregnancy/196 primary ja',
        message: expect.stringMatching(
          /^ルビは \{漢字\|かんじ\} の形で書いてください.+ \/ Write a reading as/,
        ),
      },
    ])
  })
})

describe('building a tenant part', () => {
  it('turns tenant settings and published entries into the contract shape', () => {
    const { part, problems } = buildTenantPart(
      sakura,
      [
        {
          id: 3,
          title: '妊娠8か月面談のご案内',
          body: '保健センターで面談を受けられます。\n\n予約は電話で。',
          kind: 'checkup',
          language: 'ja',
          audiences: ['primary'],
          window: fixtureTenantParts[0]!.localEntries[0]!.window,
          url: 'https://sakura.example.jp/mensetsu',
          validFrom: '2026-04-01T00:00:00.000Z',
        },
      ],
      [],
      { standard: standardProgram },
    )
    expect(problems).toEqual([])
    expect(part?.tenant.channels.email?.fromAddress).toBe('yorisoi@sakura.example.jp')
    expect(part?.localEntries[0]).toMatchObject({
      id: 'local-3',
      validFrom: '2026-04-01',
      body: { blocks: [{}, {}] },
    })
  })

  it('carries the tenant’s retention days, 90 when staff left it empty, and refuses a negative one', () => {
    const build = (retentionDays: number | null) =>
      buildTenantPart({ ...sakura, retentionDays }, [], [], { standard: standardProgram })
    expect(build(30).part?.tenant.retentionDays).toBe(30)
    expect(build(null).part?.tenant.retentionDays).toBe(90)
    const refused = build(-1)
    expect(refused.part).toBeNull()
    expect(refused.problems.map((p) => p.where)).toContain('sakura-city tenant.retentionDays')
  })

  it('carries the tenant’s missed-day policy, skip when staff left it empty', () => {
    const build = (missedDay: 'skip' | 'send-once' | null) =>
      buildTenantPart({ ...sakura, missedDay }, [], [], { standard: standardProgram })
    expect(build('send-once').part?.tenant.missedDay).toBe('send-once')
    expect(build(null).part?.tenant.missedDay).toBe('skip')
  })

  it('carries the town’s SMS limits when it texts, and leaves them to the edge’s defaults when empty', () => {
    const build = (channels: string[], smsLimits: TenantDoc['smsLimits']) =>
      buildTenantPart(
        { ...sakura, channels, senderNames: { ...sakura.senderNames, sms: 'Sakura' }, smsLimits },
        [],
        [],
        { standard: standardProgram },
      ).part?.tenant.channels.sms
    expect(build(['email', 'sms'], { countries: ['JP', 'GB'], capPerHour: 20, capPerDay: 80 })).toEqual({
      senderName: 'Sakura',
      countries: ['JP', 'GB'],
      capPerHour: 20,
      capPerDay: 80,
    })
    expect(build(['email', 'sms'], { countries: [], capPerHour: null, capPerDay: null })).toEqual({
      senderName: 'Sakura',
    })
    expect(build(['email'], { capPerHour: 20 })).toBeUndefined()
  })

  it('names the settings staff must fill in before publishing', () => {
    const { part, problems } = buildTenantPart(
      { ...sakura, senders: {}, desk: { ...sakura.desk, hours: null } },
      [],
      [],
      {
        standard: standardProgram,
      },
    )
    expect(part).toBeNull()
    expect(problems.map((p) => p.where).sort()).toEqual([
      'sakura-city tenant.channels.email.fromAddress',
      'sakura-city tenant.desk.hours',
    ])
  })
})

describe('coverage, diff and the next manifest', () => {
  it('shows the program slots a language cannot serve, counting fallbacks', async () => {
    const national = (await import('../../shared/contract/fixture')).fixtureNationalPart
    const tenant = fixtureTenantParts[0]!.tenant
    const gaps = coverageGaps(national, tenant)
    expect(gaps.map((g) => g.language)).toEqual(['ja', 'en'])
    const written = national.messages.filter((m) => m.audience === 'primary' && m.language === 'ja').length
    expect(gaps[0]!.missing).toHaveLength(allSendSlots(standardProgram).length - written)
    expect(gaps[0]!.missing).not.toContain('pregnancy/196')
  })

  it('lists added, changed and removed items against what is active', () => {
    const diff = diffIndexes(
      { messages: { 'a primary ja': 'm1@1', 'b primary ja': 'm2@1' }, tenants: { sakura: 'h1' } },
      {
        messages: { 'a primary ja': 'm1@2', 'c primary ja': 'm3@1' },
        tenants: { sakura: 'h1', minato: 'h2' },
      },
    )
    expect(diff).toEqual({
      added: ['message c primary ja', 'tenant minato'],
      changed: ['message a primary ja'],
      removed: ['message b primary ja'],
    })
  })

  it('publishing one tenant keeps every other live part as it is', async () => {
    const { manifest } = await fixtureSnapshot()
    const mine = { kind: 'tenant' as const, tenant: 'sakura-city', hash: 'a'.repeat(64), size: 10 }
    const parts = composeParts(manifest, [mine])
    expect(parts).toEqual(
      manifest.parts.map((p) => (p.kind === 'tenant' && p.tenant === 'sakura-city' ? mine : p)),
    )
    expect(composeParts(null, [mine])).toMatch(/^全国のメッセージがまだ公開されていません/)
  })
})
