import { generateSampleMessages } from '../seed/content/generate'
import { BilingualError } from '../shared/calendar'
import {
  type Coverage,
  type CoverageCount,
  coverageOf,
  type MessageIndex,
  messageKey,
  selectMessage,
} from '../shared/compose'
import type { MessageVersion } from '../shared/contract'
import { languageTags } from '../shared/languages'
import { type Audience, allSendSlots, audiences, standardProgram } from '../shared/program'
import { parseCommand } from './args'

// yorisoi coverage [--language TAG] [--audience A] [--json] — over the generated sample content,
// per language × audience: the send slots with their own wording, with an audience-right fallback
// (the edge's rule, shared/compose selectMessage) and with nothing right. Exits 1 when any slot
// has nothing: editors and CI see a gap before a partner is addressed as the pregnant person.

export const COVERAGE_USAGE = 'yorisoi coverage [--language TAG] [--audience A] [--json]'

const options = {
  language: { type: 'string' },
  audience: { type: 'string' },
  json: { type: 'boolean' },
} as const

/** The counts for every language × audience asked for; the national content, so no town fallback. */
export function coverageRows(
  index: MessageIndex,
  slots: readonly string[],
  languages: readonly string[],
  readers: readonly Audience[],
): CoverageCount[] {
  return languages.flatMap((language) =>
    readers.map((audience) => {
      const row: CoverageCount = { language, audience, slots: slots.length, own: 0, fallback: 0, none: 0 }
      for (const slot of slots) {
        const reach: Coverage = coverageOf(selectMessage(index, slot, audience, language, []))
        row[reach]++
      }
      return row
    }),
  )
}

function sampleIndex(): MessageIndex {
  // Selection reads only the keys and returns the entry; a sample message stands in for a version.
  return new Map(
    generateSampleMessages().map((m) => [
      messageKey(m.slot, m.audience, m.language),
      m as unknown as MessageVersion,
    ]),
  )
}

function pick<T extends string>(
  value: string | undefined,
  known: readonly T[],
  what: 'language' | 'audience',
) {
  if (value === undefined) return known
  if ((known as readonly string[]).includes(value)) return [value as T]
  const list = known.join(', ')
  throw new BilingualError(
    what === 'language'
      ? {
          ja: `不明な言語「${value}」です（使える言語: ${list}）`,
          en: `unknown language "${value}" (known: ${list})`,
        }
      : {
          ja: `不明な対象「${value}」です（使える対象: ${list}）`,
          en: `unknown audience "${value}" (known: ${list})`,
        },
  )
}

function table(rows: readonly CoverageCount[]): string {
  const cells = (values: readonly (string | number)[]) =>
    [
      String(values[0]).padEnd(10),
      String(values[1]).padEnd(8),
      ...values.slice(2).map((v) => String(v).padStart(8)),
    ].join(' ')
  const lines = rows.map((r) => cells([r.language, r.audience, r.slots, r.own, r.fallback, r.none]))
  return [
    '言語・対象ごとの送信スロット数: 自分の文面 / 対象に合う代替 / なし',
    cells(['language', 'audience', 'slots', 'own', 'fallback', 'none']),
    ...lines,
    '',
  ].join('\n')
}

export function coverage(argv: string[]): void {
  const { positionals, values } = parseCommand(argv, options, COVERAGE_USAGE)
  if (positionals.length > 0) {
    throw new BilingualError({
      ja: `引数が正しくありません（使い方: ${COVERAGE_USAGE}）`,
      en: `unexpected argument ${positionals[0]} (usage: ${COVERAGE_USAGE})`,
    })
  }
  const languages = pick(values.language, languageTags, 'language')
  const readers = pick(values.audience, audiences, 'audience')
  const rows = coverageRows(sampleIndex(), allSendSlots(standardProgram), languages, readers)
  process.stdout.write(values.json ? `${JSON.stringify(rows, null, 2)}\n` : table(rows))
  const gaps = rows.reduce((sum, r) => sum + r.none, 0)
  if (gaps > 0) {
    process.stderr.write(
      `${gaps}件のスロットに対象に合う文面がありません / ${gaps} slots have no wording for their audience\n`,
    )
    process.exitCode = 1
  }
}
