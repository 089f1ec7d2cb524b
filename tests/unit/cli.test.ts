import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// Spawns the real CLI the way `npx yorisoi` does: the bin script, on whatever Node runs the tests.
const root = fileURLToPath(new URL('../..', import.meta.url))

function yorisoi(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/yorisoi.mjs', ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr })
    })
  })
}

const rows = (stdout: string) => JSON.parse(stdout) as { date: string; slot: string; provisional: boolean }[]

// Each spawn compiles the CLI through tsx (about a second of CPU), so allow for a busy machine.
describe.concurrent('yorisoi schedule', { timeout: 60_000 }, () => {
  it('prints every send from registration to --to as JSON, sorted by date', async () => {
    const { code, stdout, stderr } = await yorisoi(
      'schedule --due 2027-03-01 --from 2026-11-23 --to 2026-12-31 --json'.split(' '),
    )
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const sends = rows(stdout)
    expect(sends).toHaveLength(39) // 8 days of November + 31 of December
    expect(sends[0]).toMatchObject({
      date: '2026-11-23',
      slot: 'pregnancy/182',
      pregnancyWeek: '妊娠26週0日',
    })
    expect(sends.at(-1)).toMatchObject({
      date: '2026-12-31',
      slot: 'pregnancy/220',
      pregnancyMonth: '妊娠8か月',
    })
    expect(sends.map((s) => s.date)).toEqual([...sends.map((s) => s.date)].sort())
  })

  it('switches to the provisional child track at 42w0d and re-anchors when the birth is reported', async () => {
    const { code, stdout } = await yorisoi(
      'schedule --due 2027-03-01 --born 2027-03-17 --born-reported 2027-03-18 --from 2027-03-13 --to 2027-03-19 --json'.split(
        ' ',
      ),
    )
    expect(code).toBe(0)
    expect(rows(stdout).map((s) => [s.date, s.slot, s.provisional])).toEqual([
      ['2027-03-13', 'pregnancy/292', false],
      ['2027-03-14', 'pregnancy/293', false],
      ['2027-03-15', 'newborn/14', true],
      ['2027-03-16', 'newborn/15', true],
      ['2027-03-17', 'newborn/16', true],
      ['2027-03-18', 'newborn/1', false],
      ['2027-03-19', 'newborn/2', false],
    ])
  })

  it('sends only the loss messages after a reported loss, then ends', async () => {
    const { code, stdout } = await yorisoi(
      'schedule --due 2027-03-01 --loss 2026-12-01 --loss-reported 2026-12-03 --from 2026-11-30 --to 2027-12-31 --json'.split(
        ' ',
      ),
    )
    expect(code).toBe(0)
    expect(rows(stdout).map((s) => `${s.date} ${s.slot}`)).toEqual([
      '2026-11-30 pregnancy/189',
      '2026-12-01 pregnancy/190',
      '2026-12-02 pregnancy/191',
      '2026-12-04 loss/1',
      '2026-12-06 loss/3',
      '2026-12-10 loss/7',
      '2026-12-17 loss/14',
      '2027-01-02 loss/30',
      '2027-02-01 loss/60',
    ])
  })

  it('prints a readable Japanese table without --json', async () => {
    const { code, stdout } = await yorisoi(
      'schedule --born 2028-02-29 --from 2029-02-20 --to 2029-03-10'.split(' '),
    )
    expect(code).toBe(0)
    expect(stdout).toContain('日付')
    expect(stdout).toMatch(/2029-02-28\s+age1\/0\s+生後365日（1歳0か月）/)
    expect(stdout).toContain('5件') // days 358, 361, 364 (103 + 3k), the birthday 28 Feb, and 7 March
  })

  it.each([
    ['an impossible date', '--due 2026-02-30 --from 2026-01-01 --to 2026-02-01', '実在しない日付'],
    ['--to before --from', '--due 2027-03-01 --from 2026-12-01 --to 2026-11-30', 'is before --from'],
    ['neither --due nor --born', '--from 2026-12-01 --to 2026-12-31', 'give a due date or a birth date'],
    [
      'a birth reported before it happened',
      '--born 2027-02-01 --born-reported 2027-01-31 --from 2026-12-01 --to 2027-12-01',
      'before it happened',
    ],
    [
      'a loss reported before it happened',
      '--due 2027-03-01 --loss 2026-12-10 --loss-reported 2026-12-09 --from 2026-12-01 --to 2027-12-01',
      'before it happened',
    ],
    [
      'a loss before the birth',
      '--born 2027-02-01 --loss 2027-01-01 --from 2026-12-01 --to 2027-12-01',
      'before the birth',
    ],
    [
      'a birth before 22w0d',
      '--due 2027-03-01 --born 2026-10-25 --from 2026-07-01 --to 2027-12-01',
      'before 22w0d',
    ],
    [
      'a due date more than 280 days after --from',
      '--due 2027-09-08 --from 2026-12-01 --to 2027-12-01',
      'more than 280 days',
    ],
    ['a missing --to', '--due 2027-03-01 --from 2026-12-01', '--to is required'],
    [
      'an unknown flag',
      '--due 2027-03-01 --from 2026-12-01 --to 2026-12-31 --weeks 3',
      'unknown option --weeks',
    ],
    ['a flag without its value', '--due --from 2026-12-01 --to 2026-12-31', '--due needs a value'],
    ['a flag without its value at the end', '--from 2026-12-01 --to 2026-12-31 --due', '--due needs a value'],
  ])('refuses %s with one line on stderr, Japanese then English', async (_case, args, english) => {
    const { code, stdout, stderr } = await yorisoi(['schedule', ...args.split(' ')])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    const lines = stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(1)
    const [ja, en] = lines[0]!.split(' / ')
    expect(ja).toMatch(/[ぁ-んァ-ン一-龥]/)
    expect(lines[0]).toContain(english)
    expect(en).toBeDefined()
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  it('refuses an unknown command with the usage line', async () => {
    const { code, stderr } = await yorisoi(['plan', '--from', '2026-12-01'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/^使い方: yorisoi schedule .* \/ usage: yorisoi schedule/)
  })
})
