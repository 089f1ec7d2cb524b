import type { ArrayField, Field, PayloadRequest, Validate, Where } from 'payload'
import { audiences } from '../../shared/contract/primitives'
import { taskDoneBy } from '../../shared/contract/task'
import type { Program } from '../../shared/program'
import { audienceLabels } from '../plugin/audienceLabels'
import { optionalUrl } from '../plugin/fields/validators'
import { windowField } from '../plugin/fields/window'
import { bilingual, label } from '../plugin/i18n'
import { languageTextField } from '../plugin/languages'

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/** The fields whose change is a new version of a task (and sends it back for approval). */
export const taskContentFields = [
  'tenant',
  'texts',
  'window',
  'audiences',
  'doneBy',
  'survey',
  'remindAfterDays',
  'url',
  'sample',
]

export const doneByLabels: Record<(typeof taskDoneBy)[number], { ja: string; en: string }> = {
  resident: label('住民が「済み」を押す', 'The resident taps “done”'),
  survey: label('アンケートの回答', 'Answering the survey'),
  staff: label('職員が記録', 'Staff record it'),
}

/** The town's languages (Japanese alone when it names none); every language for a national task. */
async function languagesFor(data: Record<string, unknown>, req: PayloadRequest): Promise<string[] | null> {
  const tenant = idOf(data.tenant)
  if (!tenant) return null
  const doc = (await req.payload
    .findByID({
      collection: 'tenants',
      id: tenant as number | string,
      depth: 0,
      req,
      overrideAccess: true,
      disableErrors: true,
    })
    .catch(() => null)) as { languages?: string[] | null } | null
  return doc?.languages?.length ? doc.languages : ['ja']
}

/** Japanese always, one text per language, only the town's languages for a town's task. */
export const validateTaskTexts: Validate = async (value, { data, req }) => {
  const rows = (Array.isArray(value) ? value : []) as { language?: string }[]
  const languages = rows.map((row) => row.language)
  if (!languages.includes('ja')) return bilingual('日本語の文面が必要です', 'A Japanese text is required')
  if (new Set(languages).size !== languages.length)
    return bilingual('同じ言語の文面が二つあります', 'Two texts share a language')
  const offered = await languagesFor((data ?? {}) as Record<string, unknown>, req)
  const foreign = offered ? languages.filter((language) => !offered.includes(String(language))) : []
  return foreign.length
    ? bilingual(
        `この自治体が使っていない言語です: ${foreign.join('、')}`,
        `The town does not use: ${foreign.join(', ')}`,
      )
    : true
}

/** Required, and at most `max` characters (the contract's limits). */
const filledUpTo =
  (max: number): Validate =>
  (value) => {
    const text = String(value ?? '')
    if (!text.trim()) return bilingual('入力してください', 'This field is required')
    return text.length > max ? bilingual(`${max}文字以内にしてください`, `At most ${max} characters`) : true
  }

/** Days after the first notice: whole days 1–180, rising, at most five. */
export const validateReminderDays: Validate = (value) => {
  const days = (Array.isArray(value) ? value : []).map(Number)
  if (days.length > 5) return bilingual('リマインドは5回までです', 'At most five reminders')
  if (days.some((day) => !Number.isInteger(day) || day < 1 || day > 180))
    return bilingual(
      'リマインドの日は1〜180の整数にしてください',
      'Reminder days are whole numbers from 1 to 180',
    )
  if (days.some((day, i) => i > 0 && day <= (days[i - 1] ?? 0)))
    return bilingual('リマインドの日は少ない順に並べてください', 'Reminder days must rise')
  return true
}

const surveyWhenAnswered: Validate = (value, { siblingData }) =>
  (siblingData as { doneBy?: string } | undefined)?.doneBy === 'survey' && !idOf(value)
    ? bilingual('完了にするアンケートを選んでください', 'Choose the survey whose answer marks it done')
    : true

const textsField = (languages: readonly string[]): ArrayField => ({
  name: 'texts',
  // Payload keeps a collection's hasMany values in <table>_texts / _numbers: the rows get their own.
  dbName: 'tasks_wording',
  type: 'array',
  required: true,
  minRows: 1,
  label: label('文面', 'Texts'),
  labels: { singular: label('文面', 'Text'), plural: label('文面', 'Texts') },
  defaultValue: [{ language: 'ja' }],
  validate: validateTaskTexts,
  admin: {
    description: label(
      '日本語は必須です。ほかの言語の住民には、その言語がなければ日本語で届きます',
      'Japanese is required; residents of a language without a text get the Japanese one',
    ),
  },
  fields: [
    languageTextField(languages, { defaultValue: 'ja' }),
    {
      name: 'title',
      type: 'text',
      required: true,
      label: label('名前（60文字まで）', 'Name (up to 60 characters)'),
      admin: { description: label('例: 出生届と児童手当', 'e.g. Birth report and child allowance') },
      validate: filledUpTo(60),
    },
    {
      name: 'line',
      type: 'textarea',
      required: true,
      label: label('メッセージに載せる一文（160文字まで）', 'The line in the daily message (up to 160)'),
      admin: {
        description: label(
          '例: 出生届と児童手当の申請はお済みですか。',
          'e.g. Have you reported the birth and applied for the child allowance?',
        ),
      },
      validate: filledUpTo(160),
    },
  ],
})

type ProgramOf = (data: Record<string, unknown>, req: PayloadRequest) => Promise<Program>

/** What a task says and when: everything a change of which is a new version. */
export const taskContentFieldsOf = (languages: readonly string[], programOf: ProgramOf): Field[] => [
  textsField(languages),
  windowField('window', programOf),
  {
    name: 'audiences',
    type: 'select',
    hasMany: true,
    required: true,
    defaultValue: ['primary'],
    label: label('対象', 'Audience'),
    options: audiences.map((value) => ({ value, label: audienceLabels[value] })),
  },
  {
    name: 'doneBy',
    type: 'select',
    required: true,
    defaultValue: 'resident',
    label: label('済みになる方法', 'How it is marked done'),
    options: taskDoneBy.map((value) => ({ value, label: doneByLabels[value] })),
    admin: {
      description: label(
        '職員はどの方法のタスクでも、職員画面から「済み」にできます',
        'Staff can mark any task done in the workspace',
      ),
    },
  },
  {
    name: 'survey',
    type: 'relationship',
    relationTo: 'surveys',
    label: label('アンケート', 'Survey'),
    admin: { condition: (_, sibling) => sibling?.doneBy === 'survey' },
    // A national task names a national survey; a town's task also one of its town's.
    filterOptions: ({ data }): Where => {
      const tenant = idOf(data?.tenant)
      const nationalSurvey: Where = { tenant: { exists: false } }
      return tenant ? { or: [nationalSurvey, { tenant: { equals: tenant } }] } : nationalSurvey
    },
    validate: surveyWhenAnswered,
  },
  {
    name: 'remindAfterDays',
    type: 'number',
    hasMany: true,
    maxRows: 5,
    min: 1,
    max: 180,
    defaultValue: [7, 14],
    label: label('リマインドする日（最初の案内から何日後）', 'Remind after (days after the first notice)'),
    admin: {
      description: label(
        '少ない順に5回まで。空にするとリマインドしません',
        'Rising, at most five; empty: no reminder',
      ),
    },
    validate: validateReminderDays,
  },
  {
    name: 'url',
    type: 'text',
    label: label('手続きのページ（任意、https://）', 'Where to do it (optional, https://)'),
    validate: (value: unknown, args: Parameters<Validate>[1]) => {
      const text = String(value ?? '').trim()
      if (text && !text.startsWith('https://'))
        return bilingual('https:// で始まる URL にしてください', 'Use an https:// URL')
      return optionalUrl(value, args)
    },
  },
  {
    // Sample content carries this to residents' screens: the edge marks it visibly.
    name: 'sample',
    type: 'checkbox',
    defaultValue: false,
    label: label('見本（監修を受けていない文章）', 'Sample (text nobody has reviewed)'),
  },
]
