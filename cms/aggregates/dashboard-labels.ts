import type { Field, Option } from 'payload'
import {
  audiences,
  channels,
  type deliveryKinds,
  type deliveryOutcomes,
  type providerPauseCauses,
  residentStages,
  type stopReasons,
} from '../../shared/contract'
import { languageTags } from '../../shared/languages'
import { audienceLabels } from '../plugin/audienceLabels'
import { label } from '../plugin/i18n'
import { languageTextField } from '../plugin/languages'

type Label = { ja: string; en: string }

/** The contract's enums in words, Japanese first: the dashboard's selects (and D-B's legends). */
export const stageLabels: Record<(typeof residentStages)[number], Label> = {
  'pregnancy-early': label('妊娠前期', 'Pregnancy, early'),
  'pregnancy-mid': label('妊娠中期', 'Pregnancy, middle'),
  'pregnancy-late': label('妊娠後期', 'Pregnancy, late'),
  'day-0-100': label('0〜100日', '0–100 days'),
  'to-1': label('〜1歳', 'Up to 1 year'),
  'to-2': label('〜2歳', 'Up to 2 years'),
  'to-3': label('〜3歳', 'Up to 3 years'),
}

export const stopReasonLabels: Record<(typeof stopReasons)[number], Label> = {
  moved: label('引っ越した', 'Moved away'),
  enough: label('もう十分', 'Had enough'),
  'too-many': label('お便りが多すぎる', 'Too many messages'),
  'not-useful': label('役に立たない', 'Not useful'),
  other: label('その他', 'Other'),
  'not-given': label('回答なし', 'Not given'),
}

export const channelLabels: Record<(typeof channels)[number], Label> = {
  email: label('メール', 'Email'),
  sms: label('SMS', 'SMS'),
  line: label('LINE', 'LINE'),
}

export const stateLabels = { active: label('配信中', 'Active'), paused: label('一時停止', 'Paused') }

export const pauseCauseLabels: Record<(typeof providerPauseCauses)[number], Label> = {
  refused: label('宛先の拒否（不達・苦情・ブロック）', 'Address refused (bounce, complaint, unfollow)'),
  failures: label('送信の失敗が続いた', 'Repeated failed days'),
}

export const deliveryKindLabels: Record<(typeof deliveryKinds)[number], Label> = {
  program: label('定期のお便り', 'Program message'),
  confirmation: label('確認メッセージ', 'Confirmation'),
  announcement: label('お知らせ', 'Announcement'),
}

export const outcomeLabels: Record<(typeof deliveryOutcomes)[number], Label> = {
  sent: label('送信済み', 'Sent'),
  'failed-transient': label('一時的な失敗', 'Failed (transient)'),
  'failed-permanent': label('失敗', 'Failed'),
  unknown: label('不明', 'Unknown'),
}

const options = (values: readonly string[], labels: Record<string, Label>): Option[] =>
  values.map((value) => ({ value, label: labels[value] ?? label(value, value) }))

export const selectField = (
  name: string,
  fieldLabel: Label,
  values: readonly string[],
  labels: Record<string, Label>,
  required = true,
): Field => ({
  name,
  type: 'select',
  required,
  index: true,
  label: fieldLabel,
  options: options(values, labels),
})

export const countField = (name: string, fieldLabel: Label): Field => ({
  name,
  type: 'number',
  required: true,
  min: 0,
  label: fieldLabel,
})

/** `optional`: a row may have no stage (no pregnancy or child under 3 running, e.g. after a loss). */
export const stageField = (optional = false) =>
  selectField('stage', label('時期', 'Stage'), residentStages, stageLabels, !optional)
export const channelField = () =>
  selectField('channel', label('チャネル', 'Channel'), channels, channelLabels)
export const audienceField = () =>
  selectField('audience', label('続柄', 'Audience'), audiences, audienceLabels)
export const languageField = () => languageTextField(languageTags, { index: true })
