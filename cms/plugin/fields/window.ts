import type { GroupField, PayloadRequest, Validate } from 'payload'
import type { Program } from '../../../shared/program'
import { type ProgramWindow, validateWindow } from '../../../shared/program'
import { bilingual, label } from '../i18n'

export const windowUnits = [
  'every',
  'pregnancy-week',
  'pregnancy-month',
  'child-day',
  'child-month',
  'loss-day',
] as const

const unitLabels: Record<(typeof windowUnits)[number], { ja: string; en: string }> = {
  every: label('すべてのメッセージ', 'Every message'),
  'pregnancy-week': label('妊娠 週', 'Pregnancy week'),
  'pregnancy-month': label('妊娠 か月', 'Pregnancy month'),
  'child-day': label('生後 日', 'Days after birth'),
  'child-month': label('月齢', 'Child age in months'),
  'loss-day': label('死産・流産の報告から 日', 'Days after a reported loss'),
}

/** The stored group as the program engine's window, or null when a number is missing. */
export function toProgramWindow(value: unknown): ProgramWindow | null {
  const group = (value ?? {}) as { unit?: string; from?: number | null; to?: number | null }
  if (group.unit === 'every') return { unit: 'every' }
  if (group.from === null || group.from === undefined || group.to === null || group.to === undefined)
    return null
  return { unit: group.unit, from: group.from, to: group.to } as ProgramWindow
}

type ProgramOf = (data: Record<string, unknown>, req: PayloadRequest) => Promise<Program>

const validateProgramWindow =
  (programOf: ProgramOf): Validate =>
  async (value, { data, req }) => {
    const window = toProgramWindow(value)
    if (!window) {
      return bilingual(
        '期間の開始と終了を入力してください（例: 妊娠6か月〜8か月）',
        'Enter where the window starts and ends (e.g. pregnancy months 6 to 8)',
      )
    }
    const program = await programOf((data ?? {}) as Record<string, unknown>, req)
    const check = validateWindow(program, window)
    return check.ok ? true : bilingual(check.message.ja, check.message.en)
  }

/** Where in the program an entry applies, in the units people use: 妊娠6か月〜8か月, 生後0〜30日, 月齢18か月. */
export const windowField = (name: string, programOf: ProgramOf): GroupField => ({
  name,
  type: 'group',
  label: label('対象期間', 'Program window'),
  validate: validateProgramWindow(programOf),
  fields: [
    {
      name: 'unit',
      type: 'select',
      required: true,
      defaultValue: 'every',
      label: label('単位', 'Unit'),
      options: windowUnits.map((value) => ({ value, label: unitLabels[value] })),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'from',
          type: 'number',
          min: 0,
          label: label('から', 'From'),
          admin: { condition: (_, s) => s?.unit !== 'every' },
        },
        {
          name: 'to',
          type: 'number',
          min: 0,
          label: label('まで', 'To'),
          admin: { condition: (_, s) => s?.unit !== 'every' },
        },
      ],
    },
  ],
})
