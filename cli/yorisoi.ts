import { parseArgs } from 'node:util'
import {
  type Bilingual,
  BilingualError,
  bilingualLine,
  type CivilDate,
  checkCivilDate,
} from '../shared/calendar'
import { type ScheduledSend, scheduleBetween, type TimelineFacts, timelineProblem } from '../shared/program'
import { coverage } from './coverage'
import { createAdmin } from './create-admin'
import { flagged } from './flagged'
import { linkSecret } from './link-secret'
import { report } from './report'
import { shard } from './shard'
import { tenantSecret } from './tenant-secret'

// yorisoi schedule [--due D] [--born D [--born-reported D]] [--loss D [--loss-reported D]] --from D --to D [--json]

const USAGE =
  'yorisoi schedule [--due D] [--born D [--born-reported D]] [--loss D [--loss-reported D]] --from D --to D [--json]'
const DATE_FLAGS = ['due', 'born', 'born-reported', 'loss', 'loss-reported', 'from', 'to'] as const
type DateFlag = (typeof DATE_FLAGS)[number]

class InputError extends Error {
  constructor(readonly text: Bilingual) {
    super(bilingualLine(text))
  }
}

function main(argv: string[]): void {
  const { positionals, values } = parse(argv)
  if (positionals.length !== 1 || positionals[0] !== 'schedule') {
    throw new InputError({ ja: `使い方: ${USAGE}`, en: `usage: ${USAGE}` })
  }
  const dates = readDates(values)
  const from = required(dates, 'from')
  const to = required(dates, 'to')
  if (to < from) {
    throw new InputError({
      ja: `--to ${to} が --from ${from} より前です`,
      en: `--to ${to} is before --from ${from}`,
    })
  }
  requireWith(dates, 'born-reported', 'born')
  requireWith(dates, 'loss-reported', 'loss')
  const timeline: TimelineFacts = { from }
  if (dates.due) timeline.due = dates.due
  if (dates.born) timeline.birth = { date: dates.born, reportedOn: dates['born-reported'] ?? dates.born }
  if (dates.loss) timeline.loss = { date: dates.loss, reportedOn: dates['loss-reported'] ?? dates.loss }
  const problem = timelineProblem(timeline)
  if (problem) throw new InputError(problem)
  const sends = scheduleBetween(timeline, from, to)
  process.stdout.write(values.json ? `${JSON.stringify(sends, null, 2)}\n` : table(sends))
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ...Object.fromEntries(DATE_FLAGS.map((flag) => [flag, { type: 'string' as const }])),
        json: { type: 'boolean' },
      } as Record<DateFlag, { type: 'string' }> & { json: { type: 'boolean' } },
    })
  } catch (error) {
    throw new InputError(argumentProblem(error))
  }
}

function argumentProblem(error: unknown): Bilingual {
  const code = (error as { code?: string }).code
  const flag = String((error as Error).message).match(/'(--?[\w-]+)/)?.[1] ?? ''
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return { ja: `不明なオプション ${flag} です（使い方: ${USAGE}）`, en: `unknown option ${flag}` }
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /does not take an argument/.test(String(error))) {
    return { ja: `${flag} に値は付けません`, en: `${flag} takes no value` }
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return { ja: `${flag} の値を指定してください`, en: `${flag} needs a value` }
  }
  return {
    ja: `引数が正しくありません（使い方: ${USAGE}）`,
    en: `bad arguments: ${(error as Error).message.split('\n')[0]}`,
  }
}

function readDates(values: Partial<Record<string, string | boolean>>): Partial<Record<DateFlag, CivilDate>> {
  const dates: Partial<Record<DateFlag, CivilDate>> = {}
  for (const flag of DATE_FLAGS) {
    const value = values[flag]
    if (typeof value !== 'string') continue
    const check = checkCivilDate(value)
    if (!check.ok)
      throw new InputError({ ja: `--${flag}: ${check.message.ja}`, en: `--${flag}: ${check.message.en}` })
    dates[flag] = check.date
  }
  return dates
}

function required(dates: Partial<Record<DateFlag, CivilDate>>, flag: DateFlag): CivilDate {
  const date = dates[flag]
  if (!date) throw new InputError({ ja: `--${flag} を指定してください`, en: `--${flag} is required` })
  return date
}

function requireWith(dates: Partial<Record<DateFlag, CivilDate>>, flag: DateFlag, needed: DateFlag): void {
  if (dates[flag] && !dates[needed]) {
    throw new InputError({ ja: `--${flag} には --${needed} が必要です`, en: `--${flag} needs --${needed}` })
  }
}

function table(sends: ScheduledSend[]): string {
  if (sends.length === 0) return 'この期間に送信はありません / no sends in this period\n'
  const width = Math.max(...sends.map((s) => s.slot.length))
  const lines = sends.map((send) => {
    const age = send.pregnancyWeek
      ? `${send.pregnancyWeek}（${send.pregnancyMonth}）`
      : send.childDay
        ? `${send.childDay}（${send.childAge}）`
        : send.label
    const note = send.provisional ? '  ※出産予定日から仮に計算（誕生日をお知らせください）' : ''
    return `${send.date}  ${send.slot.padEnd(width)}  ${age}${note}`
  })
  return `${['日付        ', 'スロット'.padEnd(width - 2), '  時期'].join('')}\n${lines.join('\n')}\n${sends.length}件\n`
}

try {
  const argv = process.argv.slice(2)
  if (argv[0] === 'tenant-secret') await tenantSecret(argv.slice(1))
  else if (argv[0] === 'flagged') await flagged(argv.slice(1))
  else if (argv[0] === 'create-admin') await createAdmin(argv.slice(1))
  else if (argv[0] === 'shard') await shard(argv.slice(1))
  else if (argv[0] === 'link-secret') await linkSecret(argv.slice(1))
  else if (argv[0] === 'report') await report(argv.slice(1))
  else if (argv[0] === 'coverage') coverage(argv.slice(1))
  else main(argv)
} catch (error) {
  const known = error instanceof InputError || error instanceof BilingualError
  const line = known
    ? error.message.replace(/ \/ $/, '')
    : `予期しないエラー / unexpected error: ${String(error)}`
  process.stderr.write(`${line}\n`)
  process.exitCode = known ? 2 : 1
}
