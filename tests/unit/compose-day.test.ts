import { describe, expect, it } from 'vitest'
import { addDays } from '../../shared/calendar'
import {
  blocksToText,
  type Composition,
  composeDay,
  indexMessages,
  type MessageIndex,
  programOf,
  type Subscriber,
} from '../../shared/compose'
import type { MessageVersion, PortableBody, TenantPart } from '../../shared/contract'
import { fixtureNationalPart } from '../../shared/contract/fixture'
import { planDay, type TimelineFacts } from '../../shared/program'
import { fixtureIndex, links, sakura, sampleNational, sampleTenant } from './compose-support'

const date = '2026-11-23'
const pregnant: TimelineFacts = { from: '2026-06-01', due: addDays(date, 84) } // 妊娠28週0日 on `date`
const hana: Subscriber = { nickname: 'ハナ', audience: 'primary', language: 'ja' }

function attempt(
  subscriber: Subscriber,
  timelines: TimelineFacts[],
  on = date,
  index: MessageIndex = fixtureIndex,
  tenant: TenantPart = sakura,
) {
  const plan = planDay(timelines, on, programOf(tenant.tenant))
  if (!plan) throw new Error(`nothing planned on ${on}`)
  return composeDay({ tenant, index, subscriber, timelines, plan, date: on, links })
}

function compose(...args: Parameters<typeof attempt>): Composition {
  const outcome = attempt(...args)
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems))
  return outcome.value
}

const text = (composition: Composition) => composition.messages.map((m) => blocksToText(m.blocks)).join('\n')

function withMessage(message: Partial<MessageVersion> & { body: PortableBody }): MessageIndex {
  const base = fixtureNationalPart.messages[0]!
  return indexMessages({ ...fixtureNationalPart, messages: [{ ...base, ...message }] })
}

describe('composeDay', () => {
  it('writes the day’s message for the resident, with their nickname and week', () => {
    const composition = compose(hana, [pregnant])
    expect(composition.messages.map((m) => m.messageId)).toEqual(['msg-pregnancy-196-primary-ja'])
    expect(text(composition)).toContain('ハナさん、今日で妊娠28週0日です。')
    expect(text(composition)).toContain(`相談窓口 ${links.consultUrl}`)
    expect(composition.gaps).toEqual([])
  })

  it('writes to a partner in the partner’s words', () => {
    const composition = compose({ ...hana, nickname: 'タロウ', audience: 'partner' }, [pregnant])
    expect(composition.messages[0]!.messageId).toBe('msg-pregnancy-196-partner-ja')
    expect(text(composition)).toContain('パートナーの体調の変化に気づいたら')
  })

  it('sends the tenant’s fallback language when the resident’s is missing', () => {
    const composition = compose({ ...hana, language: 'en' }, [pregnant])
    expect(composition.messages[0]).toMatchObject({ language: 'ja', fallback: 'language' })
    expect(text(composition)).toContain('妊娠28週0日')
  })

  it('joins the tenant’s local entry for that week, and the consultation desk', () => {
    const composition = compose(hana, [pregnant])
    expect(composition.entries.map((e) => e.title)).toEqual(['妊娠8か月面談のご案内'])
    expect(composition.entriesHeading).toEqual({ text: 'さくら市からのお知らせ', lang: 'ja' })
    expect(composition.consultation).toMatchObject({ phone: '03-1234-5678', hours: '平日 8:30〜17:15' })
    expect(compose(hana, [pregnant], addDays(date, 28)).entries).toEqual([])
  })

  it('bundles two timelines into one delivery, in the timelines’ order', () => {
    const sibling: TimelineFacts = { from: '2025-01-01', birth: { date: '2025-11-23' } }
    const composition = compose(
      hana,
      [sibling, pregnant],
      date,
      indexMessages(sampleNational()),
      sampleTenant(),
    )
    expect(composition.messages.map((m) => [m.timeline, m.slot])).toEqual([
      [0, 'age1/0'],
      [1, 'pregnancy/196'],
    ])
    const all = text(composition)
    expect(all.indexOf('1歳の誕生日')).toBeLessThan(all.indexOf('妊娠28週0日'))
  })

  it('asks for the real birthday while the child track follows the due date', () => {
    const due = addDays(date, -30)
    const composition = compose(hana, [{ from: '2026-03-01', due }], date, indexMessages(sampleNational()))
    expect(composition.messages[0]!.slot).toBe('newborn/30')
    expect(composition.birthdayNote).toMatchObject({
      url: links.selfServiceUrl,
      linkText: { text: '誕生日を登録する', lang: 'ja' },
    })
    const born = compose(
      hana,
      [{ from: '2026-03-01', due, birth: { date: due } }],
      date,
      indexMessages(sampleNational()),
    )
    expect(born.birthdayNote).toBeNull()
  })

  it('reports a slot no message fills instead of sending nothing silently', () => {
    const composition = compose(hana, [pregnant], addDays(date, 1))
    expect(composition.messages).toEqual([])
    expect(composition.gaps).toEqual([
      {
        slot: 'pregnancy/197',
        timeline: 0,
        audience: 'primary',
        language: 'ja',
        tried: ['pregnancy/197|primary|ja'],
      },
    ])
  })

  it('keeps the sample marking visible, adding it where the sample does not say so', () => {
    const fixture = compose(hana, [pregnant])
    expect(blocksToText(fixture.messages[0]!.blocks)).toMatch(/^【サンプル】/)
    expect(fixture.messages[0]!.shortText).toMatch(/^【サンプル】/)
    expect(fixture.sample).toBe(true)
    const seeded = compose(hana, [pregnant], date, indexMessages(sampleNational()), sampleTenant())
    expect(text(seeded).match(/【サンプル】/g)).toHaveLength(1)
  })

  it('refuses an unknown placeholder rather than sending {{…}} to a resident', () => {
    const index = withMessage({
      body: { v: 1, blocks: [{ t: 'p', c: [{ t: 'text', v: '{{nickName}}さん' }] }] },
    })
    const outcome = attempt(hana, [pregnant], date, index)
    expect(outcome.ok).toBe(false)
    expect(!outcome.ok && outcome.problems[0]).toMatchObject({
      where: 'message msg-pregnancy-196-primary-ja v3',
      reason: 'unknown-placeholder',
    })
  })

  it('refuses a placeholder that cannot be filled that day (a child’s age in pregnancy)', () => {
    const index = withMessage({
      body: { v: 1, blocks: [{ t: 'p', c: [{ t: 'ph', name: 'childAgeLabel' }] }] },
    })
    const outcome = attempt(hana, [pregnant], date, index)
    expect(!outcome.ok && outcome.problems.map((p) => p.reason)).toEqual(['unfillable-placeholder'])
  })

  it('refuses a link a nickname could turn into script', () => {
    const body: PortableBody = {
      v: 1,
      blocks: [{ t: 'p', c: [{ t: 'link', href: '{{nickname}}', c: [{ t: 'text', v: 'ここ' }] }] }],
    }
    const outcome = attempt(
      { ...hana, nickname: 'javascript:alert(1)' },
      [pregnant],
      date,
      withMessage({ body }),
    )
    expect(!outcome.ok && outcome.problems.map((p) => p.reason)).toEqual(['unsafe-link'])
  })

  it('fills a nickname once: braces a resident typed are not filled again', () => {
    const composition = compose({ ...hana, nickname: '{{deskPhone}}' }, [pregnant])
    expect(text(composition)).toContain('{{deskPhone}}さん、今日で')
    expect(text(composition)).not.toContain('03-1234-5678さん')
  })

  it('keeps the subject neutral even when a nickname would reveal a pregnancy', () => {
    expect(compose(hana, [pregnant]).subject).toBe('今日のお便り')
    const index = withMessage({ subject: '{{nickname}}さんへ', body: fixtureNationalPart.messages[0]!.body })
    expect(compose({ ...hana, nickname: '赤ちゃん' }, [pregnant], date, index).subject).toBe(
      'さくら市からのお便り',
    )
  })
})
