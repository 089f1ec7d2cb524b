import type {
  ArrayField,
  ArrayFieldValidation,
  DateFieldValidation,
  Field,
  PayloadRequest,
  Validate,
} from 'payload'
import { announcementBodyMaxLength } from '../../shared/contract/announcement'
import { audiences, channels, httpsUrl } from '../../shared/contract/primitives'
import type { Program } from '../../shared/program'
import { audienceLabels } from '../plugin/audienceLabels'
import { validateShortText } from '../plugin/fields/shortText'
import { windowField } from '../plugin/fields/window'
import { zodValidate } from '../plugin/fields/zodValidate'
import { bilingual, label } from '../plugin/i18n'
import { languageListField, languageTextField } from '../plugin/languages'

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

export const channelLabels: Record<(typeof channels)[number], { ja: string; en: string }> = {
  email: label('メール', 'Email'),
  sms: label('SMS', 'SMS'),
  line: label('LINE', 'LINE'),
}

/** The languages the announcement's town offers (Japanese alone when it names none). */
async function townLanguages(data: Record<string, unknown>, req: PayloadRequest): Promise<string[]> {
  const tenant = idOf(data.tenant)
  if (!tenant) return ['ja']
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

/** Japanese always, one text per language, only the town's languages. */
const validateTexts: ArrayFieldValidation = async (value, { data, req }) => {
  const rows = (Array.isArray(value) ? value : []) as { language?: string }[]
  const languages = rows.map((row) => row.language)
  if (!languages.includes('ja')) return bilingual('日本語の文面が必要です', 'A Japanese text is required')
  if (new Set(languages).size !== languages.length)
    return bilingual('同じ言語の文面が二つあります', 'Two texts share a language')
  const offered = await townLanguages((data ?? {}) as Record<string, unknown>, req)
  const foreign = languages.filter((language) => !offered.includes(String(language)))
  return foreign.length
    ? bilingual(
        `この自治体が使っていない言語です: ${foreign.join('、')}`,
        `The town does not use: ${foreign.join(', ')}`,
      )
    : true
}

/** A time to send it, unless it goes at once. */
const sendAtUnlessUrgent: DateFieldValidation = (value, { data }) =>
  (data as { urgent?: boolean } | undefined)?.urgent || value
    ? true
    : bilingual(
        '送信日時を入れてください（緊急ならすぐ送ります）',
        'Enter when to send it (urgent ones go at once)',
      )

/** Required, and at most `max` characters. */
const filledUpTo =
  (max: number): Validate =>
  (value) => {
    const text = String(value ?? '')
    if (!text.trim()) return bilingual('入力してください', 'This field is required')
    return text.length > max ? bilingual(`${max}文字以内にしてください`, `At most ${max} characters`) : true
  }

const textsField = (languages: readonly string[]): ArrayField => ({
  name: 'texts',
  // Payload keeps a collection's hasMany text values in <table>_texts: the rows need another name.
  dbName: 'announcements_wording',
  type: 'array',
  required: true,
  minRows: 1,
  label: label('文面', 'Texts'),
  labels: { singular: label('文面', 'Text'), plural: label('文面', 'Texts') },
  defaultValue: [{ language: 'ja' }],
  validate: validateTexts,
  fields: [
    languageTextField(languages, { defaultValue: 'ja' }),
    {
      name: 'title',
      type: 'text',
      required: true,
      label: label('件名（60文字まで）', 'Title (up to 60 characters)'),
      validate: filledUpTo(60),
    },
    {
      name: 'body',
      type: 'textarea',
      required: true,
      label: label('本文（2000文字まで）', 'Body (up to 2,000 characters)'),
      admin: { description: label('空行で段落を分けます', 'A blank line separates paragraphs') },
      validate: filledUpTo(announcementBodyMaxLength),
    },
    {
      name: 'shortText',
      type: 'textarea',
      label: label('短文（SMS・LINE、任意）', 'Short text (SMS, LINE; optional)'),
      admin: {
        description: label(
          'ないときは件名とページへのリンクを送ります',
          'Without it, the title and the page link are sent',
        ),
      },
      validate: validateShortText,
    },
  ],
})

/** Who receives it: the window in 妊娠nか月 / 月齢, audiences, languages and channels. */
const targetField = (
  languages: readonly string[],
  programOf: (data: Record<string, unknown>, req: PayloadRequest) => Promise<Program>,
): Field => ({
  name: 'target',
  type: 'group',
  label: label('対象', 'Target'),
  fields: [
    {
      ...windowField('window', programOf),
      admin: {
        description: label(
          '「すべてのメッセージ」のままなら妊娠中・子育て中の全員です（例: 妊娠8か月 → 妊娠 か月 8〜8）',
          'Left at "every message": everyone pregnant or raising a child (e.g. pregnancy month 8 to 8)',
        ),
      },
    },
    {
      name: 'audiences',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: [...audiences],
      label: label('受け取る人', 'Audiences'),
      options: audiences.map((value) => ({ value, label: audienceLabels[value] })),
    },
    languageListField(languages, {
      name: 'languages',
      label: label('言語（空ならすべて）', 'Languages (none: all)'),
    }),
    {
      name: 'channels',
      type: 'select',
      hasMany: true,
      label: label('送る手段（空ならすべて）', 'Channels (none: all)'),
      defaultValue: [...channels],
      options: channels.map((value) => ({ value, label: channelLabels[value] })),
    },
  ],
})

/** The fields staff write; a change to any of them is a new version. */
export const announcementContentFields = [
  'tenant',
  'texts',
  'urgent',
  'health',
  'sendAt',
  'target',
  'url',
] as const

export const contentFieldsOf = (
  languages: readonly string[],
  programOf: (data: Record<string, unknown>, req: PayloadRequest) => Promise<Program>,
): Field[] => [
  textsField(languages),
  {
    type: 'row',
    fields: [
      {
        name: 'urgent',
        type: 'checkbox',
        defaultValue: false,
        label: label('緊急のお知らせ', 'Urgent'),
        admin: {
          description: label(
            '送信時刻を待たずすぐ送ります',
            'Sent at once, without waiting for the send time',
          ),
        },
      },
      {
        name: 'health',
        type: 'checkbox',
        defaultValue: false,
        label: label('健康・医療の内容', 'Health content'),
        admin: { description: label('医療監修者が承認します', 'A medical supervisor approves it') },
      },
    ],
  },
  {
    name: 'sendAt',
    type: 'date',
    label: label('送信日時', 'Send at'),
    timezone: {
      defaultTimezone: 'Asia/Tokyo',
      supportedTimezones: [{ label: '日本時間 / Japan time', value: 'Asia/Tokyo' }],
      override: ({ baseField }) => ({
        ...baseField,
        label: label('時間帯', 'Time zone'),
        options: [{ value: 'Asia/Tokyo', label: label('日本時間', 'Japan time') }],
      }),
    },
    admin: {
      date: { pickerAppearance: 'dayAndTime', timeIntervals: 15 },
      condition: (data) => data?.urgent !== true,
      description: label(
        '自治体の時刻で入力します。緊急のお知らせでは使いません',
        "In the town's time; not used for an urgent announcement",
      ),
    },
    validate: sendAtUnlessUrgent,
  },
  targetField(languages, programOf),
  {
    name: 'url',
    type: 'text',
    label: label('リンク（https、任意）', 'Link (https; optional)'),
    validate: zodValidate(httpsUrl, { optional: true }),
  },
]
