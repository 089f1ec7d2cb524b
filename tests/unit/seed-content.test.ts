import { describe, expect, it } from 'vitest'
import { sampleEditions, seededEditions } from '../../seed/content/editions'
import { generateSampleMessages } from '../../seed/content/generate'
import { languageContents } from '../../seed/content/languages'
import { plainReadings } from '../../seed/content/readings'
import { budgetedLength } from '../../seed/content/short-text'
import { loadSeedTenants } from '../../seed/tenants'
import { toTenantPart } from '../../seed/tenants/to-part'
import { type Inline, messageVersion, portableBody, tenantPart } from '../../shared/contract'
import { allSendSlots, standardProgram, validateWindow } from '../../shared/program'
import { measureSms } from '../../shared/sms'

const messages = generateSampleMessages()
const contentOf = (language: string) => languageContents.find((c) => c.language === language)!
const slots = allSendSlots(standardProgram)

function plain(inlines: Inline[]): string {
  return inlines
    .map((i) =>
      i.t === 'text'
        ? i.v
        : i.t === 'ph'
          ? `{{${i.name}}}`
          : i.t === 'ruby'
            ? `${i.base}（${i.reading}）`
            : plain(i.c),
    )
    .join('')
}
function bodyText(body: (typeof messages)[number]['body']): string {
  return body.blocks.map((b) => (b.t === 'ul' ? b.items.map(plain).join('\n') : plain(b.c))).join('\n')
}

describe('sample messages', () => {
  it('cover every send slot × every language and audience with its own wording, exactly once', () => {
    expect(slots).toHaveLength(542)
    expect(sampleEditions.map((e) => `${e.language} ${e.audience}`)).toEqual([
      ...['ja', 'ja-x-easy', 'en'].flatMap((language) =>
        ['primary', 'partner', 'family'].map((audience) => `${language} ${audience}`),
      ),
      'zh-Hans primary',
      'vi primary',
      'ko primary',
      'pt-BR primary',
      'id primary',
      'tl primary',
      'ne primary',
      'my primary',
    ])
    expect(messages).toHaveLength(slots.length * sampleEditions.length)
    const keys = messages.map((m) => `${m.slot} ${m.audience} ${m.language}`)
    const expected = slots.flatMap((s) => sampleEditions.map((e) => `${s} ${e.audience} ${e.language}`))
    expect(new Set(keys).size).toBe(keys.length)
    expect([...keys].sort()).toEqual([...expected].sort())
  })

  it('have bodies in the portable form and fit the contract message shape', () => {
    for (const m of messages) {
      expect(portableBody.safeParse(m.body).success, m.slot).toBe(true)
      const version = {
        ...m,
        id: `sample:${m.slot}:${m.audience}:${m.language}`,
        version: 1,
        supervisors: ['—'],
      }
      const parsed = messageVersion.safeParse(version)
      expect(parsed.error?.issues ?? [], `${m.slot} ${m.audience} ${m.language}`).toEqual([])
    }
  })

  it('keep subjects neutral', () => {
    const revealing = ['妊娠', '赤ちゃん', '流産', '死産', '出産', 'baby', 'pregnan']
    for (const m of messages) {
      for (const word of revealing) expect(m.subject.toLowerCase()).not.toContain(word)
    }
  })

  it('never congratulate or talk about development after a loss', () => {
    const loss = messages.filter((m) => m.slot.startsWith('loss/'))
    expect(loss).toHaveLength(6 * sampleEditions.length)
    for (const m of loss) {
      const text = `${m.subject}\n${bodyText(m.body)}\n${m.shortText}`.toLowerCase()
      for (const word of ['おめでとう', '成長', '発達', 'congratulations', 'development']) {
        expect(text, m.slot).not.toContain(word)
      }
    }
  })

  it('give consecutive pregnancy days different bodies', () => {
    for (const { audience, language } of sampleEditions) {
      const days = messages.filter(
        (m) => m.slot.startsWith('pregnancy/') && m.audience === audience && m.language === language,
      )
      for (let i = 1; i < days.length; i++) {
        expect(JSON.stringify(days[i]!.body)).not.toBe(JSON.stringify(days[i - 1]!.body))
      }
    }
  })

  it('give every slot of an edition its own body', () => {
    for (const { audience, language } of sampleEditions) {
      const bodies = messages
        .filter((m) => m.audience === audience && m.language === language)
        .map((m) => JSON.stringify(m.body))
      expect(new Set(bodies).size).toBe(bodies.length)
    }
  })

  it('mark every message as sample content, in metadata and visibly first', () => {
    for (const m of messages) {
      expect(m.sample).toBe(true)
      expect(m.topicTags).toContain('sample')
      const first = m.body.blocks[0]!
      expect(first.t === 'ul' ? '' : plain(first.c)).toBe(plainReadings(contentOf(m.language).sampleMarking))
      expect(m.shortText.startsWith(contentOf(m.language).shortMarking), m.shortText).toBe(true)
    }
  })

  it('keep short texts within one SMS with the placeholder budget', () => {
    for (const m of messages) {
      expect(budgetedLength(m.shortText), `${m.slot}: ${m.shortText}`).toBeLessThanOrEqual(
        contentOf(m.language).shortTextLimit,
      )
    }
  })

  it('fit each SMS, the page link included, in one segment of its encoding (English: two, as before)', () => {
    const link = `\n${'x'.repeat(19)}`
    const seen = new Set<string>()
    for (const m of messages) {
      if (seen.has(`${m.language} ${m.shortText}`)) continue
      seen.add(`${m.language} ${m.shortText}`)
      const expanded = m.shortText.replace(/\{\{[a-zA-Z]+\}\}/g, (ph) => 'あ'.repeat(budgetedLength(ph)))
      const sms = measureSms(`${expanded}${link}`)
      expect(sms.fits, m.shortText).toBe(true)
      expect(sms.segments, m.shortText).toBeLessThanOrEqual(m.language === 'en' ? 2 : 1)
    }
  })

  it('seed the CMS with primary and partner in Japanese and primary in English: 1,626 messages', () => {
    const seeded = generateSampleMessages(undefined, seededEditions)
    expect(seeded).toHaveLength(1626)
    expect(new Set(seeded.map((m) => `${m.audience} ${m.language}`))).toEqual(
      new Set(['primary ja', 'partner ja', 'primary en']),
    )
  })

  it('never address a partner or family member as the pregnant person or the parent', () => {
    const primaryGreeting = new Map(
      messages
        .filter((m) => m.audience === 'primary' && !m.slot.startsWith('loss/'))
        .map((m) => [`${m.slot} ${m.language}`, JSON.stringify(m.body.blocks[1])]),
    )
    for (const m of messages.filter((m) => m.audience !== 'primary' && !m.slot.startsWith('loss/'))) {
      const where = `${m.slot} ${m.audience} ${m.language}`
      if (m.slot.startsWith('pregnancy/') || m.audience === 'family') {
        expect(JSON.stringify(m.body.blocks[1]), where).not.toBe(
          primaryGreeting.get(`${m.slot} ${m.language}`),
        )
      }
      const text = bodyText(m.body)
      for (const words of [
        'Today you are',
        'Your body',
        'Your baby this week',
        'からだのこと\n',
        '今週のヒント',
      ]) {
        expect(text, where).not.toMatch(new RegExp(words))
      }
    }
    const family = messages.filter((m) => m.audience === 'family')
    for (const m of family.filter((m) => m.language !== 'en')) {
      const text = bodyText(m.body)
      expect(text, m.slot).not.toMatch(/こんにちは。今日(?:（きょう）)?で/)
      expect(text, m.slot).not.toMatch(/お子(?:（こ）)?さんは今日|今日(?:（きょう）)?はお子(?:（こ）)?さん/)
    }
    for (const m of family.filter((m) => m.language === 'en')) {
      expect(bodyText(m.body), m.slot).not.toMatch(/your child’s|Your child is|Today you are/)
    }
  })

  it('speak to the partner in partner messages', () => {
    const partner = messages.filter(
      (m) => m.audience === 'partner' && m.language === 'ja' && m.slot.startsWith('pregnancy/'),
    )
    expect(partner.every((m) => bodyText(m.body).includes('パートナーは今日で'))).toBe(true)
    const tipDay = partner.find((m) => m.slot === 'pregnancy/30')!
    expect(bodyText(tipDay.body)).toContain('今週あなたにできること')
  })
})

describe('seed municipalities', () => {
  const tenants = loadSeedTenants()

  it('are a town, a city and a ward with different send times and channels', () => {
    expect(tenants.map((t) => t.birthsPerYear)).toEqual([90, 1500, 4000])
    expect(new Set(tenants.map((t) => t.settings.sendTime)).size).toBe(3)
    const channels = tenants.map((t) => Object.keys(t.settings.channels).sort().join('+'))
    expect(new Set(channels).size).toBe(3)
    expect(new Set(tenants.map((t) => t.settings.desk.phone)).size).toBe(3)
    for (const t of tenants) expect(t.settings.timeZone).toBe('Asia/Tokyo')
  })

  it('have 15–30 entries covering the program’s local support', () => {
    const required = [
      'pregnancy-notification-interview',
      'prenatal-checkup-vouchers',
      'interview-month-8',
      'support-benefit-pregnancy',
      'support-benefit-birth',
      'postpartum-care',
      'newborn-home-visit',
      'checkup-1-month',
      'checkup-3-4-months',
      'checkup-6-7-months',
      'checkup-9-10-months',
      'checkup-1y6m',
      'checkup-3y',
      'vaccinations',
      'support-center',
      'temporary-childcare',
      'pregnancy-sos',
      'line-consultation',
      'assigned-nurse',
    ]
    for (const t of tenants) {
      expect(t.entries.length).toBeGreaterThanOrEqual(15)
      expect(t.entries.length).toBeLessThanOrEqual(30)
      const keys = t.entries.map((e) => e.key)
      for (const key of required) expect(keys, `${t.settings.slug} lacks ${key}`).toContain(key)
    }
  })

  it('use only example domains for urls and addresses', () => {
    for (const t of tenants) {
      const json = JSON.stringify(t)
      for (const url of json.match(/https:\/\/[^"\s]+/g) ?? [])
        expect(new URL(url).hostname).toMatch(/example\.jp$/)
      for (const mail of json.match(/[\w.+-]+@[\w.-]+/g) ?? []) expect(mail).toMatch(/example\.jp$/)
      for (const e of t.entries) expect(e.phone).toMatch(/^000-\d{4}-\d{4}$/)
    }
  })

  it('have entry windows inside the standard program', () => {
    for (const t of tenants) {
      for (const e of t.entries) {
        const check = validateWindow(standardProgram, e.window)
        expect(check.ok, `${t.settings.slug} ${e.key}: ${check.ok ? '' : check.message.en}`).toBe(true)
      }
    }
  })

  it('become valid contract tenant parts with every entry', () => {
    for (const t of tenants) {
      const part = toTenantPart(t)
      const parsed = tenantPart.safeParse(part)
      expect(parsed.success, JSON.stringify(parsed.error?.issues[0])).toBe(true)
      expect(part.localEntries).toHaveLength(t.entries.length)
    }
  })
})

describe('table rows per slot', () => {
  const tag = (slot: string) => messages.find((m) => m.slot === slot)!.topicTags
  it('puts birthdays in their own month', () => {
    expect(tag('age1/0')).toContain('month-12')
    expect(tag('age1/0')).toContain('era:toddler')
    expect(tag('age2/0')).toContain('month-24')
    expect(tag('age2/26')).toContain('month-35')
    expect(tag('infant/364')).toContain('month-11')
    expect(tag('pregnancy/293')).toContain('week-41')
  })
})
