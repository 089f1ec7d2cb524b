import { afterEach, describe, expect, it, vi } from 'vitest'
import { coverage } from '../../cli/coverage'
import { languageTags } from '../../shared/languages'
import { allSendSlots, audiences, standardProgram } from '../../shared/program'
import { runYorisoi } from '../support/run-yorisoi'

// `npx yorisoi coverage` as an editor or CI runs it, over the generated sample content; and, in
// this process, over the same content with one slot's partner and family texts taken away, where it must fail.

vi.mock('../../seed/content/generate', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../seed/content/generate')>()
  return {
    ...real,
    generateSampleMessages: () =>
      real.generateSampleMessages().filter((m) => !(m.slot === 'pregnancy/196' && m.audience !== 'primary')),
  }
})

const slots = allSendSlots(standardProgram).length
type Row = { language: string; audience: string; slots: number; own: number; fallback: number; none: number }

describe('yorisoi coverage', () => {
  afterEach(() => {
    process.exitCode = undefined
    vi.restoreAllMocks()
  })

  it('prints every language × audience as JSON, with no slot left with nothing', async () => {
    const run = await runYorisoi(['coverage', '--json'], '', {})
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const rows = JSON.parse(run.stdout) as Row[]
    expect(rows.map((r) => [r.language, r.audience])).toEqual(
      languageTags.flatMap((language) => audiences.map((audience) => [language, audience])),
    )
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['language', 'audience', 'slots', 'own', 'fallback', 'none'])
      expect(row).toMatchObject({ slots, none: 0 })
      expect(row.own + row.fallback).toBe(slots)
    }
    const at = (language: string, audience: string) =>
      rows.find((r) => r.language === language && r.audience === audience)!
    // Every language's own wording for the pregnant person or main caregiver, and for partner and
    // family in Japanese, やさしい日本語 and English.
    for (const language of languageTags) expect(at(language, 'primary').own, language).toBe(slots)
    for (const language of ['ja', 'ja-x-easy', 'en'])
      for (const audience of audiences)
        expect(at(language, audience).own, `${language} ${audience}`).toBe(slots)
  })

  it('narrows to one language and audience, as a table', async () => {
    const run = await runYorisoi(['coverage', '--language', 'vi', '--audience', 'partner'], '', {})
    expect(run.code).toBe(0)
    const lines = run.stdout.trim().split('\n')
    expect(lines[1]).toMatch(/language\s+audience\s+slots\s+own\s+fallback\s+none/)
    expect(lines.slice(2)).toEqual([expect.stringMatching(new RegExp(`^vi\\s+partner\\s+${slots}\\s+`))])
  })

  it('refuses an unknown language or audience on one line in Japanese and English', async () => {
    const language = await runYorisoi(['coverage', '--language', 'zh'], '', {})
    expect(language.code).toBe(2)
    expect(language.stdout).toBe('')
    expect(language.stderr).toBe(
      `不明な言語「zh」です（使える言語: ${languageTags.join(', ')}） / unknown language "zh" (known: ${languageTags.join(', ')})\n`,
    )
    const audience = await runYorisoi(['coverage', '--audience', 'grandparent'], '', {})
    expect(audience.code).toBe(2)
    expect(audience.stderr.trim().split('\n')).toHaveLength(1)
    expect(audience.stderr).toContain('不明な対象「grandparent」')
    expect(audience.stderr).toContain('unknown audience "grandparent" (known: primary, partner, family)')
  })

  it('counts a slot a partner or family member would read only in the primary’s wording as none, and fails', () => {
    const out: string[] = []
    const err: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0)
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0)
    coverage(['--language', 'en', '--json'])
    const rows = JSON.parse(out.join('')) as Row[]
    expect(rows.find((r) => r.audience === 'primary')).toMatchObject({ own: slots, none: 0 })
    for (const audience of ['partner', 'family']) {
      const row = rows.find((r) => r.audience === audience)!
      expect(row.none).toBe(1)
      expect(row.own + row.fallback).toBe(slots - 1)
    }
    expect(err.join('')).toBe(
      '2件のスロットに対象に合う文面がありません / 2 slots have no wording for their audience\n',
    )
    expect(process.exitCode).toBe(1)
  })
})
