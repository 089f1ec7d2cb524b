import { describe, expect, it } from 'vitest'
import {
  aggregatesReport,
  manifest,
  nationalPart,
  parseContract,
  partChunkRequest,
  tenantPart,
} from '../../shared/contract'
import { fixtureNationalPart, fixtureSnapshot, fixtureTenantParts } from '../../shared/contract/fixture'
import { standardProgram } from '../../shared/program'

function rejection(result: ReturnType<typeof parseContract>) {
  if (result.ok) throw new Error('expected the value to be rejected')
  return result
}

const national = () => structuredClone(fixtureNationalPart)
const sakura = () => structuredClone(fixtureTenantParts[0]!)

describe('bad shapes are rejected with a readable message, Japanese first', () => {
  it('a manifest without exactly one national part', async () => {
    const { manifest: good } = await fixtureSnapshot()
    const bad = { ...good, parts: good.parts.filter((p) => p.kind === 'tenant') }
    const { issues } = rejection(parseContract(manifest, bad))
    expect(issues).toEqual([
      {
        path: 'parts',
        message:
          '全国パートはちょうど1つ必要です（0個あります） / Exactly one national part is required (found 0)',
      },
    ])
  })

  it('a part written for another contract version', () => {
    const { issues } = rejection(parseContract(nationalPart, { ...national(), contractVersion: 2 }))
    expect(issues[0]).toMatchObject({
      path: 'contractVersion',
      message: expect.stringMatching(/^契約バージョンが違います.* \/ Unsupported contract version/),
    })
  })

  it('wrong types, in zod’s words in both languages', () => {
    const part = national()
    ;(part.messages[0] as { version: unknown }).version = '3'
    const { issues, message } = rejection(parseContract(nationalPart, part))
    expect(issues[0]!.path).toBe('messages.0.version')
    expect(issues[0]!.message).toMatch(/^無効な入力.* \/ Invalid input: expected number, received string$/)
    expect(message).toContain('messages[0].version')
  })

  it('a subject that would reveal a pregnancy in an inbox', () => {
    const part = national()
    part.messages[0]!.subject = '妊娠28週のあなたへ'
    const { issues } = rejection(parseContract(nationalPart, part))
    expect(issues).toEqual([
      {
        path: 'messages.0.subject',
        message: expect.stringContaining('件名に「妊娠」は使えません'),
      },
    ])
  })

  it('a short text with an unknown placeholder', () => {
    const part = national()
    part.messages[1]!.shortText = '{{name}}さん、こんにちは'
    const { issues } = rejection(parseContract(nationalPart, part))
    expect(issues[0]).toEqual({
      path: 'messages.1.shortText',
      message: '不明な差し込み項目 {{name}} があります / Unknown placeholder {{name}}',
    })
  })

  it('two messages for the same slot, audience and language', () => {
    const part = national()
    part.messages.push({ ...part.messages[0]!, id: 'copy' })
    const { issues } = rejection(parseContract(nationalPart, part))
    expect(issues[0]!.message).toContain('pregnancy/196 primary ja のメッセージが2つあります')
  })

  it('tenant settings: send time, slug, fallback language, channels', () => {
    const part = sakura()
    part.tenant.sendTime = '9:00'
    part.tenant.slug = 'Sakura City'
    part.tenant.languages.fallback = ['vi']
    part.tenant.channels = {}
    const { issues } = rejection(parseContract(tenantPart, part))
    expect(issues.map((i) => i.path).sort()).toEqual([
      'tenant.channels',
      'tenant.languages.fallback.0',
      'tenant.sendTime',
      'tenant.slug',
    ])
    expect(issues.find((i) => i.path === 'tenant.sendTime')!.message).toBe(
      '時刻は HH:MM（24時間制）で書いてください / A time of day must be HH:MM (24 h)',
    )
  })

  it('an unknown time zone and a prefecture that does not exist', () => {
    const part = sakura()
    part.tenant.timeZone = 'Asia/Osaka'
    ;(part.tenant as { prefecture: string }).prefecture = '大阪県'
    const paths = rejection(parseContract(tenantPart, part)).issues.map((i) => i.path)
    expect(paths.sort()).toEqual(['tenant.prefecture', 'tenant.timeZone'])
  })

  it('a chunk whose index is not below its count', async () => {
    const { manifest: m } = await fixtureSnapshot()
    const chunk = {
      contractVersion: 1,
      part: m.parts[0],
      index: 2,
      count: 2,
      chunkHash: 'a'.repeat(64),
      data: '{',
    }
    expect(rejection(parseContract(partChunkRequest, chunk)).issues[0]!.path).toBe('index')
  })

  it('aggregates that give a slot for a confirmation', () => {
    const report = {
      contractVersion: 1,
      generatedAt: '2026-11-23T00:00:00Z',
      from: '2026-11-22',
      to: '2026-11-22',
      deliveries: [
        {
          date: '2026-11-22',
          tenant: 'sakura-city',
          kind: 'confirmation',
          slot: 'pregnancy/196',
          channel: 'email',
          outcome: 'sent',
          count: 3,
        },
      ],
      surveys: [],
    }
    expect(rejection(parseContract(aggregatesReport, report)).issues[0]!.path).toBe('deliveries.0.slot')
    report.deliveries[0]!.kind = 'program'
    expect(parseContract(aggregatesReport, report).ok).toBe(true)
  })

  it('flagged delivery counts: absent reads as none (an older edge), negative or unnamed refused, extra keys dropped', () => {
    const older = {
      contractVersion: 1,
      generatedAt: '2026-11-23T00:00:00Z',
      from: '2026-11-22',
      to: '2026-11-22',
      deliveries: [],
      surveys: [],
    }
    const read = parseContract(aggregatesReport, older)
    expect(read.ok && read.value.flaggedDeliveries).toEqual([])
    const row = { date: '2026-11-22', tenant: 'sakura-city', open: 2, resolved: 1, deadLetters: 0 }
    const newer = parseContract(aggregatesReport, {
      ...older,
      flaggedDeliveries: [{ ...row, address: '+819012345678' }],
    })
    // A field the contract does not name never reaches the CMS, whatever an edge puts in.
    expect(newer.ok && newer.value.flaggedDeliveries).toEqual([row])
    const negative = parseContract(aggregatesReport, { ...older, flaggedDeliveries: [{ ...row, open: -1 }] })
    expect(rejection(negative).issues[0]!.path).toBe('flaggedDeliveries.0.open')
    const { tenant: _tenant, ...unnamed } = row
    const noTenant = parseContract(aggregatesReport, { ...older, flaggedDeliveries: [unnamed] })
    expect(rejection(noTenant).issues[0]!.path).toBe('flaggedDeliveries.0.tenant')
  })

  it('a reading (ruby) that is empty, too long, or hides markup; a plain one passes', () => {
    const withRuby = (base: string, reading: string) => {
      const part = national()
      part.messages[0]!.body = { v: 1, blocks: [{ t: 'p', c: [{ t: 'ruby', base, reading }] }] }
      return parseContract(nationalPart, part)
    }
    expect(withRuby('妊娠', 'にんしん').ok).toBe(true)
    const message = (base: string, reading: string) => rejection(withRuby(base, reading)).issues[0]!
    expect(message('妊娠', '')).toEqual({
      path: 'messages.0.body.blocks.0.c.0.reading',
      message: 'ルビの読みが空です / A ruby reading is empty',
    })
    expect(message('', 'にんしん').message).toBe('ルビの漢字が空です / A ruby base is empty')
    expect(message('妊'.repeat(21), 'にん').message).toBe(
      'ルビの漢字は20文字までです / A ruby base can be at most 20 characters',
    )
    expect(message('妊娠', '{{nickname}}').message).toBe(
      'ルビの読みに { } | や改行は使えません / A ruby reading cannot contain { } | or a line break',
    )
    expect(message('妊\n娠', 'にんしん').path).toBe('messages.0.body.blocks.0.c.0.base')
  })

  it('a custom program the engine would refuse, and a window that ends before it starts', () => {
    const part = sakura()
    const child = standardProgram.child.map((phase) => ({ ...phase, name: 'same' }))
    part.tenant.program = { kind: 'custom', program: { ...standardProgram, child } }
    part.localEntries[0]!.window = { unit: 'child-month', from: 6, to: 3 }
    const { issues } = rejection(parseContract(tenantPart, part))
    expect(issues.map((i) => i.path).sort()).toEqual(['localEntries.0.window', 'tenant.program.program'])
    expect(issues.find((i) => i.path === 'localEntries.0.window')!.message).toBe(
      '開始は終了以前に / from must not be after to',
    )
  })
})
